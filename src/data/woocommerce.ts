/**
 * WooCommerce's order export (the Order Import Export plugin's CSV, WooCommerce → Export → Order)
 * to canonical orders. The columns are those WooCommerce documents in "Import and Export of
 * WooCommerce Orders" (https://woocommerce.com/document/import-and-export-of-woocommerce-orders/,
 * "Mapping of WooCommerce Orders"): `order_id`, `order_number`, `order_date`, `paid_date`,
 * `status`, `order_total`, `order_currency`, `customer_email`, `billing_*` and `shipping_*`, …
 * What it takes from it:
 *
 * - one row per order (line items are columns); rows are still grouped by `order_id`, so an
 *   export with a row per line item reads the same; the id is `order_number`, else `order_id`;
 * - dates as the page documents them (`9/6/2016 6:29:00`, month first) or as the plugin writes
 *   them by default (`2016-09-06 06:29:00`), the site's wall-clock time, read in `--tz` (UTC
 *   unless given) and written in UTC; `order_date`, `paid_date` and `completed_date` are when it
 *   was placed, paid and completed (shipped);
 * - `status` (`wc-` prefix or not) `cancelled`, `refunded` or `failed`: the order does not qualify
 *   (`canceled`); `completed` reads `shipped`; others (`processing`, `on-hold`, `pending`) are
 *   kept;
 * - the customer is `customer_email`, else `billing_email`, else `customer_id` (a guest is `0`);
 * - the region is `shipping_state` of `shipping_country` (a Brazilian state as `BR-SP` with its
 *   name and macro-region), else the billing address's; the channel is `created_via` (`checkout`,
 *   `admin`, …) when exported; the amount `order_total` in `order_currency`; the delimiter and
 *   the decimal mark are detected.
 */
import { parseCsv } from './csv.js';
import { platformOrders, regionOf, wallClockToUtc, type PlatformExport } from './platform-export.js';
import { decodeText, detectDecimal, detectDelimiter, parseAmount, parseTimestamp } from './import-csv.js';
import type { OrderRow } from './orders.js';

/**
 * `2016-09-06 06:29:00` or `9/6/2016 6:29:00` (month first, as WooCommerce documents it), a
 * wall-clock time in `tz`, as a UTC timestamp; null when empty, undefined when it is not a date.
 */
export function woocommerceTime(text: string | undefined, tz = 'UTC'): string | null | undefined {
  // ISO as written, else month first; one with an offset is not what WooCommerce writes.
  const written = parseTimestamp(text, 'mdy');
  return written ? wallClockToUtc(written, tz) : written;
}

const WOOCOMMERCE: PlatformExport = {
  name: 'a WooCommerce order export',
  required: ['order_id', 'order_date'],
  key: 'order_id',
  keyText: 'the order id',
  time: woocommerceTime,
  timeExample: 'a date such as 2016-09-06 06:29:00',
};

/** The canonical status of a WooCommerce order: not qualifying when cancelled, refunded or failed. */
export function woocommerceStatus(status: string): string | null {
  const s = status.trim().toLowerCase().replace(/^wc-/, '');
  if (s === 'cancelled' || s === 'refunded' || s === 'failed') return 'canceled';
  if (s === 'completed') return 'shipped';
  return s || null;
}

/**
 * Canonical orders from a WooCommerce order export's bytes (UTF-8 or Windows-1252); `file` names it
 * in errors; dates are read in `tz` (default UTC).
 */
export function woocommerceOrders(bytes: Uint8Array, file: string, { tz = 'UTC' }: { tz?: string } = {}): OrderRow[] {
  const { text } = decodeText(bytes);
  const table = parseCsv(text, file, detectDelimiter(text), true);
  const decimal = detectDecimal(table.records.map((r) => r.values['order_total'] ?? ''));
  return platformOrders(
    table,
    file,
    WOOCOMMERCE,
    ({ text: v, time, bad }, id) => {
      const account = v('customer_id') || v('customer_user');
      const customer =
        v('customer_email').toLowerCase() || v('billing_email').toLowerCase() || (account !== '0' ? account : '');
      if (!customer) throw bad('customer_email', 'the customer (an e-mail, else a billing_email or a customer_id)');
      const amount = parseAmount(v('order_total'), decimal);
      if (amount !== null && Number.isNaN(amount)) throw bad('order_total', `an amount (decimal '${decimal}')`);
      const shipping = regionOf(v('shipping_state'), v('shipping_country'));
      const region = shipping.region_id ? shipping : regionOf(v('billing_state'), v('billing_country'));
      return {
        order_id: v('order_number') || id,
        customer_id: customer,
        ordered_at: time('order_date', true)!,
        approved_at: time('paid_date'),
        shipped_at: time('completed_date'),
        status: woocommerceStatus(v('status')),
        region_id: region.region_id ?? null,
        region_label: region.region_label ?? null,
        region_group: region.region_group ?? null,
        channel: v('created_via') || null,
        amount,
        currency: v('order_currency') || null,
      };
    },
    tz,
  );
}
