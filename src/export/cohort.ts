import type { CohortDoc } from '../schema/cohort.js';
import type { CohortGridMessages } from '../i18n/en/cohort.js';
import { formatInteger } from '../format/index.js';
import type { CsvOptions, CsvTable } from './csv.js';

/** A cohort grid's numbers: each cohort's size and its value in each period since acquisition, as the document has. */
export function cohortCsv(doc: CohortDoc, { t, locale }: CsvOptions<CohortGridMessages>): CsvTable {
  const periods = Math.max(0, ...doc.cohorts.map((c) => c.values.length));
  const head = [t('cohort'), t('size')];
  for (let k = 0; k < periods; k++) head.push(t(doc.periodUnit, { n: formatInteger(locale, k) }));
  const rows = doc.cohorts.map((c) => [
    c.label,
    c.size,
    ...Array.from({ length: periods }, (_, k) => c.values[k] ?? null),
  ]);
  return { rows: [head, ...rows], text: new Set([0]) };
}
