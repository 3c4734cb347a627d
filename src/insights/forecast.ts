import type { ForecastDoc } from '../schema/forecast.js';
import { int, pct, money, insight, type Say } from './rule.js';
import { formatFact, type Insight, type InsightFact } from './facts.js';

/** The insights of a `forecast` document (the rules are listed in src/insights/index.ts). */
export function forecastInsights(doc: ForecastDoc, s: Say): Insight[] {
  const out: Insight[] = [];
  if (!s.outlook) return out;
  const o = s.outlook(doc);
  const close = o.close;
  const c = { ...s.c, currency: doc.metric.format === 'currency' ? (doc.currency ?? s.c.currency) : undefined };
  const amount = (v: number): InsightFact =>
    doc.metric.format === 'currency' ? money(v) : { value: v, format: 'number' };
  const say: Say = { ...s, c, f: (f, whole) => formatFact(f, c, whole) };
  if (close && close.projected !== null) {
    const row = o.rows[close.index]!;
    const facts: Record<string, InsightFact> = { projected: amount(close.projected) };
    if (close.target !== null && close.projectedAttainment !== null) {
      facts['target'] = amount(close.target);
      facts['attainment'] = pct(close.projectedAttainment);
    }
    const perDay = close.pacing?.requiredPerDay ?? null;
    const daysLeft = close.pacing?.remainingDays ?? 0;
    if (close.target !== null && perDay !== null && perDay > 0 && daysLeft > 0) {
      facts['perDay'] = amount(perDay);
      facts['daysLeft'] = int(daysLeft);
    }
    out.push(
      insight(say, { id: 'forecast.close', type: 'outlook', importance: 1, marks: [row.period] }, facts, (w) =>
        say.t.forecastClose(w, close.gap === null ? null : close.gap >= 0, daysLeft),
      ),
    );
  }
  const next = o.next === null ? null : o.rows[o.next];
  if (next?.forecast) {
    const f = next.forecast;
    const t = next.target;
    // Without a target, the interval alone.
    const where = t === null ? null : f.lower > t ? 'above' : f.upper < t ? 'below' : 'across';
    out.push(
      insight(
        say,
        { id: 'forecast.next', type: 'outlook', importance: t === null ? 0.5 : 0.7, marks: [next.period] },
        { lower: amount(f.lower), upper: amount(f.upper), ...(t === null ? {} : { target: amount(t) }) },
        (w) => say.t.forecastNext(w, where),
      ),
    );
  }
  return out;
}
