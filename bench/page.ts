/**
 * The benchmark page: runs one scenario on one side (kpi-kit or its peer) and
 * leaves the measurements in `window.__benchResult`. Timing is taken in the
 * page with performance.now(), from setting the data to the frame after the
 * widget's `updateComplete` (or ECharts' `finished` event).
 *
 * kpi-kit comes from the real CDN build (dist/cdn/kpi-kit.js, loaded by
 * index.html); the peer is ECharts 6, tree-shaken, bundled with this file.
 */
import type { setupECharts } from './peers/echarts-entry.js';
import { municipalities, weeklyCohorts } from '../tests/data/generators.js';
import type { FunnelDoc, RegionalSlaDoc } from '../src/schema/index.js';
import funnelFixture from '../demo/public/data/funnel.fulfilment.json';
import cohortFixture from '../demo/public/data/cohort.monthly-customers.json';
import checkoutFixture from '../demo/public/data/checkout-friction.modelled.json';
import slaFixture from '../demo/public/data/regional-sla.states.json';
import channelsFixture from '../demo/public/data/channels.omnichannel.modelled.json';
import { forecastSeries } from '../src/compute/forecast.js';
import { addPeriods } from '../src/compute/periods.js';

/** Each side loads only its own code, so the heap and start-up of one never count against the other. */
let echarts: ReturnType<typeof setupECharts>;
let grids: typeof import('./peers/grid-entry.js');

type Widget = HTMLElement & { data: unknown; updateComplete: Promise<boolean>; [k: string]: unknown };
type Result = Record<string, number>;

/** A kpi-kit element (defined by the CDN build the page loads). */
const make = (tag: string) => document.createElement(tag) as unknown as Widget;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** The sizes of the SLA scaling row, after an untimed warm-up of 50. */
const SCALE = [50, 500, 5000, 50000];
const stage = document.getElementById('stage')!;

function box(width = 1000, height = 600): HTMLDivElement {
  const d = document.createElement('div');
  d.style.width = `${width}px`;
  d.style.height = `${height}px`;
  stage.append(d);
  return d;
}

async function timeKpi(el: Widget, change: () => void): Promise<number> {
  const t0 = performance.now();
  change();
  await el.updateComplete;
  await frame();
  return performance.now() - t0;
}

async function timeECharts(chart: ReturnType<typeof echarts.init>, change: () => void): Promise<number> {
  const t0 = performance.now();
  const done = new Promise<void>((r) => chart.on('finished', () => r()));
  change();
  await done;
  await frame();
  chart.off('finished');
  return performance.now() - t0;
}

// ------------------------------------------------------------------ data

/** 8 steps × 12 segments. */
export function funnelDoc(): FunnelDoc {
  const steps = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, label: `Step ${i + 1}`, count: Math.round(200000 * 0.72 ** i) }));
  const segments = Array.from({ length: 12 }, (_, k) => ({
    id: `seg${k}`, label: `Segment ${k + 1}`,
    steps: steps.map((s, i) => ({ id: s.id, count: Math.round((s.count / 12) * (0.8 + ((k + i) % 5) / 10)) })),
  }));
  return { kind: 'funnel', version: 1, title: 'Funnel, 8 steps × 12 segments', steps, segments };
}

function funnelOption(doc: FunnelDoc, percentOf: 'first' | 'previous') {
  const segments = doc.segments ?? [];
  return {
    animation: false,
    title: segments.map((s, k) => ({ text: s.label, left: `${(k % 4) * 25 + 1}%`, top: `${Math.floor(k / 4) * 33}%`, textStyle: { fontSize: 11 } })),
    tooltip: { trigger: 'item' },
    series: segments.map((s, k) => ({
      type: 'funnel', sort: 'none', left: `${(k % 4) * 25 + 1}%`, top: `${Math.floor(k / 4) * 33 + 5}%`, width: '22%', height: '26%',
      label: {
        show: true, position: 'inside', fontSize: 9,
        formatter: (p: { dataIndex: number; value: number }) => {
          const base = percentOf === 'first' ? s.steps[0]!.count : s.steps[Math.max(0, p.dataIndex - 1)]!.count;
          return `${((p.value / (base || 1)) * 100).toFixed(1)}%`;
        },
      },
      data: s.steps.map((st, i) => ({ name: doc.steps[i]!.label, value: st.count })),
    })),
  };
}

