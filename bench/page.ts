/**
 * The benchmark page: runs one scenario on one side (kpi-kit or its peer) and
 * leaves the measurements in `window.__benchResult`. Timing is taken in the
 * page with performance.now(): each step starts once what the previous step
 * drew is painted, and ends when the frame after the widget's `updateComplete`
 * (ECharts' `finished` event, AG Grid's `firstDataRendered`, Vaadin Grid's first
 * row) is painted, the same for every side. Interactions also count the tasks
 * over 50 ms they caused.
 *
 * kpi-kit comes from the real CDN build (dist/cdn/kpi-kit.js, loaded by
 * index.html); the peers (ECharts 6, tree-shaken; AG Grid; Vaadin Grid) are
 * bundled with this file and loaded only by their own pages. The harness is
 * bench/page/harness.ts; each widget's scenarios are in bench/page/<widget>.ts.
 */
import { municipalities, weeklyCohorts } from '../tests/data/generators.js';
import { loadSide, type Result } from './page/harness.js';
import { funnelDoc } from './page/data.js';
import { funnelScenarios } from './page/funnel.js';
import { cohortScenarios } from './page/cohort.js';
import { regionalSlaScenarios } from './page/regional-sla.js';
import { widgets20Scenarios } from './page/widgets20.js';
import { forecastScenarios } from './page/forecast.js';

const scenarios: Record<string, Record<string, () => Promise<Result>>> = {
  ...funnelScenarios,
  ...cohortScenarios,
  ...regionalSlaScenarios,
  ...widgets20Scenarios,
  ...forecastScenarios,
};

const q = new URLSearchParams(location.search);
const side = q.get('side') ?? '';
const run = scenarios[q.get('scenario') ?? '']?.[side];
await loadSide(side);
// For profiling by hand (DevTools or CDP): the documents the scenarios use.
(window as unknown as { __benchData: unknown }).__benchData = { municipalities, weeklyCohorts, funnelDoc };
(window as unknown as { __benchSides: unknown }).__benchSides = Object.fromEntries(
  Object.entries(scenarios).map(([k, v]) => [k, Object.keys(v)]),
);
(run ? run() : Promise.reject(new Error(`no scenario ${q.get('scenario')}/${q.get('side')}`)))
  .then((r) => {
    (window as unknown as { __benchResult: unknown }).__benchResult = r;
  })
  .catch((e: Error) => {
    (window as unknown as { __benchResult: unknown }).__benchResult = { error: e.message };
  });
