/**
 * The benchmark scenarios of the cohort grid: 104 weekly cohorts, first render and the mode switch, against an ECharts
 * heatmap.
 */
import { make, painted, box, repeated, kpiStep, echartsFirst, echartsStep, type Result } from './harness.js';
import { heatmapOption } from './data.js';
import { weeklyCohorts } from '../../tests/data/generators.js';

export const cohortScenarios: Record<string, Record<string, () => Promise<Result>>> = {
  cohort: {
    'kpi-kit': async () => {
      const doc = weeklyCohorts(104);
      const el = make('kpi-cohort-grid');
      box(1000, 800).append(el);
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => {
        el.data = doc;
      });
      await repeated(
        out,
        'switch mode',
        (o) =>
          kpiStep(o, 'switch mode', el, () => {
            el['mode'] = 'churn';
          }),
        () => {
          el['mode'] = 'percent';
          return el.updateComplete;
        },
      );
      return out;
    },
    ...Object.fromEntries(
      (['canvas', 'svg'] as const).map((renderer) => [
        `echarts-${renderer}`,
        async () => {
          const doc = weeklyCohorts(104);
          const out: Result = {};
          const chart = await echartsFirst(out, box(1000, 800), renderer, () => heatmapOption(doc, 'percent'));
          await repeated(
            out,
            'switch mode',
            (o) => echartsStep(o, 'switch mode', chart, () => chart.setOption(heatmapOption(doc, 'churn'))),
            () => {
              chart.setOption(heatmapOption(doc, 'percent'));
              return painted();
            },
          );
          return out;
        },
      ]),
    ),
  },
  // Every side: first render, sort by the delivery P90 (descending), filter "agua", each to its painted frame.
};
