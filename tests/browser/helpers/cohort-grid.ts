// What the cohort grid's browser tests reach it by: its shadow root's elements, a cohort's row, a cell, a period's
// header, the scroll box, the focused cell, and the widget mounted at a width.
import type { KpiCohortGrid } from '../../../components/cohort-grid/kpi-cohort-grid.js';
import { mountWidget } from './util.js';

export const $ = (el: KpiCohortGrid, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
export const $$ = (el: KpiCohortGrid, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/**
 * A cohort's row by its position among the cohorts (0 = the first cohort), found by its ARIA row index (the header and
 * the average row come first).
 */
export const row = (el: KpiCohortGrid, r: number) => $(el, `tbody tr[aria-rowindex="${r + 3}"]`);
/** A cell: cohort `r` (-1: the average row), period `c` (null when it is not drawn). */
export const cell = (el: KpiCohortGrid, r: number, c: number) =>
  $(el, `td[part~="cell"][data-r="${r}"][data-c="${c}"]`)!;
/** The column header of period `c`. */
export const periodHead = (el: KpiCohortGrid, c: number) => $(el, `thead th[data-c="${c}"]`)!;
/** The grid's scroll box (the element around the table). */
export const scrollBox = (el: KpiCohortGrid) => $(el, 'table')!.parentElement!;
/** Which cell has the focus, as "cohort,period" (cohort by its ARIA row index), or null. */
export const focusedCell = (el: KpiCohortGrid) => {
  const a = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!a) return null;
  const tr = a.closest('tr')!;
  return `${Number(tr.getAttribute('aria-rowindex')) - 3},${a.dataset['c'] ?? -1}`;
};

/** The grid mounted in a box `width` pixels wide, ready. */
export const mount = (doc: unknown, attrs = '', width = 960) =>
  mountWidget<KpiCohortGrid>('kpi-cohort-grid', doc, attrs, width);
