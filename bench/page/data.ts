/** The documents and peer options the benchmark scenarios use, made the same way every run. */
import type { FunnelDoc, RegionalSlaDoc } from '../../src/index.js';
import { addPeriods } from '../../src/compute/periods.js';
import type { weeklyCohorts } from '../../tests/data/generators.js';

/** 8 steps × 12 segments. */
export function funnelDoc(): FunnelDoc {
  const steps = Array.from({ length: 8 }, (_, i) => ({
    id: `s${i}`,
    label: `Step ${i + 1}`,
    count: Math.round(200000 * 0.72 ** i),
  }));
  const segments = Array.from({ length: 12 }, (_, k) => ({
    id: `seg${k}`,
    label: `Segment ${k + 1}`,
    steps: steps.map((s, i) => ({ id: s.id, count: Math.round((s.count / 12) * (0.8 + ((k + i) % 5) / 10)) })),
  }));
  return { kind: 'funnel', version: 1, title: 'Funnel, 8 steps × 12 segments', steps, segments };
}

export function funnelOption(doc: FunnelDoc, percentOf: 'first' | 'previous') {
  const segments = doc.segments ?? [];
  return {
    animation: false,
    title: segments.map((s, k) => ({
      text: s.label,
      left: `${(k % 4) * 25 + 1}%`,
      top: `${Math.floor(k / 4) * 33}%`,
      textStyle: { fontSize: 11 },
    })),
    tooltip: { trigger: 'item' },
    series: segments.map((s, k) => ({
      type: 'funnel',
      sort: 'none',
      left: `${(k % 4) * 25 + 1}%`,
      top: `${Math.floor(k / 4) * 33 + 5}%`,
      width: '22%',
      height: '26%',
      label: {
        show: true,
        position: 'inside',
        fontSize: 9,
        formatter: (p: { dataIndex: number; value: number }) => {
          const base = percentOf === 'first' ? s.steps[0]!.count : s.steps[Math.max(0, p.dataIndex - 1)]!.count;
          return `${((p.value / (base || 1)) * 100).toFixed(1)}%`;
        },
      },
      data: s.steps.map((st, i) => ({ name: doc.steps[i]!.label, value: st.count })),
    })),
  };
}

export function heatmapOption(doc: ReturnType<typeof weeklyCohorts>, mode: 'percent' | 'churn') {
  const data: [number, number, number][] = [];
  doc.cohorts.forEach((c, y) =>
    c.values.forEach((v, x) => {
      if (v === null) return;
      const r = c.size ? v / c.size : 0;
      data.push([x, y, mode === 'percent' ? r : 1 - r]);
    }),
  );
  return {
    animation: false,
    tooltip: {},
    grid: { left: 90, right: 10, top: 10, bottom: 40 },
    xAxis: { type: 'category', data: Array.from({ length: 104 }, (_, i) => String(i)) },
    yAxis: { type: 'category', data: doc.cohorts.map((c) => c.label) },
    visualMap: {
      min: 0,
      max: mode === 'percent' ? 0.4 : 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      show: false,
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 7,
          formatter: (p: { value: number[] }) => `${((p.value[2] ?? 0) * 100).toFixed(0)}%`,
        },
      },
    ],
  };
}

/** Vaadin Grid has drawn its first row. */
export const vaadinRendered = (g: HTMLElement) =>
  new Promise<void>((r) => {
    const check = () => (g.shadowRoot?.querySelector('tbody#items tr') ? r() : requestAnimationFrame(check));
    check();
  });
export const vaadinColumn = (g: HTMLElement, path: string) =>
  [...g.querySelectorAll('vaadin-grid-sort-column')].find(
    (c) => (c as unknown as { path: string }).path === path,
  ) as unknown as { direction: string };

/** The hand-written table a developer would write without us: every row, in the DOM. */
export function plainTable(container: HTMLElement, doc: RegionalSlaDoc, rows: RegionalSlaDoc['regions']) {
  const table = document.createElement('table');
  const head = document.createElement('tr');
  for (const h of [
    'Region',
    'Group',
    'Volume',
    ...doc.metrics.flatMap((m) => [`${m.label} p50`, `${m.label} p90`, `${m.label} breach`]),
  ]) {
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
      cells.push(
        v ? v.p50.toFixed(1) : '—',
        v ? v.p90.toFixed(1) : '—',
        v && v.total ? `${((1 - v.withinTarget / v.total) * 100).toFixed(1)}%` : '—',
      );
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

export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** 500 days of revenue with a weekly season, a trend and seeded noise (the same every run). */
export function dailySeries(n: number): number[] {
  let seed = 42;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 600;
  const week = [0.7, 1.1, 1.15, 1.1, 1.05, 1.0, 0.9];
  return Array.from({ length: n }, (_, i) => Math.round((4000 + 3 * i) * week[i % 7]! + noise()));
}

export function dailyForecastDoc(values: number[]) {
  return {
    kind: 'forecast',
    version: 1,
    title: 'Daily revenue (bench)',
    currency: 'BRL',
    metric: { label: 'Revenue', format: 'currency' },
    granularity: 'day',
    seasonLength: 7,
    forecast: { horizon: 14 },
    points: values.map((actual, i) => ({ period: addPeriods('2025-01-06', 'day', i), actual })),
  };
}
