/**
 * Shopify's order export (Orders → Export, "CSV for Excel, Numbers, or other spreadsheet programs")
 * to canonical orders. The file's format is Shopify's own, as its help centre documents it:
 * https://help.shopify.com/en/manual/fulfillment/managing-orders/exporting-orders ("Order CSV file
 * format"). What it takes from it:
 *
 * - one row per line item: an order's fields (`Name`, `Email`, `Financial Status`, `Total`, …)
 *   are on its first row only, so rows are grouped by `Name` (the order number, `#1001`);
 * - dates as `2023-01-05 10:12:33 -0300`, a local time and its offset: written out in UTC;
 * - `Cancelled at` set, or a `Financial Status` of `refunded` or `voided`: the order does not
 *   qualify (`canceled`); otherwise `fulfilled` orders read `shipped`, others their financial
 *   status (`paid`, `pending`, …);
 * - `Created at`, `Paid at` and `Fulfilled at` are when it was placed, approved and shipped (the
 *   export has no delivery date);
 * - the customer is `Email` (lower-cased), else `Phone`, else `Billing Name`;
 * - the region is `Shipping Province` of `Shipping Country` (a Brazilian state becomes `BR-SP`
 *   with its name and macro-region; another province `<country>-<province>`), else the billing
 *   address's;
 * - `Source` (`web`, `pos`, `android`, …) is the channel; `Total` and `Currency` the amount.
 */
import { parseCsv } from './csv.js';
import { platformOrders, regionOf, type PlatformExport } from './platform-export.js';
import type { OrderRow } from './orders.js';

/**
 * `2023-01-05 10:12:33 -0300` (or `+05:30`, or `Z`) as a UTC timestamp `2023-01-05 13:12:33`; undefined when it is not
 * one.
 */
export function shopifyTime(text: string | undefined): string | null | undefined {
  const t = (text ?? '').trim();
  if (!t) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?) ?(Z|[+-]\d{2}:?\d{2})$/i.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  const zone = m[3]!.toUpperCase() === 'Z' ? 'Z' : m[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]!.length === 5 ? `${m[2]}:00` : m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const SHOPIFY: PlatformExport = {
  name: 'a Shopify order export',
  required: ['Name', 'Created at'],
  key: 'Name',
  keyText: 'the order number (#1001)',
  time: shopifyTime,
  timeExample: 'a date such as 2023-01-05 10:12:33 -0300',
};

/** An amount as Shopify writes it (`1234.56`); undefined when it is not a number. */
function amountOf(text: string | undefined): number | null | undefined {
  const t = (text ?? '').trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The canonical status of a Shopify order: not qualifying when cancelled, refunded or voided. */
function statusOf(cancelledAt: string, financial: string, fulfillment: string): string | null {
  const money = financial.trim().toLowerCase();
  if (cancelledAt.trim() || money === 'refunded' || money === 'voided') return 'canceled';
  if (fulfillment.trim().toLowerCase() === 'fulfilled') return 'shipped';
  return money || null;
}

/**
 * Canonical orders from a Shopify order export's text (`file` names it in errors): one order per
 * `Name`, its fields from its first row. A bad date or amount names the file, the line, the column
 * and the value.
 */
export function shopifyOrders(text: string, file: string): OrderRow[] {
  const table = parseCsv(text.replace(/^\uFEFF/, ''), file, ',', true);
  return platformOrders(table, file, SHOPIFY, ({ text: v, time, bad }, name) => {
    const customer = v('Email').toLowerCase() || v('Phone') || v('Billing Name');
    if (!customer) throw bad('Email', 'the customer (an e-mail, else a Phone or a Billing Name)');
    const amount = amountOf(v('Total'));
    if (amount === undefined) throw bad('Total', 'a number');
    const shipping = regionOf(v('Shipping Province'), v('Shipping Country'));
    const region = shipping.region_id ? shipping : regionOf(v('Billing Province'), v('Billing Country'));
    return {
      order_id: name,
      customer_id: customer,
      ordered_at: time('Created at', true)!,
      approved_at: time('Paid at'),
      shipped_at: time('Fulfilled at'),
      status: statusOf(v('Cancelled at'), v('Financial Status'), v('Fulfillment Status')),
      region_id: region.region_id ?? null,
      region_label: region.region_label ?? null,
      region_group: region.region_group ?? null,
      channel: v('Source') || null,
      amount,
      currency: v('Currency') || null,
    };
  });
}
