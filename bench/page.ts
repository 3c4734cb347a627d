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
 * bundled with this file and loaded only by their own pages.
 */
import type { setupECharts } from './peers/echarts-entry.js';
import { municipalities, weeklyCohorts } from '../tests/data/generators.js';
import type { FunnelDoc, RegionalSlaDoc } from '../src/index.js';
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
/** The CDN build's exports (kpi-kit pages only). */
let kit: { KpiElement: { prototype: { willUpdate(changed: unknown): void } } };

type Widget = HTMLElement & { data: unknown; updateComplete: Promise<boolean>; [k: string]: unknown };
type Result = Record<string, number>;

/** A kpi-kit element (defined by the CDN build the page loads). */
const make = (tag: string) => document.createElement(tag) as unknown as Widget;
/**
 * The frame is painted: the first task after an animation frame's callbacks, so style, layout and
 * paint of that frame are done. Every side's time ends here, so no side's drawing is left out.
 */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => {
  const c = new MessageChannel();
  c.port1.onmessage = () => r();
  c.port2.postMessage(0);
}));
/** Before timing a step: what the previous step drew is painted, so its cost never lands in the next measurement. */
const settle = async () => { await painted(); await painted(); };
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

/**
 * One timed step: from `change()` to the painted frame after `done()`, with the tasks over 50 ms
 * seen meanwhile (issue #19: every interaction within one 50 ms task). Writes `name` and
 * `name: tasks > 50 ms` into `out`.
 */
async function step(out: Result, name: string, change: () => void, done: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
  // First renders are not interactions: no task count for them.
  const interaction = !name.startsWith('first render') && name !== 'all ready';
  await settle();
  let long = 0;
  const obs = typeof PerformanceObserver === 'function' ? new PerformanceObserver((list) => { long += list.getEntries().length; }) : null;
  obs?.observe({ type: 'longtask' });
  const t0 = performance.now();
  change();
  await done();
  await painted();
  out[name] = performance.now() - t0;
  // A user-timing measure per step, for profiling by hand (DevTools, or a trace's blink.user_timing).
  performance.measure(name, { start: t0, end: t0 + out[name] });
  long += obs?.takeRecords().length ?? 0;
  obs?.disconnect();
  if (interaction) out[`${name}: tasks > 50 ms`] = long;
}

/** Interactions are timed this many times in each page (an untimed reset in between): one sample is their median. */
const REPEAT = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * An interaction timed {@link REPEAT} times in the same page, `reset` (untimed) before each repeat: writes the
 * median time, and the most tasks over 50 ms any repeat caused (every one must stay within one 50 ms task).
 * On this shared machine one timing of a 50 ms interaction swings by half; the median of five in a page
 * keeps two runs of the bench in step (with three, the 30–80 ms SLA sorts and filters still moved by up to
 * 27% between two runs).
 */
async function repeated(out: Result, name: string, run: (into: Result) => Promise<void>, reset: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  let long = 0;
  for (let i = 0; i < REPEAT; i++) {
    if (i) {
      await reset();
      await settle();
    }
    const one: Result = {};
    await run(one);
    times.push(one[name]!);
    long = Math.max(long, one[`${name}: tasks > 50 ms`] ?? 0);
  }
  out[name] = median(times);
  out[`${name}: tasks > 50 ms`] = long;
}

/** A kpi-kit step: to the painted frame after `updateComplete`. */
const kpiStep = (out: Result, name: string, el: Widget, change: () => void) => step(out, name, change, () => el.updateComplete);

/** An ECharts first render: a chart on `div`, `option()` set, to the painted frame after `finished` (option built in the timing). */
async function echartsFirst(out: Result, div: HTMLElement, renderer: 'canvas' | 'svg', option: () => Parameters<ReturnType<typeof echarts.init>['setOption']>[0]): Promise<ReturnType<typeof echarts.init>> {
  let chart!: ReturnType<typeof echarts.init>;
  let done!: Promise<void>;
  await step(out, 'first render', () => {
    chart = echarts.init(div, undefined, { renderer });
    done = new Promise<void>((r) => chart.on('finished', () => r()));
    chart.setOption(option());
  }, () => done.then(() => { chart.off('finished'); }));
  return chart;
}

/** An ECharts step: to the painted frame after its `finished` event. */
function echartsStep(out: Result, name: string, chart: ReturnType<typeof echarts.init>, change: () => void): Promise<void> {
  let done!: Promise<void>;
  return step(out, name, () => {
    done = new Promise<void>((r) => chart.on('finished', () => r()));
    change();
  }, () => done.then(() => { chart.off('finished'); }));
}

