import type { CohortDoc } from '../schema/cohort.js';
import { ratio } from './common.js';

export type CohortMode = 'percent' | 'count' | 'churn' | 'revenue' | 'ltv';
export type CohortScaleMode = 'global' | 'row';

/** The modes each measure offers, the first being the default. */
export function modesFor(measure: CohortDoc['measure']): CohortMode[] {
  return measure === 'revenue' ? ['ltv', 'revenue'] : ['percent', 'count', 'churn'];
}

/** The mode to use: the requested one when the measure offers it, else the measure's default. */
export function resolveMode(measure: CohortDoc['measure'], requested: string | null | undefined): CohortMode {
  const modes = modesFor(measure);
  return modes.includes(requested as CohortMode) ? (requested as CohortMode) : modes[0]!;
}

/** The number of periods: the longest `values` array. */
export function periodCount(doc: Pick<CohortDoc, 'cohorts'>): number {
  return doc.cohorts.reduce((n, c) => Math.max(n, c.values.length), 0);
}

/** values[k], with a missing trailing entry read as null ("not yet"). */
export function rawValue(values: readonly (number | null)[], k: number): number | null {
  const v = values[k];
  return v === undefined ? null : v;
}

/**
 * One cohort's cells in a mode. `null` is "not yet" (the period has not happened) or
 * "not defined" (a rate for a cohort of size 0); never NaN.
 */
export function cohortCells(
  row: { size: number; values: readonly (number | null)[] },
  periods: number,
  mode: CohortMode,
): (number | null)[] {
  const out: (number | null)[] = [];
  let cumulative = 0;
  for (let k = 0; k < periods; k++) {
    const v = rawValue(row.values, k);
    if (v === null) {
      out.push(null);
      continue;
    }
    cumulative += v;
    switch (mode) {
      case 'count':
      case 'revenue':
        out.push(v);
        break;
      case 'percent':
        out.push(ratio(v, row.size));
        break;
      case 'churn': {
        const r = ratio(v, row.size);
        out.push(r === null ? null : 1 - r);
        break;
      }
      case 'ltv':
        out.push(ratio(cumulative, row.size));
        break;
    }
  }
  return out;
}

/**
 * The average row. Rates (percent, churn, ltv) are weighted by cohort size over
 * the cohorts that have reached the period (pooled: Σ value ÷ Σ size), so a
 * zero-size cohort adds nothing and `null` is never counted. Counts and revenue
 * are the mean per cohort over the cohorts that have reached the period.
 */
export function averageRow(doc: Pick<CohortDoc, 'cohorts'>, periods: number, mode: CohortMode): (number | null)[] {
  const out: (number | null)[] = [];
  const cumulative = doc.cohorts.map(() => 0);
  for (let k = 0; k < periods; k++) {
    let sum = 0;
    let sizes = 0;
    let reached = 0;
    doc.cohorts.forEach((c, i) => {
      const v = rawValue(c.values, k);
      if (v === null) return;
      cumulative[i]! += v;
      reached++;
      sum += mode === 'ltv' ? cumulative[i]! : v;
      sizes += c.size;
    });
    if (reached === 0) {
      out.push(null);
      continue;
    }
    if (mode === 'count' || mode === 'revenue') out.push(sum / reached);
    else {
      const r = ratio(sum, sizes);
      out.push(r === null ? null : mode === 'churn' ? 1 - r : r);
    }
  }
  return out;
}

export interface CohortModel {
  mode: CohortMode;
  periods: number;
  rows: { id: string; label: string; size: number; cells: (number | null)[] }[];
  average: (number | null)[];
  totalSize: number;
}

export function computeCohort(doc: CohortDoc, mode: CohortMode): CohortModel {
  const periods = periodCount(doc);
  return {
    mode,
    periods,
    rows: doc.cohorts.map((c) => ({ id: c.id, label: c.label, size: c.size, cells: cohortCells(c, periods, mode) })),
    average: averageRow(doc, periods, mode),
    totalSize: doc.cohorts.reduce((s, c) => s + c.size, 0),
  };
}

/** A colour-scale domain [lo, hi]. */
export type Domain = [number, number];

/**
 * Period 0 (acquisition) is 100% (or everyone) by definition in every mode but the
 * cumulative LTV, so, once later periods exist, it is left out of the colour scale,
 * the legend says so, and the average curve starts after it. The one rule for all three.
 */
export function skipsPeriodZero(mode: CohortMode, periods: number): boolean {
  return mode !== 'ltv' && periods > 1;
}

/**
 * The shading domain of a set of cells. Period 0 (acquisition) is left out when
 * later periods exist and the mode is not cumulative: it is ~100% by definition
 * and would wash every later cell out. Churn and LTV (values bunched far from 0)
 * start at their own minimum; the others start at 0.
 */
export function domainOf(cells: readonly (number | null)[][], mode: CohortMode): Domain | null {
  let lo = Infinity;
  let hi = -Infinity;
  const skipFirst = cells.some((r) => skipsPeriodZero(mode, r.length) && r.slice(1).some((v) => v !== null));
  for (const row of cells) {
    for (let k = skipFirst ? 1 : 0; k < row.length; k++) {
      const v = row[k];
      if (v === null || v === undefined) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi === -Infinity) return null;
  return [mode === 'churn' || mode === 'ltv' ? lo : Math.min(0, lo), hi];
}

/** Where `v` sits in the domain, 0–1 (clamped: period 0 can exceed the domain). 0 for an empty domain. */
export function shade(v: number | null, domain: Domain | null): number | null {
  if (v === null || domain === null) return null;
  const [lo, hi] = domain;
  if (!(hi > lo)) return v > lo ? 1 : 0;
  const t = (v - lo) / (hi - lo);
  return Math.max(0, Math.min(1, t));
}

/** Shading of every cell: one global domain, or one per cohort (`row`). */
export function shadeCells(model: CohortModel, scale: CohortScaleMode): (number | null)[][] {
  if (scale === 'row') {
    return model.rows.map((r) => {
      const d = domainOf([r.cells], model.mode);
      return r.cells.map((v) => shade(v, d));
    });
  }
  const d = domainOf(
    model.rows.map((r) => r.cells),
    model.mode,
  );
  return model.rows.map((r) => r.cells.map((v) => shade(v, d)));
}

/** Shading of the average row: against its own values (`row`), or the whole grid's domain. */
export function shadeAverage(model: CohortModel, scale: CohortScaleMode): (number | null)[] {
  const d = domainOf(scale === 'row' ? [model.average] : model.rows.map((r) => r.cells), model.mode);
  return model.average.map((v) => shade(v, d));
}

/** True when there is nothing to show: no cohorts. */
export function cohortIsEmpty(doc: Pick<CohortDoc, 'cohorts'>): boolean {
  return doc.cohorts.length === 0;
}