function heatmapOption(doc: ReturnType<typeof weeklyCohorts>, mode: 'percent' | 'churn') {
  const data: [number, number, number][] = [];
  doc.cohorts.forEach((c, y) => c.values.forEach((v, x) => {
    if (v === null) return;
    const r = c.size ? v / c.size : 0;
    data.push([x, y, mode === 'percent' ? r : 1 - r]);
  }));
  return {
    animation: false,
    tooltip: {},
    grid: { left: 90, right: 10, top: 10, bottom: 40 },
    xAxis: { type: 'category', data: Array.from({ length: 104 }, (_, i) => String(i)) },
    yAxis: { type: 'category', data: doc.cohorts.map((c) => c.label) },
    visualMap: { min: 0, max: mode === 'percent' ? 0.4 : 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, show: false },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: 7, formatter: (p: { value: number[] }) => `${((p.value[2] ?? 0) * 100).toFixed(0)}%` } }],
  };
}

/** The hand-written table a developer would write without us: every row, in the DOM. */
function plainTable(container: HTMLElement, doc: RegionalSlaDoc, rows: RegionalSlaDoc['regions']) {
  const table = document.createElement('table');
  const head = document.createElement('tr');
  for (const h of ['Region', 'Group', 'Volume', ...doc.metrics.flatMap((m) => [`${m.label} p50`, `${m.label} p90`, `${m.label} breach`])]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const r of rows) {
    const tr = document.createElement('tr');
    const cells = [r.label, r.group ?? '', r.volume.toLocaleString()];
    for (const m of doc.metrics) {
      const v = r.values[m.id];
      cells.push(v ? v.p50.toFixed(1) : '—', v ? v.p90.toFixed(1) : '—', v && v.total ? `${((1 - v.withinTarget / v.total) * 100).toFixed(1)}%` : '—');
    }
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  container.replaceChildren(table);
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// ------------------------------------------------------------------ scenarios

const scenarios: Record<string, Record<string, () => Promise<Result>>> = {
  funnel: {
    'kpi-kit': async () => {
      const doc = funnelDoc();
      const el = make('kpi-funnel');
      el.setAttribute('multiples', '');
      box().append(el);
      const first = await timeKpi(el, () => { el.data = doc; });
      const toggle = await timeKpi(el, () => { el['percentOf'] = 'previous'; });
      return { 'first render': first, 'switch percent-of': toggle };
    },
    echarts: async () => {
      const doc = funnelDoc();
      const div = box();
      const t0 = performance.now();
      const chart = echarts.init(div, undefined, { renderer: 'canvas' });
      const done = new Promise<void>((r) => chart.on('finished', () => r()));
      chart.setOption(funnelOption(doc, 'first'));
      await done;
      await frame();
      const first = performance.now() - t0;
      chart.off('finished');
      const toggle = await timeECharts(chart, () => chart.setOption(funnelOption(doc, 'previous')));
      return { 'first render': first, 'switch percent-of': toggle };
    },
  },
  cohort: {
    'kpi-kit': async () => {
      const doc = weeklyCohorts(104);
      const el = make('kpi-cohort-grid');
      box(1000, 800).append(el);
      const first = await timeKpi(el, () => { el.data = doc; });
      const mode = await timeKpi(el, () => { el['mode'] = 'churn'; });
      return { 'first render': first, 'switch mode': mode };
    },
    ...Object.fromEntries((['canvas', 'svg'] as const).map((renderer) => [`echarts-${renderer}`, async () => {
      const doc = weeklyCohorts(104);
      const div = box(1000, 800);
      const t0 = performance.now();
      const chart = echarts.init(div, undefined, { renderer });
      const done = new Promise<void>((r) => chart.on('finished', () => r()));
      chart.setOption(heatmapOption(doc, 'percent'));
      await done;
      await frame();
      const first = performance.now() - t0;
      chart.off('finished');
      const mode = await timeECharts(chart, () => chart.setOption(heatmapOption(doc, 'churn')));
      return { 'first render': first, 'switch mode': mode };
    }])),
  },
  sla: {
    'kpi-kit': async () => {
      const doc = municipalities(5000);
      const el = make('kpi-regional-sla');
      box(1200, 700).append(el);
      const first = await timeKpi(el, () => { el.data = doc; });
      const sort = await timeKpi(el, () => { el['sort'] = 'delivery:p90'; });
      const filter = await timeKpi(el, () => { el['filter'] = 'agua'; });
      return { 'first render': first, sort, filter };
    },
    'plain table': async () => {
      const doc = municipalities(5000);
      const div = box(1200, 700);
      div.style.overflow = 'auto';
      const time = async (fn: () => void) => { const t0 = performance.now(); fn(); await frame(); return performance.now() - t0; };
      const first = await time(() => plainTable(div, doc, doc.regions));
      const sorted = () => [...doc.regions].sort((a, b) => (b.values['delivery']?.p90 ?? -1) - (a.values['delivery']?.p90 ?? -1));
      const sort = await time(() => plainTable(div, doc, sorted()));
      const filter = await time(() => plainTable(div, doc, sorted().filter((r) => fold(`${r.label} ${r.id}`).includes('agua'))));
      return { 'first render': first, sort, filter };
    },
    // AG Grid: first render to the frame after firstDataRendered; sort by P90 and its quick filter, each to the next frame.
    'ag-grid': async () => {
      const doc = municipalities(5000);
      const div = box(1200, 700);
      const t0 = performance.now();
      let api!: ReturnType<typeof grids.agGrid>;
      await new Promise<void>((r) => { api = grids.agGrid(div, doc, () => r()); });
      await frame();
      const first = performance.now() - t0;
      const time = async (fn: () => void) => { const t = performance.now(); fn(); await frame(); await frame(); return performance.now() - t; };
      const sort = await time(() => api.applyColumnState({ state: [{ colId: 'delivery_p90', sort: 'desc' }], defaultState: { sort: null } }));
      const filter = await time(() => api.setGridOption('quickFilterText', 'agua'));
      return { 'first render': first, sort, filter };
    },
    // Vaadin Grid: items in, to the frame after its rows render; sort by the P90 column; filter by new items (it has no quick filter).
    'vaadin-grid': async () => {
      const doc = municipalities(5000);
      const div = box(1200, 700);
      const rendered = (g: HTMLElement) => new Promise<void>((r) => { const check = () => (g.shadowRoot?.querySelector('tbody#items tr') ? r() : requestAnimationFrame(check)); check(); });
      const t0 = performance.now();
      const grid = grids.vaadinGrid(div, doc);
      await rendered(grid);
      await frame();
      const first = performance.now() - t0;
      const time = async (fn: () => void) => { const t = performance.now(); fn(); await frame(); await frame(); return performance.now() - t; };
      const p90 = [...grid.querySelectorAll('vaadin-grid-sort-column')].find((c) => (c as unknown as { path: string }).path === 'delivery_p90') as unknown as { direction: string };
      const sort = await time(() => { p90.direction = 'desc'; });
      const rows = grids.gridRows(doc);
      const filter = await time(() => { grid.items = rows.filter((r) => fold(`${r['label']} ${r['id']}`).includes('agua')); });
      return { 'first render': first, sort, filter };
    },
  },
  // Issue #19's scaling row: first render at 500, 5,000 and 50,000 regions (documents built before the clock starts),
  // each in a box of its own, against AG Grid's first render of the same rows. Each side first renders 50 regions
  // untimed, so no size pays the page's one-time costs (compiling, first styles).
  slaScale: {
    'kpi-kit': async () => {
      const out: Record<string, number> = {};
      for (const n of SCALE) {
        const doc = municipalities(n);
        const el = make('kpi-regional-sla');
        const b = box(1200, 700);
        b.append(el);
        const t = await timeKpi(el, () => { el.data = doc; });
        if (n !== SCALE[0]) out[`first render, ${n.toLocaleString('en')} regions`] = t;
        b.remove();
      }
      return out;
    },
    'ag-grid': async () => {
      const out: Record<string, number> = {};
      for (const n of SCALE) {
        const doc = municipalities(n);
        const b = box(1200, 700);
        const t0 = performance.now();
        await new Promise<void>((r) => { grids.agGrid(b, doc, () => r()); });
        await frame();
        if (n !== SCALE[0]) out[`first render, ${n.toLocaleString('en')} regions`] = performance.now() - t0;
        b.remove();
      }
      return out;
    },
  },
  widgets20: {
    'kpi-kit': async () => {
      const docs: [string, unknown][] = [['kpi-funnel', funnelFixture], ['kpi-cohort-grid', cohortFixture], ['kpi-checkout-friction', checkoutFixture], ['kpi-regional-sla', slaFixture], ['kpi-channel-view', channelsFixture]];
      const t0 = performance.now();
      const els: Widget[] = [];
      for (let i = 0; i < 20; i++) {
        const [tag, doc] = docs[i % 5]!;
        const el = make(tag);
        el.data = doc;
        box(600, 400).append(el);
        els.push(el);
      }
      await Promise.all(els.map((e) => e.updateComplete));
      await frame();
      const ready = performance.now() - t0;
      if (!els.every((e) => e.getAttribute('state') === 'ready')) throw new Error('not all ready');
      return { 'all ready': ready, ...(await heap()) };
    },
    echarts: async () => {
      const cohort = cohortFixture as unknown as ReturnType<typeof weeklyCohorts>;
      const options = [
        funnelOption({ ...(funnelFixture as unknown as FunnelDoc), segments: [{ id: 'all', label: 'All', steps: funnelFixture.steps.map((s) => ({ id: s.id, count: s.count })) }] }, 'first'),
        { ...heatmapOption({ ...cohort, cohorts: cohort.cohorts } as ReturnType<typeof weeklyCohorts>, 'percent'), xAxis: { type: 'category', data: Array.from({ length: 20 }, (_, i) => String(i)) } },
        { animation: false, xAxis: { type: 'category', data: checkoutFixture.steps.map((s) => s.label) }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: checkoutFixture.steps.map((s) => s.exited) }] },
        { animation: false, xAxis: { type: 'category', data: slaFixture.regions.map((r) => r.id) }, yAxis: { type: 'value' }, series: slaFixture.metrics.map((m) => ({ type: 'bar', data: slaFixture.regions.map((r) => (r.values as Record<string, { p90: number }>)[m.id]?.p90 ?? null) })) },
        { animation: false, legend: {}, xAxis: { type: 'category', data: channelsFixture.channels[0]!.series!.map((b) => b.date) }, yAxis: { type: 'value' }, series: channelsFixture.channels.map((c) => ({ type: 'bar', stack: 'all', name: c.label, data: (c.series ?? []).map((b) => (b.values as Record<string, number>)['revenue'] ?? null) })) },
      ];
      const t0 = performance.now();
      const done: Promise<void>[] = [];
      for (let i = 0; i < 20; i++) {
        const chart = echarts.init(box(600, 400), undefined, { renderer: 'canvas' });
        done.push(new Promise<void>((r) => chart.on('finished', () => r())));
        chart.setOption(options[i % 5]!);
      }
      await Promise.all(done);
      await frame();
      return { 'all ready': performance.now() - t0, ...(await heap()) };
    },
  },
  forecast: {
    'kpi-kit': async () => {
      const values = dailySeries(500);
      // The fit alone: forecastSeries with auto on 500 days with a weekly season (its backtest included),
      // the first call in a fresh page (code not yet optimised by the engine) and a later one.
      const fitOnce = () => {
        const t0 = performance.now();
        if (!forecastSeries(values, { horizon: 14, seasonLength: 7 }).forecast.length) throw new Error('no forecast');
        return performance.now() - t0;
      };
      const firstFit = fitOnce();
      fitOnce();
      const warmFit = fitOnce();
      const el = make('kpi-forecast');
      box(1100, 700).append(el);
      const first = await timeKpi(el, () => { el.data = dailyForecastDoc(values); });
      if (el.getAttribute('state') !== 'ready') throw new Error(`forecast: ${el.getAttribute('state')}`);
      return { 'first render': first, 'fit, first call': firstFit, 'fit, warm': warmFit };
    },
    // The funnel scenario's first render (8 steps × 12 segments as small multiples), the yardstick of issue #18.
    'kpi-funnel': async () => {
      const el = make('kpi-funnel');
      el.setAttribute('multiples', '');
      box().append(el);
      return { 'first render': await timeKpi(el, () => { el.data = funnelDoc(); }) };
    },
  },
  burst: {
    'kpi-kit': async () => {
      const doc = municipalities(1000);
      const el = make('kpi-regional-sla');
      box(1200, 700).append(el);
      el.data = doc;
      await el.updateComplete;
      await frame();
      return burst(async (i) => { el.data = { ...doc, title: `Update ${i}` }; await el.updateComplete; });
    },
    'plain table': async () => {
      const doc = municipalities(1000);
      const div = box(1200, 700);
      plainTable(div, doc, doc.regions);
      await frame();
      return burst(async () => { plainTable(div, doc, doc.regions); });
    },
  },
};