/**
 * Scrolls `scroller` from top to bottom in 120 frames (about 1,800 px a frame on 5,000 rows: a
 * thumb dragged end to end, a new screenful every frame) and times each frame from the animation
 * frames' timestamps: the frames over 16.7 ms and the longest.
 */
async function scrollThrough(out: Result, scroller: HTMLElement, steps = 120): Promise<void> {
  await settle();
  const max = scroller.scrollHeight - scroller.clientHeight;
  if (max < 10000) throw new Error(`nothing to scroll (${max} px)`);
  const deltas: number[] = [];
  let last = await new Promise<number>((r) => requestAnimationFrame(r));
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    scroller.scrollTop = Math.round((max * i) / steps);
    const t = await new Promise<number>((r) => requestAnimationFrame(r));
    deltas.push(t - last);
    last = t;
  }
  await painted();
  out['scroll end to end'] = performance.now() - t0;
  out['scroll: frames > 16.7 ms'] = deltas.filter((d) => d > 16.7 + 1).length;
  // Frame times come in whole vsyncs (16.7, 33.3, 50, 66.7 ms): "over 50 ms" is a frame of 66.7 ms or more.
  out['scroll: frames > 50 ms'] = deltas.filter((d) => d > 50 + 1).length;
  out['scroll: longest frame'] = Math.max(...deltas);
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

