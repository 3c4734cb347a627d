/**
 * The benchmark scenarios of the funnel: 8 steps × 12 segments, first render and the percent-of switch, against
 * ECharts.
 */
import {
  make,
  painted,
  box,
  repeated,
  kpiStep,
  echartsFirst,
  echartsStep,
  frameFloor,
  type Result,
} from './harness.js';
import { funnelDoc, funnelOption } from './data.js';

export const funnelScenarios: Record<string, Record<string, () => Promise<Result>>> = {
  funnel: {
    'kpi-kit': async () => {
      const doc = funnelDoc();
      const el = make('kpi-funnel');
      el.setAttribute('multiples', '');
      box().append(el);
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => {
        el.data = doc;
      });
      await repeated(
        out,
        'switch percent-of',
        (o) =>
          kpiStep(o, 'switch percent-of', el, () => {
            el['percentOf'] = 'previous';
          }),
        () => {
          el['percentOf'] = 'first';
          return el.updateComplete;
        },
      );
      await frameFloor(out);
      return out;
    },
    echarts: async () => {
      const doc = funnelDoc();
      const out: Result = {};
      const chart = await echartsFirst(out, box(), 'canvas', () => funnelOption(doc, 'first'));
      await repeated(
        out,
        'switch percent-of',
        (o) => echartsStep(o, 'switch percent-of', chart, () => chart.setOption(funnelOption(doc, 'previous'))),
        () => {
          chart.setOption(funnelOption(doc, 'first'));
          return painted();
        },
      );
      await frameFloor(out);
      return out;
    },
  },
};