/** 500 days of revenue with a weekly season, a trend and seeded noise (the same every run). */
function dailySeries(n: number): number[] {
  let seed = 42;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 600;
  const week = [0.7, 1.1, 1.15, 1.1, 1.05, 1.0, 0.9];
  return Array.from({ length: n }, (_, i) => Math.round((4000 + 3 * i) * week[i % 7]! + noise()));
}

function dailyForecastDoc(values: number[]) {
  return {
    kind: 'forecast', version: 1, title: 'Daily revenue (bench)', currency: 'BRL', metric: { label: 'Revenue', format: 'currency' },
    granularity: 'day', seasonLength: 7, forecast: { horizon: 14 },
    points: values.map((actual, i) => ({ period: addPeriods('2025-01-06', 'day', i), actual })),
  };
}

/** Re-assigns the data 60 times in a row and counts long tasks (> 50 ms). */
async function burst(update: (i: number) => Promise<void>): Promise<Result> {
  const long: number[] = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  for (let i = 0; i < 60; i++) await update(i);
  await frame();
  const total = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  return { '60 updates': total, 'long tasks': long.length };
}

async function heap(): Promise<Result> {
  const w = window as unknown as { gc?: () => void };
  w.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? { 'JS heap (MB)': mem.usedJSHeapSize / 1e6 } : {};
}

const q = new URLSearchParams(location.search);
const side = q.get('side') ?? '';
const run = scenarios[q.get('scenario') ?? '']?.[side];
if (side.startsWith('kpi-')) {
  // The real CDN build, as a customer's page would load it.
  const cdn = '/dist/cdn/kpi-kit.js';
  await import(/* @vite-ignore */ cdn);
} else if (side.startsWith('echarts')) {
  echarts = (await import('./peers/echarts-entry.js')).setupECharts();
} else if (side.endsWith('-grid')) {
  grids = await import('./peers/grid-entry.js');
}
(window as unknown as { __benchSides: unknown }).__benchSides = Object.fromEntries(Object.entries(scenarios).map(([k, v]) => [k, Object.keys(v)]));
(run ? run() : Promise.reject(new Error(`no scenario ${q.get('scenario')}/${q.get('side')}`)))
  .then((r) => { (window as unknown as { __benchResult: unknown }).__benchResult = r; })
  .catch((e: Error) => { (window as unknown as { __benchResult: unknown }).__benchResult = { error: e.message }; });
