// Typings integrators rely on, checked by the type check (`npm test` runs tsc over this file):
// an @ts-expect-error that stops erroring fails the build.
import { describe, expect, it } from 'vitest';
import type { KpiForecast } from '../../components/forecast/kpi-forecast.js';
import type { KpiFunnel } from '../../components/funnel/kpi-funnel.js';
import type { FunnelDoc, ForecastDoc } from '../../src/index.js';
import type { KpiSelectDetail } from '../../src/core/events.js';
import type { KpiSelections } from '../../src/index.js';

declare const forecast: KpiForecast;
declare const funnel: KpiFunnel;
declare const funnelDoc: FunnelDoc;
declare const forecastDoc: ForecastDoc;

/** Never called: the assignments only have to compile (or not). */
export function typings(): void {
  forecast.data = forecastDoc;
  forecast.data = '{"kind":"forecast"}'; // JSON text, as the attribute takes it
  forecast.data = null;
  funnel.data = funnelDoc;
  // @ts-expect-error a funnel document is not a forecast's data
  forecast.data = funnelDoc;
  // @ts-expect-error an arbitrary object does not compile
  funnel.data = { steps: 'many' };
}

declare const detail: KpiSelectDetail;

/** kpi-select details: a union to narrow on `type`, each widget's own members. */
export function selections(): [string, KpiSelections['forecast']] {
  const kind: string = detail.type;
  // @ts-expect-error detail.type is what the widgets send, not any string
  const wrong: 'nonsense' = detail.type;
  const step = detail.type === 'friction' ? detail.step : '';
  // @ts-expect-error a forecast picks periods, not steps
  const bad: KpiSelections['forecast'] = { type: 'step', id: 'x' };
  void [wrong, bad];
  return [kind + step, { type: 'period', id: '2026-11-01' }];
}

describe('element typings', () => {
  it('is checked by tsc (see the @ts-expect-error lines)', () => expect(typeof typings).toBe('function'));
});
