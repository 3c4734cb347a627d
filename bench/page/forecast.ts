/** The benchmark scenarios of the forecast: the model fit and the first render of 500 days. */
import { make, box, kpiStep, painted, type Result } from './harness.js';
import { funnelDoc, dailySeries, dailyForecastDoc } from './data.js';
import { forecastSeries } from '../../src/compute/forecast.js';

export const forecastScenarios: Record<string, Record<string, () => Promise<Result>>> = {
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
      let t0 = 0;
      await kpiStep(out, 'first render', el, () => {
        t0 = performance.now();
        el.data = dailyForecastDoc(values);
      });
      if (el.getAttribute('state') !== 'ready') throw new Error(`forecast: ${el.getAttribute('state')}`);
      // The hidden data table of a long series gets its rows in the task after the first paint: until they are in
      // and painted too (no peer: what a screen reader waits for beyond the first render).
      while (!el.shadowRoot!.querySelector('.sr-only > table tbody tr')) await painted();
      await painted();
      out['data table filled'] = performance.now() - t0;
      return { ...out, 'fit, first call': firstFit, 'fit, warm': warmFit };
    },
    // The funnel scenario's first render (8 steps × 12 segments as small multiples), the yardstick of issue #18.
    'kpi-funnel': async () => {
      const el = make('kpi-funnel');
      el.setAttribute('multiples', '');
      box().append(el);
      const out: Result = {};
      await kpiStep(out, 'first render', el, () => {
        el.data = funnelDoc();
      });
      return out;
    },
  },
};
