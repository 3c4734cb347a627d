// A React 19 page that embeds each widget as a React developer would (loaded with the CDN build).
// Type-checked with the JSX typings from kpi-kit/react.
import { createRoot } from 'react-dom/client';
import { useEffect, useState } from 'react';
import type {} from '../../types/react.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { KpiDocMap } from '../../src/index.js';

const FIXTURES = {
  funnel: 'funnel.fulfilment.json',
  checkout: 'checkout-friction.modelled.json',
  cohort: 'cohort.monthly-customers.json',
  sla: 'regional-sla.states.json',
  channels: 'channels.omnichannel.modelled.json',
  forecast: 'forecast.monthly-revenue.json',
} as const;

/** The documents, typed as each element's `data` is (kpi-kit/react checks them). */
interface Docs {
  funnel: KpiDocMap['funnel'];
  checkout: KpiDocMap['checkout-friction'];
  cohort: KpiDocMap['cohort'];
  sla: KpiDocMap['regional-sla'];
  channels: KpiDocMap['channels'];
  forecast: KpiDocMap['forecast'];
}

function App() {
  const [docs, setDocs] = useState<Docs | null>(null);
  const [picked, setPicked] = useState('');
  const [board, setBoard] = useState<unknown>(null);
  useEffect(() => {
    void Promise.all(
      Object.entries(FIXTURES).map(async ([k, f]) => [k, await (await fetch(`/fixtures/${f}`)).json()] as const),
    ).then((entries) => setDocs(Object.fromEntries(entries) as unknown as Docs));
    void fetch('/fixtures/board.static.json')
      .then((r) => r.json())
      .then(setBoard);
  }, []);
  if (!docs) return <p>Loading…</p>;
  const onSelect = (e: KpiSelectEvent) => setPicked(`${e.detail.type}:${e.detail.id}`);
  return (
    <main>
      <kpi-funnel data={docs.funnel} percent-of="previous" locale="pt-BR" onkpi-select={onSelect} />
      <kpi-checkout-friction data={docs.checkout} rank-by="revenue" />
      <kpi-cohort-grid data={docs.cohort} mode="churn" curve />
      <kpi-regional-sla data={docs.sla} grouped />
      <kpi-channel-view data={docs.channels} metric="orders" />
      <kpi-forecast data={docs.forecast} />
      {board ? <kpi-board manifest={board as never} locale="pt-BR" onkpi-board-change={() => undefined} /> : null}
      <output id="picked">{picked}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
