// How far two bench runs agree (bench/agreement.mjs, printed by `node bench/run.mjs --against <file>`):
// only timed ratios to a peer count, matched by scenario, metric and peer, within ±15% inclusive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreement, agreementLines, isTimedMetric, isTimedRatio } from '../../bench/agreement.mjs';

const row = (metric, peer, ratio, scenario = 'SLA') => ({ scenario, metric, peer, ratio });

test('only timed ratios count: not long tasks, frame counts, validation times or missing ratios', () => {
  assert.equal(isTimedMetric('scroll: longest frame'), true);
  assert.equal(isTimedMetric('switch mode: tasks > 50 ms'), false);
  assert.equal(isTimedMetric('validation, 50,000 regions'), false);
  assert.equal(isTimedRatio(row('sort', 'ag-grid', 0.8)), true);
  assert.equal(isTimedRatio(row('JS heap (MB)', 'echarts', 0.79)), true);
  assert.equal(isTimedRatio(row('50,000 ÷ 500 regions', 'kpi-kit 500 regions', 5.3)), true);
  for (const r of [
    row('sort: tasks > 50 ms', 'ag-grid', 1),
    row('scroll: frames > 50 ms', 'ag-grid', 0.2),
    row('validation, 500 regions', 'ag-grid', 1),
    row('sort', 'ag-grid', null),
    row('sort', 'ag-grid', undefined),
    row('filter: tasks > 50 ms', 'ag-grid', 0),
    row('sort', 'ag-grid', Infinity),
    row('sort', 'ag-grid', 0),
  ]) {
    assert.equal(isTimedRatio(r), false, JSON.stringify(r));
  }
});

test('ratios are matched by scenario, metric and peer; ±15% is within, more is moved', () => {
  const before = [
    row('sort', 'ag-grid', 1),
    row('sort', 'vaadin-grid', 1),
    row('filter', 'ag-grid', 1),
    row('first render', 'echarts', 1, 'Funnel'),
    row('sort: tasks > 50 ms', 'ag-grid', 1),
  ];
  const after = [
    row('sort', 'ag-grid', 1.15),
    row('sort', 'vaadin-grid', 0.85),
    row('filter', 'ag-grid', 1.16),
    row('first render', 'echarts', 0.5, 'Funnel'),
    row('sort: tasks > 50 ms', 'ag-grid', 9),
    row('scroll end to end', 'ag-grid', 1),
  ];
  const r = agreement(before, after);
  assert.equal(r.pairs.length, 4);
  assert.equal(r.within, 2);
  assert.deepEqual(
    r.moved.map((p) => `${p.scenario}/${p.metric}/${p.peer}`),
    ['SLA/filter/ag-grid', 'Funnel/first render/echarts'],
  );
  assert.deepEqual(r.missing, ['SLA / scroll end to end vs ag-grid']);
  assert.ok(Math.abs(r.moved[1].change + 0.5) < 1e-12);
});

test('the same run against itself agrees on every ratio; an empty run has nothing to compare', () => {
  const run = [row('sort', 'ag-grid', 0.8), row('filter', 'ag-grid', 1.3), row('sort', 'plain table', 0.02)];
  assert.deepEqual(
    { ...agreement(run, run), pairs: undefined },
    { pairs: undefined, within: 3, moved: [], missing: [] },
  );
  assert.deepEqual(agreement([], []), { pairs: [], within: 0, moved: [], missing: [] });
  assert.deepEqual(agreement(run, []).pairs, []);
});

test('the printed lines name each ratio that moved, with its change', () => {
  const lines = agreementLines(agreement([row('filter', 'ag-grid', 1.27)], [row('filter', 'ag-grid', 1.6)]));
  assert.deepEqual(lines, [
    'Against the earlier run: 0 of 1 timed ratios within ±15%.',
    '  moved: SLA / filter vs ag-grid: 1.27 → 1.60 (+26%)',
  ]);
  assert.deepEqual(agreementLines(agreement([row('sort', 'ag-grid', 1)], [row('sort', 'ag-grid', 0.9)])), [
    'Against the earlier run: 1 of 1 timed ratios within ±15%.',
  ]);
});
