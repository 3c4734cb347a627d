/**
 * Calendar periods of a forecast document: days, ISO weeks (Monday first), months and quarters, as ISO dates read as
 * UTC.
 */

export type Granularity = 'day' | 'week' | 'month' | 'quarter';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** The first day of the period `k` periods after the one starting on `date`. */
export function addPeriods(date: string, granularity: Granularity, k: number): string {
  const d = utc(date);
  if (granularity === 'day' || granularity === 'week')
    d.setUTCDate(d.getUTCDate() + k * (granularity === 'day' ? 1 : 7));
  else d.setUTCMonth(d.getUTCMonth() + k * (granularity === 'month' ? 1 : 3));
  return iso(d);
}

/** The first day of the period (ISO week: Monday; month; quarter) that holds `date`. */
export function alignedStart(date: string, granularity: Granularity): string {
  const d = utc(date);
  if (granularity === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (granularity === 'month' || granularity === 'quarter') {
    d.setUTCDate(1);
    if (granularity === 'quarter') d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % 3));
  }
  return iso(d);
}
