/**
 * Insights: what a document shows, as typed findings with the numbers they use (`facts`), the
 * parts of the widget they speak of (`marks`), and a sentence in en, pt-BR or es. The rules are
 * pure functions of the document, with their thresholds stated beside them (no model, no
 * randomness); every number in a sentence is one of its facts, formatted by the widgets' own
 * formatters (`formatFact`), so a sentence can be checked against its facts.
 */
import { formatCurrency, formatInteger, formatNumber, formatPercent, formatPointsDelta } from '../format/index.js';
import { pluralCategory } from '../i18n/index.js';
import { ratio } from '../compute/common.js';

/** How a fact is written in a sentence. */
export type FactFormat = 'integer' | 'percent' | 'points' | 'currency' | 'number';

/** A number a sentence uses, and how it is written. */
export interface InsightFact {
  value: number;
  format: FactFormat;
}

/** One finding about a document. */
export interface Insight {
  /** Stable id within the document (`funnel.conversion`, `sla.breaches.delivery`). */
  id: string;
  /** What kind of finding it is. */
  type: 'level' | 'change' | 'loss' | 'outlier' | 'risk' | 'count' | 'share' | 'outlook';
  /** 0 to 1: how much it matters (the list is sorted by it, most first). */
  importance: number;
  /** The sentence, in the asked language. */
  text: string;
  facts: Record<string, InsightFact>;
  /** Ids of the steps, causes, cohorts, regions, channels or periods it speaks of. */
  marks: string[];
}

/** The language and money of the sentences. */
export interface FactContext {
  locale: string;
  currency?: string | undefined;
}

/** Money from this amount up is written in whole units (R$ 624.624); below, with the currency's cents (R$ 0,42). */
export const WHOLE_MONEY_FROM = 10_000;

/** Whether a sentence with these facts writes its money in whole units: when any amount is that large. */
export function wholeMoneyIn(facts: Record<string, InsightFact>): true | undefined {
  return (
    Object.values(facts).some((f) => f.format === 'currency' && Math.abs(f.value) >= WHOLE_MONEY_FROM) || undefined
  );
}

/**
 * A fact as the sentence writes it. `wholeMoney`: money in whole units (a sentence with any amount from
 * {@link WHOLE_MONEY_FROM} up writes all its amounts so: "from R$ 8.200 to R$ 29.686", not "R$ 8.200,17").
 */
export function formatFact(f: InsightFact, c: FactContext, wholeMoney = Math.abs(f.value) >= WHOLE_MONEY_FROM): string {
  switch (f.format) {
    case 'integer':
      return formatInteger(c.locale, f.value);
    case 'percent':
      return formatPercent(c.locale, f.value);
    case 'points':
      return formatPointsDelta(c.locale, f.value);
    case 'currency':
      return formatCurrency(c.locale, f.value, c.currency ?? 'BRL', wholeMoney ? { digits: 0 } : {});
    default:
      return formatNumber(c.locale, f.value, 1);
  }
}

/** `a / b` (compute's `ratio`), or null when b is not positive: a share of a count. */
export const share = (a: number, b: number): number | null => (b > 0 ? ratio(a, b) : null);

/** The plural form of a count in a language (en, pt-BR and es have `one` and `other`), by the widgets' rules. */
export function plural(locale: string, n: number, forms: { one: string; other: string }): string {
  return pluralCategory(locale, n) === 'one' ? forms.one : forms.other;
}
