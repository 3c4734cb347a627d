import type { RegionalSlaDoc, SlaMetric, SlaRegion, SlaValue } from '../schema/regional-sla.js';
import { foldText, ratio, sortByValue } from './common.js';

export { foldText };

export type SlaStatus = 'within' | 'at-risk' | 'breached';

/** 1 − withinTarget ÷ total; null when there is no sample. */
export function breachRate(v: Pick<SlaValue, 'withinTarget' | 'total'> | undefined): number | null {
  if (!v) return null;
  const r = ratio(v.withinTarget, v.total);
  return r === null ? null : 1 - r;
}

/**
 * Status against a lower-is-better target: within when p90 ≤ target, at risk
 * when p50 ≤ target < p90, breached when the median itself is over target.
 */
export function slaStatus(p50: number | null, p90: number | null, target: number): SlaStatus | null {
  if (p50 === null || p90 === null) return null;
  if (p50 > target) return 'breached';
  if (p90 > target) return 'at-risk';
  return 'within';
}

export interface SlaCell {
  p50: number | null;
  p90: number | null;
  breach: number | null;
  status: SlaStatus | null;
  withinTarget: number | null;
  total: number | null;
}

export interface SlaRow {
  id: string;
  label: string;
  group: string;
  volume: number;
  cells: Record<string, SlaCell>;
  /**
   * Lower-cased, accent-free label and id, for filtering: made by the first filter that needs it (most tables are never
   * filtered).
   */
  search?: string;
}

const NO_CELL: SlaCell = { p50: null, p90: null, breach: null, status: null, withinTarget: null, total: null };

export function cellFor(region: SlaRegion, metric: SlaMetric): SlaCell {
  const v = Object.hasOwn(region.values, metric.id) ? region.values[metric.id] : undefined;
  if (!v) return NO_CELL;
  return {
    p50: v.p50,
    p90: v.p90,
    breach: breachRate(v),
    status: slaStatus(v.p50, v.p90, metric.target),
    withinTarget: v.withinTarget,
    total: v.total,
  };
}

export function slaRows(doc: RegionalSlaDoc): SlaRow[] {
  return doc.regions.map((r) => {
    const cells: Record<string, SlaCell> = {};
    for (const m of doc.metrics) cells[m.id] = cellFor(r, m);
    return { id: r.id, label: r.label, group: r.group ?? '', volume: r.volume, cells };
  });
}

/** Keeps rows whose label or id contains the query, ignoring case and accents ("sao" finds "São Paulo"). */
export function filterRows<T extends Pick<SlaRow, 'search' | 'label' | 'id'>>(rows: readonly T[], query: string): T[] {
  const q = foldText(query.trim());
  if (!q) return rows.slice();
  return rows.filter((r) => (r.search ??= foldText(`${r.label}\u0000${r.id}`)).includes(q));
}

/** A sortable column: `label`, `group`, `volume`, or `<metricId>:p50|p90|breach`. */
export type SortKey = string;
export type SortDir = 'ascending' | 'descending';

export function sortValue(row: SlaRow, key: SortKey): number | string | null {
  if (key === 'label') return row.label;
  if (key === 'group') return row.group || null;
  if (key === 'volume') return row.volume;
  const [metric, field] = key.split(':');
  const cell = row.cells[metric ?? ''];
  if (!cell || !field) return null;
  // Any numeric field of the cell (p50, p90, breach, …) sorts by its value.
  const v = Object.hasOwn(cell, field) ? cell[field as keyof SlaCell] : null;
  return typeof v === 'number' ? v : null;
}

/**
 * Sorts rows by a column. Missing values ("no data") always go last, whichever
 * the direction; ties keep a stable order by label, then id (`ranks`: that order
 * worked out beforehand by `labelRanks`, for a table sorted again and again).
 */
