/** What every kind's insight rules share: the language's templates, the facts' writer, and how an insight is made. */
import { wholeMoneyIn, type Insight, type InsightFact, type FactContext } from './facts.js';
import type { Templates } from './templates.js';
import type { ForecastDoc } from '../schema/forecast.js';
import type { ForecastOutlook } from '../compute/forecast-doc.js';

/** What a rule has to say with: the language's templates and the facts' writer. */
export interface Say {
  t: Templates;
  c: FactContext;
  /** A fact, written (money in whole units when `wholeMoney`); the same value is kept in the insight's facts. */
  f: (f: InsightFact, wholeMoney?: boolean) => string;
  /**
   * The forecast's outlook (fitted models, pacing), for the forecast's rules: `forecastOutlook` in `insights()`; the
   * widget hands over the one it already has, so the insights it loads carry no second forecast engine.
   */
  outlook?: ((doc: ForecastDoc) => ForecastOutlook) | undefined;
}

export const int = (value: number): InsightFact => ({ value, format: 'integer' });
export const pct = (value: number): InsightFact => ({ value, format: 'percent' });
export const money = (value: number): InsightFact => ({ value, format: 'currency' });

export function insight(
  s: Say,
  base: Omit<Insight, 'text' | 'facts'>,
  facts: Record<string, InsightFact>,
  text: (w: Record<string, string>) => string,
): Insight {
  // The amounts of one sentence read alike: all in whole units when any is that large.
  const whole = wholeMoneyIn(facts);
  const written = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, s.f(v, whole)]));
  return { ...base, facts, text: text(written) };
}

/** Segments smaller than this at the first step are not called the weakest (too few to say). */
export const MIN_SEGMENT = 30;
/** Cohorts smaller than this are not called the best or the worst. */
export const MIN_COHORT = 10;
/** A change of share smaller than this (a fraction: one percentage point) is not called a change. */
export const MIN_SHARE_CHANGE = 0.01;
