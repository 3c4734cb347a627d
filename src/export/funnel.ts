import type { FunnelDoc } from '../schema/funnel.js';
import type { FunnelMessages } from '../i18n/en/funnel.js';
import { percent, type CsvOptions, type CsvTable } from './csv.js';

/**
 * A funnel's steps: count, % of the first and of the previous step, value where given, then each segment's and the
 * comparison's count.
 */
export function funnelCsv(doc: FunnelDoc, { t }: CsvOptions<FunnelMessages>): CsvTable {
  const others = [...(doc.segments ?? []), ...(doc.comparison ? [doc.comparison] : [])];
  const hasValue = doc.steps.some((s) => s.value !== undefined);
  const head = [t('step'), t('count'), t('ofFirstLong'), t('ofPreviousLong')];
  if (hasValue) head.push(t('value'));
  for (const o of others) head.push(`${o.label} – ${t('count')}`);
  const first = doc.steps[0]!.count;
  const rows = doc.steps.map((s, i) => {
    const row: (string | number | null)[] = [
      s.label,
      s.count,
      percent(s.count, first),
      i ? percent(s.count, doc.steps[i - 1]!.count) : null,
    ];
    if (hasValue) row.push(s.value ?? null);
    for (const o of others) row.push(o.steps.find((p) => p.id === s.id)?.count ?? null);
    return row;
  });
  return { rows: [head, ...rows], text: new Set([0]) };
}
