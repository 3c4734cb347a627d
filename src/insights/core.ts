/**
 * What `insights()` does, with the forecast's outlook handed in (`Say.outlook`): the widgets load this
 * (src/lazy/insights.ts) and give it the outlook they have, so their insights chunk holds no forecast engine.
 */
import type { KpiDoc } from '../kinds/contract.js';
import { formatFact, type FactContext, type Insight } from './facts.js';
import { TEMPLATES, type Language } from './templates.js';
import type { Say } from './rule.js';
import { INSIGHT_RULES } from './all.js';

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

/** `insights()`, with the forecast's outlook from `outlook` (without it a forecast has no insights). */
export function insightsWith(doc: KpiDoc, options: InsightOptions, outlook?: Say['outlook']): Insight[] {
  const lang = languageOf(options.locale);
  const locale = options.locale ?? lang;
  const c: FactContext = { locale, currency: 'currency' in doc ? doc.currency : undefined };
  const s: Say = { t: TEMPLATES[lang], c, f: (f, whole) => formatFact(f, c, whole), outlook };
  const rule = (INSIGHT_RULES as Record<string, ((d: never, s: Say, prev?: never) => Insight[]) | undefined>)[doc.kind];
  const prev = options.compareTo?.kind === doc.kind ? options.compareTo : undefined;
  return (rule?.(doc as never, s, prev as never) ?? []).sort((a, b) => b.importance - a.importance);
}
