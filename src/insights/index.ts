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
import { formatFact, type FactContext, type Insight } from './facts.js';
import { TEMPLATES, type Language } from './templates.js';
import type { Say } from './rule.js';
import { INSIGHT_RULES } from './all.js';

export * from './facts.js';
export { MIN_COHORT, MIN_SEGMENT, MIN_SHARE_CHANGE } from './rule.js';

export interface InsightOptions {
  /** `en`, `pt-BR` or `es` (another tag falls back by its language, then to English). */
  locale?: string;
  /**
   * A document of the same kind to compare with (another kind is ignored). Today the funnel's conversion uses it when
   * the document has no comparison of its own, named by its period (or its title).
   */
  compareTo?: KpiDoc;
}

/** The language of the templates for a locale tag. */
function languageOf(locale: string | undefined): Language {
  const l = (locale ?? 'en').toLowerCase();
  return l.startsWith('pt') ? 'pt-BR' : l.startsWith('es') ? 'es' : 'en';
}

/** What a document shows, most important first: each finding with its sentence, facts and marks. */
export function insights(doc: KpiDoc, options: InsightOptions = {}): Insight[] {
  const lang = languageOf(options.locale);
  const locale = options.locale ?? lang;
  const c: FactContext = { locale, currency: 'currency' in doc ? doc.currency : undefined };
  const s: Say = { t: TEMPLATES[lang], c, f: (f) => formatFact(f, c) };
  const rule = (INSIGHT_RULES as Record<string, ((d: never, s: Say, prev?: never) => Insight[]) | undefined>)[doc.kind];
  const prev = options.compareTo?.kind === doc.kind ? options.compareTo : undefined;
  return (rule?.(doc as never, s, prev as never) ?? []).sort((a, b) => b.importance - a.importance);
}
