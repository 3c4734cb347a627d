// The demo page's own logic: it creates the widgets (registered by /cdn/kpi-kit.js) and wires the switches.

/** Each widget in the demo: tag, the fixture it loads by `src`, and whether it spans the page. */
const WIDGETS: { tag: string; src: string; wide?: boolean; attrs?: Record<string, string> }[] = [
  { tag: 'kpi-funnel', src: 'funnel.fulfilment.json' },
  { tag: 'kpi-funnel', src: 'funnel.leads.json', attrs: { scale: 'log' } },
  { tag: 'kpi-cohort-grid', src: 'cohort.monthly-customers.json', wide: true, attrs: { curve: '' } },
  { tag: 'kpi-checkout-friction', src: 'checkout-friction.modelled.json', wide: true },
  { tag: 'kpi-regional-sla', src: 'regional-sla.states.json', wide: true },
  { tag: 'kpi-channel-view', src: 'channels.omnichannel.modelled.json', wide: true },
];

/** Fixtures that also exist with Portuguese labels. */
const PORTUGUESE = new Set(['funnel.fulfilment.json', 'regional-sla.states.json']);
const srcFor = (file: string, lang: string) => `./data/${lang.startsWith('pt') && PORTUGUESE.has(file) ? file.replace('.json', '.pt-BR.json') : file}`;

const main = document.getElementById('widgets')!;
for (const w of WIDGETS) {
  const el = document.createElement(w.tag);
  el.dataset['file'] = w.src;
  el.setAttribute('src', srcFor(w.src, document.documentElement.lang));
  if (w.wide) el.classList.add('wide');
  for (const [k, v] of Object.entries(w.attrs ?? {})) el.setAttribute(k, v);
  main.append(el);
}
main.addEventListener('kpi-select', (e) => console.info('kpi-select', (e as CustomEvent).detail));

const locale = document.getElementById('locale') as HTMLSelectElement;
const theme = document.getElementById('theme') as HTMLSelectElement;
const brand = document.getElementById('brand') as HTMLSelectElement;
locale.value = document.documentElement.lang;
locale.addEventListener('change', () => {
  document.documentElement.lang = locale.value;
  for (const el of main.children) el.setAttribute('src', srcFor((el as HTMLElement).dataset['file'] ?? '', locale.value));
});
theme.addEventListener('change', () => {
  document.body.classList.toggle('dark', theme.value === 'dark');
  for (const el of main.children) {
    if (theme.value) el.setAttribute('theme', theme.value);
    else el.removeAttribute('theme');
  }
});
brand.addEventListener('change', () => {
  main.classList.toggle('brand-aurora', brand.value === 'aurora');
});
