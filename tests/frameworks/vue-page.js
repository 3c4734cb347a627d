// A Vue 3 page that embeds each widget as a Vue developer would (Vue's browser build, runtime template compiler).
import { createApp, ref, onMounted } from '/node_modules/vue/dist/vue.esm-browser.prod.js';

const FIXTURES = {
  funnel: 'funnel.fulfilment.json',
  checkout: 'checkout-friction.modelled.json',
  cohort: 'cohort.monthly-customers.json',
  sla: 'regional-sla.states.json',
  channels: 'channels.omnichannel.modelled.json',
  forecast: 'forecast.monthly-revenue.json',
};

const app = createApp({
  setup() {
    const docs = ref(null);
    const picked = ref('');
    const board = ref(null);
    onMounted(async () => {
      const entries = await Promise.all(
        Object.entries(FIXTURES).map(async ([k, f]) => [k, await (await fetch(`/fixtures/${f}`)).json()]),
      );
      docs.value = Object.fromEntries(entries);
      board.value = await (await fetch('/fixtures/board.static.json')).json();
    });
    const onSelect = (e) => {
      picked.value = `${e.detail.type}:${e.detail.id}`;
    };
    return { docs, picked, onSelect, board };
  },
  template: `
    <main v-if="docs">
      <kpi-funnel :data.prop="docs.funnel" percent-of="previous" locale="pt-BR" @kpi-select="onSelect"></kpi-funnel>
      <kpi-checkout-friction :data.prop="docs.checkout" rank-by="revenue"></kpi-checkout-friction>
      <kpi-cohort-grid :data.prop="docs.cohort" mode="churn" curve></kpi-cohort-grid>
      <kpi-regional-sla :data.prop="docs.sla" grouped></kpi-regional-sla>
      <kpi-channel-view :data.prop="docs.channels" metric="orders"></kpi-channel-view>
      <kpi-forecast :data.prop="docs.forecast"></kpi-forecast>
      <kpi-board v-if="board" :manifest.prop="board" locale="pt-BR"></kpi-board>
      <output id="picked">{{ picked }}</output>
    </main>
    <p v-else>Loading…</p>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('kpi-');
app.mount('#app');
