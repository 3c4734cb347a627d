// What the regional SLA table's browser tests reach it by: its shadow root's elements, the region rows and their ids,
// one region's row, the scroll box, and the widget mounted and measured.
import type { KpiRegionalSla } from '../../../components/regional-sla/kpi-regional-sla.js';
import { waitUntil } from '@open-wc/testing';
import { mountWidget } from './util.js';

export const $ = (el: KpiRegionalSla, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
export const $$ = (el: KpiRegionalSla, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/** The region rows of the table, in order. */
export const regions = (el: KpiRegionalSla) => $$(el, 'tbody tr[part~="row"]');
/** A region's id, as its row header shows it under the name. */
export const idOf = (row: HTMLElement) =>
  row.querySelector('[part~="label"]')!.lastElementChild!.textContent!.split(' · ')[0];
export const regionIds = (el: KpiRegionalSla) => regions(el).map(idOf);
/** The row of one region, found by the id its row header shows. */
export const region = (el: KpiRegionalSla, id: string) => regions(el).find((r) => idOf(r) === id) ?? null;
/** The table's scroll box (the element around the table). */
export const scrollBox = (el: KpiRegionalSla) => $(el, 'table[part~="table"]')!.parentElement!;

/** Mounts and waits two frames more: the row window measures its scroller on the next frame. */
export async function mount(doc: unknown, attrs = '', width = 1100) {
  const el = await mountWidget<KpiRegionalSla>('kpi-regional-sla', doc, attrs, width);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el;
}

/**
 * Scrolls the table `px` down and waits until the row window draws the rows there: the first region drawn has an
 * aria-rowindex past `past`.
 */
export async function scrollTable(el: KpiRegionalSla, px: number, past: number): Promise<HTMLElement> {
  const scroller = scrollBox(el);
  scroller.scrollTop = px;
  scroller.dispatchEvent(new Event('scroll'));
  await waitUntil(
    () => Number(regions(el)[0]!.getAttribute('aria-rowindex')) > past,
    'did not render the rows in view',
  );
  return scroller;
}