export function sortRows<T extends SlaRow>(
  rows: readonly T[],
  key: SortKey,
  dir: SortDir,
  locale = 'en',
  ranks?: ReadonlyMap<T, number>,
): T[] {
  return sortByValue(
    rows,
    (r) => sortValue(r, key),
    dir,
    (r) => r,
    locale,
    ranks,
  );
}

export interface SlaSummary {
  label: string;
  regions: number;
  volume: number;
  cells: Record<string, SlaCell>;
}

/**
 * Subtotal (or total) of some rows: volume summed; per metric, p50 and p90 as
 * volume-weighted means of the regions that have the metric (an approximation:
 * percentiles do not add up), and the breach rate pooled exactly
 * (1 − Σ withinTarget ÷ Σ total).
 */
export function summarise(label: string, rows: readonly SlaRow[], metrics: readonly SlaMetric[]): SlaSummary {
  const cells: Record<string, SlaCell> = {};
  for (const m of metrics) {
    let w = 0,
      p50 = 0,
      p90 = 0,
      within = 0,
      total = 0,
      any = false;
    for (const r of rows) {
      const c = r.cells[m.id];
      if (!c || c.p50 === null || c.p90 === null) continue;
      any = true;
      const weight = r.volume;
      w += weight;
      p50 += weight * c.p50;
      p90 += weight * c.p90;
      within += c.withinTarget ?? 0;
      total += c.total ?? 0;
    }
    if (!any) {
      cells[m.id] = NO_CELL;
      continue;
    }
    const mean50 = w > 0 ? p50 / w : null;
    const mean90 = w > 0 ? p90 / w : null;
    const breach = breachRate({ withinTarget: within, total });
    cells[m.id] = {
      p50: mean50,
      p90: mean90,
      breach,
      status: slaStatus(mean50, mean90, m.target),
      withinTarget: within,
      total,
    };
  }
  return { label, regions: rows.length, volume: rows.reduce((s, r) => s + r.volume, 0), cells };
}

export type SlaItem =
  | { type: 'group'; key: string; label: string; summary: SlaSummary }
  | { type: 'region'; key: string; row: SlaRow };

/**
 * The flat list the table shows: regions, or, when grouped, a header row with
 * the group's subtotal followed by its regions (groups ordered by the same sort
 * applied to their subtotals' labels, regions sorted within each group).
 */
export function layoutItems(
  rows: readonly SlaRow[],
  metrics: readonly SlaMetric[],
  grouped: boolean,
  noGroupLabel: string,
): SlaItem[] {
  if (!grouped) return rows.map((row) => ({ type: 'region', key: row.id, row }));
  const groups = new Map<string, SlaRow[]>();
  for (const r of rows) {
    const g = groups.get(r.group);
    if (g) g.push(r);
    else groups.set(r.group, [r]);
  }
  const out: SlaItem[] = [];
  for (const [name, members] of groups) {
    out.push({
      type: 'group',
      key: `group:${name}`,
      label: name || noGroupLabel,
      summary: summarise(name || noGroupLabel, members, metrics),
    });
    for (const row of members) out.push({ type: 'region', key: row.id, row });
  }
  return out;
}

/** Whether labels repeat, so the widget shows the group next to them. */
export function labelsRepeat(rows: readonly SlaRow[]): boolean {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.label)) return true;
    seen.add(r.label);
  }
  return false;
}

/** Counts of regions per status for one metric. */
export function statusCounts(rows: readonly SlaRow[], metricId: string): Record<SlaStatus | 'none', number> {
  const out = { within: 0, 'at-risk': 0, breached: 0, none: 0 };
  for (const r of rows) out[r.cells[metricId]?.status ?? 'none']++;
  return out;
}

/** {@link statusCounts} for every metric, in the document's metric order. */
export function metricStatusCounts(
  rows: readonly SlaRow[],
  metrics: readonly Pick<SlaMetric, 'id'>[],
): Record<SlaStatus | 'none', number>[] {
  return metrics.map((m) => statusCounts(rows, m.id));
}
