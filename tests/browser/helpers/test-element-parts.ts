// What the KpiElement tests reach the test-only widget by (kept apart from helpers/test-element.ts, which the
// base-states stories import too and which must not load the test runner's modules).
import { waitUntil } from '@open-wc/testing';
import type { KpiTestElement } from './test-element.js';

/** The element's status line (loading, empty, error). */
export const status = (el: KpiTestElement) => el.shadowRoot!.querySelector('[part~="status"]');
/** Waits until the widget has no request in flight (its card is no longer aria-busy). */
export const untilIdle = (el: KpiTestElement) =>
  waitUntil(
    () => el.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
    'still loading',
  );
/** The element's chart (its list of steps). */
export const chart = (el: KpiTestElement) => el.shadowRoot!.querySelector('[part~="chart"]');