/** Vaadin Grid has drawn its first row. */
const vaadinRendered = (g: HTMLElement) => new Promise<void>((r) => {
  const check = () => (g.shadowRoot?.querySelector('tbody#items tr') ? r() : requestAnimationFrame(check));
  check();
});
const vaadinColumn = (g: HTMLElement, path: string) =>
  [...g.querySelectorAll('vaadin-grid-sort-column')].find((c) => (c as unknown as { path: string }).path === path) as unknown as { direction: string };

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
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => { el.data = doc; });
      await repeated(out, 'switch percent-of', (o) => kpiStep(o, 'switch percent-of', el, () => { el['percentOf'] = 'previous'; }),
        () => { el['percentOf'] = 'first'; return el.updateComplete; });
      return out;
    },
    echarts: async () => {
      const doc = funnelDoc();
      const out: Result = {};
      const chart = await echartsFirst(out, box(), 'canvas', () => funnelOption(doc, 'first'));
      await repeated(out, 'switch percent-of', (o) => echartsStep(o, 'switch percent-of', chart, () => chart.setOption(funnelOption(doc, 'previous'))),
        () => { chart.setOption(funnelOption(doc, 'first')); return painted(); });
      return out;
    },
  },
  cohort: {
    'kpi-kit': async () => {
      const doc = weeklyCohorts(104);
      const el = make('kpi-cohort-grid');
      box(1000, 800).append(el);
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => { el.data = doc; });
      await repeated(out, 'switch mode', (o) => kpiStep(o, 'switch mode', el, () => { el['mode'] = 'churn'; }),
        () => { el['mode'] = 'percent'; return el.updateComplete; });
      return out;
    },
    ...Object.fromEntries((['canvas', 'svg'] as const).map((renderer) => [`echarts-${renderer}`, async () => {
      const doc = weeklyCohorts(104);
      const out: Result = {};
      const chart = await echartsFirst(out, box(1000, 800), renderer, () => heatmapOption(doc, 'percent'));
      await repeated(out, 'switch mode', (o) => echartsStep(o, 'switch mode', chart, () => chart.setOption(heatmapOption(doc, 'churn'))),
        () => { chart.setOption(heatmapOption(doc, 'percent')); return painted(); });
      return out;
    }])),
  },
  // Every side: first render, sort by the delivery P90 (descending), filter "agua", each to its painted frame.
  sla: {
    'kpi-kit': async () => {
      const doc = municipalities(5000);
      const el = make('kpi-regional-sla');
      box(1200, 700).append(el);
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => { el.data = doc; });
      await repeated(out, 'sort', (o) => kpiStep(o, 'sort', el, () => { el['sort'] = 'delivery:p90'; }), () => { el['sort'] = 'volume'; return el.updateComplete; });
      await repeated(out, 'filter', (o) => kpiStep(o, 'filter', el, () => { el['filter'] = 'agua'; }), () => { el['filter'] = ''; return el.updateComplete; });
      return out;
    },
    'plain table': async () => {
      const doc = municipalities(5000);
      const div = box(1200, 700);
      div.style.overflow = 'auto';
      const out: Result = {};
      const sorted = () => [...doc.regions].sort((a, b) => (b.values['delivery']?.p90 ?? -1) - (a.values['delivery']?.p90 ?? -1));
      await step(out, 'first render', () => plainTable(div, doc, doc.regions));
      await step(out, 'sort', () => plainTable(div, doc, sorted()));
      await step(out, 'filter', () => plainTable(div, doc, sorted().filter((r) => fold(`${r.label} ${r.id}`).includes('agua'))));
      return out;
    },
    // AG Grid: first render to its firstDataRendered; sort by P90 with its column state; its quick filter.
    'ag-grid': async () => {
      const doc = municipalities(5000);
      const div = box(1200, 700);
      const out: Result = {};
      let api!: ReturnType<typeof grids.agGrid>;
      let ready!: Promise<void>;
      await step(out, 'first render', () => { ready = new Promise<void>((r) => { api = grids.agGrid(div, doc, () => r()); }); }, () => ready);
      const sortBy = (colId: string) => api.applyColumnState({ state: [{ colId, sort: 'desc' }], defaultState: { sort: null } });
      await repeated(out, 'sort', (o) => step(o, 'sort', () => sortBy('delivery_p90')), async () => sortBy('volume'));
      await repeated(out, 'filter', (o) => step(o, 'filter', () => api.setGridOption('quickFilterText', 'agua')), async () => api.setGridOption('quickFilterText', ''));
      return out;
    },
    // Vaadin Grid: items in, to its first rendered row; sort by the P90 column; filter by new items (it has no quick filter).
    'vaadin-grid': async () => {
      const doc = municipalities(5000);
      const div = box(1200, 700);
      const out: Result = {};
      let grid!: ReturnType<typeof grids.vaadinGrid>;
      await step(out, 'first render', () => { grid = grids.vaadinGrid(div, doc); }, () => vaadinRendered(grid));
      const p90 = vaadinColumn(grid, 'delivery_p90');
      const volume = vaadinColumn(grid, 'volume');
      await repeated(out, 'sort', (o) => step(o, 'sort', () => { p90.direction = 'desc'; }), async () => { volume.direction = 'desc'; });
      const rows = grids.gridRows(doc);
      await repeated(out, 'filter', (o) => step(o, 'filter', () => { grid.items = rows.filter((r) => fold(`${r['label']} ${r['id']}`).includes('agua')); }),
        async () => { grid.items = rows; });
      return out;
    },
  },
  // Scrolling the 5,000-row table end to end (issue #19: no frame over 50 ms), after the same first render.
  slaScroll: {
    'kpi-kit': async () => {
      const el = make('kpi-regional-sla');
      box(1200, 700).append(el);
      el.data = municipalities(5000);
      await el.updateComplete;
      const out: Result = {};
      await scrollThrough(out, el.shadowRoot!.querySelector('.scroller') as HTMLElement);
      return out;
    },
    'ag-grid': async () => {
      const div = box(1200, 700);
      await new Promise<void>((r) => { grids.agGrid(div, municipalities(5000), () => r()); });
      const out: Result = {};
      // AG Grid 36 scrolls its rows in .ag-grid-viewport (its own scrollbar follows it).
      await scrollThrough(out, div.querySelector('.ag-grid-viewport') as HTMLElement);
      return out;
    },
    'vaadin-grid': async () => {
      const grid = grids.vaadinGrid(box(1200, 700), municipalities(5000));
      await vaadinRendered(grid);
      const out: Result = {};
      await scrollThrough(out, grid.shadowRoot!.querySelector('#table') as HTMLElement);
      return out;
    },
  },
  // Issue #19's scaling row: first render at 500, 5,000 and 50,000 regions (documents built before the clock starts),
  // each in a box of its own, against AG Grid's first render of the same rows. Each side first renders 50 regions
  // untimed, so no size pays the page's one-time costs (compiling, first styles).
  slaScale: {
    'kpi-kit': async () => {
      const out: Record<string, number> = {};
      // The widget's own validation, timed inside each first render: KpiElement's willUpdate, which checks a new
      // document against its schema (the fast path) before anything is derived. Issue #19 reads the scaling row
      // with parse excluded; the row reports both.
      const proto = kit.KpiElement.prototype;
      const own = proto.willUpdate;
      let parse = 0;
      proto.willUpdate = function (this: unknown, changed: unknown) {
        const t = performance.now();
        own.call(this, changed);
        parse += performance.now() - t;
      };
      for (const n of SCALE) {
        const doc = municipalities(n);
        const el = make('kpi-regional-sla');
        const b = box(1200, 700);
        b.append(el);
        const name = `first render, ${n.toLocaleString('en')} regions`;
        parse = 0;
        await kpiStep(out, name, el, () => { el.data = doc; });
        out[`validation, ${n.toLocaleString('en')} regions`] = parse;
        if (n === SCALE[0]) {
          delete out[name];
          delete out[`validation, ${n.toLocaleString('en')} regions`];
        }
        b.remove();
      }
      proto.willUpdate = own;
      return out;
    },
    'ag-grid': async () => {
      const out: Record<string, number> = {};
      for (const n of SCALE) {
        const doc = municipalities(n);
        const b = box(1200, 700);
        const name = `first render, ${n.toLocaleString('en')} regions`;
        let ready!: Promise<void>;
        await step(out, name, () => { ready = new Promise<void>((r) => { grids.agGrid(b, doc, () => r()); }); }, () => ready);
        if (n === SCALE[0]) delete out[name];
        b.remove();
      }
      return out;
    },
  },
  widgets20: {
    'kpi-kit': async () => {
      const docs: [string, unknown][] = [['kpi-funnel', funnelFixture], ['kpi-cohort-grid', cohortFixture], ['kpi-checkout-friction', checkoutFixture], ['kpi-regional-sla', slaFixture], ['kpi-channel-view', channelsFixture]];
      const out: Result = {};
      const els: Widget[] = [];
      await step(out, 'all ready', () => {
        for (let i = 0; i < 20; i++) {
          const [tag, doc] = docs[i % 5]!;
          const el = make(tag);
          el.data = doc;
          box(600, 400).append(el);
          els.push(el);
        }
      }, () => Promise.all(els.map((e) => e.updateComplete)));
      if (!els.every((e) => e.getAttribute('state') === 'ready')) throw new Error('not all ready');
      return { ...out, ...(await heap()) };
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
      const out: Result = {};
      const done: Promise<void>[] = [];
      await step(out, 'all ready', () => {
        for (let i = 0; i < 20; i++) {
          const chart = echarts.init(box(600, 400), undefined, { renderer: 'canvas' });
          done.push(new Promise<void>((r) => chart.on('finished', () => r())));
          chart.setOption(options[i % 5]!);
        }
      }, () => Promise.all(done));
      return { ...out, ...(await heap()) };
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
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => { el.data = dailyForecastDoc(values); });
      if (el.getAttribute('state') !== 'ready') throw new Error(`forecast: ${el.getAttribute('state')}`);
      return { ...out, 'fit, first call': firstFit, 'fit, warm': warmFit };
    },
    // The funnel scenario's first render (8 steps × 12 segments as small multiples), the yardstick of issue #18.
    'kpi-funnel': async () => {
      const el = make('kpi-funnel');
      el.setAttribute('multiples', '');
      box().append(el);
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => { el.data = funnelDoc(); });
      return out;
    },
  },
  burst: {
    'kpi-kit': async () => {
      const doc = municipalities(1000);
      const el = make('kpi-regional-sla');
      box(1200, 700).append(el);
      el.data = doc;
      await el.updateComplete;
      await settle();
      return burst(async (i) => { el.data = { ...doc, title: `Update ${i}` }; await el.updateComplete; });
    },
    'plain table': async () => {
      const doc = municipalities(1000);
      const div = box(1200, 700);
      plainTable(div, doc, doc.regions);
      await settle();
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
  await painted();
  const total = performance.now() - t0;
  for (const e of obs.takeRecords()) long.push(e.duration);
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
  kit = await import(/* @vite-ignore */ cdn);
} else if (side.startsWith('echarts')) {
  echarts = (await import('./peers/echarts-entry.js')).setupECharts();
} else if (side.endsWith('-grid')) {
  grids = await import('./peers/grid-entry.js');
}
// For profiling by hand (DevTools or CDP): the documents the scenarios use.
(window as unknown as { __benchData: unknown }).__benchData = { municipalities, weeklyCohorts, funnelDoc };
(window as unknown as { __benchSides: unknown }).__benchSides = Object.fromEntries(Object.entries(scenarios).map(([k, v]) => [k, Object.keys(v)]));
(run ? run() : Promise.reject(new Error(`no scenario ${q.get('scenario')}/${q.get('side')}`)))
  .then((r) => { (window as unknown as { __benchResult: unknown }).__benchResult = r; })
  .catch((e: Error) => { (window as unknown as { __benchResult: unknown }).__benchResult = { error: e.message }; });
