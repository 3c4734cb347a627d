// How far two bench runs agree (bench/agreement.mjs, printed by `node bench/run.mjs --against <file>`):
// only timed ratios to a peer count, matched by scenario, metric and peer, within ±15% inclusive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agreement,
  agreementLines,
  isTimedMetric,
  isTimedRatio,
  regressionLines,
  regressions,
} from '../../bench/agreement.mjs';

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

test('a regression: a ratio worse beyond both 90% intervals (new low end over old high end), nothing else', () => {
  const ranged = (metric, ratio, low, high, scenario = 'Funnel') => ({
    ...row(metric, 'echarts', ratio, scenario),
    ratioLow: low,
    ratioHigh: high,
  });
  const before = [
    ranged('first render', 0.49, 0.46, 0.52),
    ranged('switch percent-of', 1.36, 1.26, 1.45),
    ranged('sort', 0.67, 0.6, 0.7, 'SLA'),
    row('filter', 'echarts', 1.0, 'SLA'),
  ];
  const after = [
    // The funnel's first render doubled (issue #39): its whole interval lies above the earlier one.
    ranged('first render', 0.97, 0.92, 1.01),
    // Worse, but the intervals overlap: noise, not a regression.
    ranged('switch percent-of', 1.42, 1.3, 1.5),
    // Better.
    ranged('sort', 0.4, 0.38, 0.42, 'SLA'),
    // No interval on either side: the ratios themselves.
    row('filter', 'echarts', 1.01, 'SLA'),
    // Not in the earlier run.
    ranged('scroll', 3, 2.9, 3.1, 'SLA'),
  ];
  const found = regressions(before, after);
  assert.deepEqual(
    found.map((x) => `${x.scenario} / ${x.metric}`),
    ['Funnel / first render', 'SLA / filter'],
  );
  assert.match(
    regressionLines(found)[0],
    new RegExp(
      String.raw`^REGRESSION: Funnel / first render vs echarts: 0\.49 → 0\.97 ` +
        String.raw`\(the new interval starts at 0\.92, above the earlier one's end, 0\.52\)$`,
    ),
  );
  assert.deepEqual(regressions(after, after), []);
  assert.deepEqual(regressionLines([]), []);
});
