/**
 * `insights(doc, { locale })`: what each kind of document shows, said in en, pt-BR or es (see
 * facts.ts for the shape). The rules, with their thresholds:
 *
 * - funnel: overall conversion (last step ÷ first); against the comparison, a change is called a
 *   change only when it is larger than twice its standard error (√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂)),
 *   else "about the same"; the step that loses the most (count, and share of all lost); the
 *   segment that converts least, among segments with at least `MIN_SEGMENT` at the first step,
 *   when it converts less than the total.
 * - checkout friction: the step × cause with the most revenue at risk (the widget's own share-out)
 *   and its share of all revenue at risk; the step most buyers leave at, with its exit rate.
 * - cohort: the latest cohort's second-period value (retention, or revenue per customer) against
 *   the weighted average of every cohort at that age; the best and worst cohort at that age, among
 *   cohorts of at least `MIN_COHORT` customers.
 * - regional SLA: per metric, how many regions breach it (the widget's status: p50 over target, or
 *   p90 over 1.5 × target); the region with the most late orders (total − within target), with its
 *   group and share.
 * - channels: the largest channel's share of the first summed metric, and its change between the
 *   first and last point of the series when it is at least `MIN_SHARE_CHANGE`; customers
 *   counted per channel against the distinct customers.
 * - forecast: the running period's projected close against its target, the gap, and what each
 *   day left needs; whether the next period's interval is above, below or across its target.
 */
import type { KpiDoc } from '../kinds/contract.js';
import { forecastOutlook } from '../compute/forecast-doc.js';
import { insightsWith, type InsightOptions } from './core.js';
import type { Insight } from './facts.js';

export * from './facts.js';
export type { InsightOptions } from './core.js';
export { MIN_COHORT, MIN_SEGMENT, MIN_SHARE_CHANGE } from './rule.js';

/** What a document shows, most important first: each finding with its sentence, facts and marks. */
export function insights(doc: KpiDoc, options: InsightOptions = {}): Insight[] {
  return insightsWith(doc, options, forecastOutlook);
}
