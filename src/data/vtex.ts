/**
 * VTEX's order report (Orders management → All orders → Export) to canonical orders. The report's
 * columns are VTEX's own, as its help centre documents them:
 * https://help.vtex.com/en/tutorial/order-report--31m1ewsmsEe0WS4So2aGMY. What it takes from it:
 *
 * - one row per SKU: rows are grouped by `Order`, and the order's fields (`Total Value` is the
 *   whole order's, repeated on each of its rows) are read from its first row;
 * - `Creation Date` and `Authorized Date` are when it was placed and approved, `Estimate Delivery
 *   Date` the promised delivery; ISO 8601 dates with an offset are written in UTC; the report does
 *   not document the zone of a date without one, so it is read in `--tz` (UTC unless given);
 * - `Status raw value (temporary)` (else `Status`): `canceled` orders do not qualify; others keep
 *   their raw status (`invoiced`, `handling`, …);
 * - the customer is `Email`, else `Client Document`; the region is `UF` (a Brazilian state as
 *   `BR-SP` with its name and macro-region); the channel is the trade policy, `SalesChannel`;
 *   the amount `Total Value` in `Currency Code`.
 *
 * The delimiter and the decimal mark are detected as `kpi-kit import csv` detects them.
 */
import { parseCsv } from './csv.js';
import { platformOrders, regionOf, zonedToUtc, type PlatformExport } from './platform-export.js';
import { decodeText, detectDecimal, detectDelimiter, parseAmount } from './import-csv.js';
import type { OrderRow } from './orders.js';

/**
 * An ISO 8601 date-time (offset optional, fractions of a second of any length) as a UTC
 * timestamp `2024-01-15 13:12:33`, one without an offset read as a wall-clock time in `tz`; null
 * when empty, undefined when it is not one.
 */
export function vtexTime(text: string | undefined, tz = 'UTC'): string | null | undefined {
  const t = (text ?? '').trim();
  if (!t) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)? ?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  if (new Date(Date.UTC(+y!, +mo! - 1, +d!)).getUTCDate() !== +d!) return undefined;
  if (!zone) return zonedToUtc(`${y}-${mo}-${d}`, `${h}:${mi}:${s}`, tz);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const VTEX: PlatformExport = {
  name: 'a VTEX order report',
  required: ['Order', 'Creation Date'],
  key: 'Order',
  keyText: 'the order id',
  time: vtexTime,
  timeExample: 'an ISO 8601 date such as 2024-01-15T10:12:33Z',
};

/**
 * Canonical orders from a VTEX order report's bytes (UTF-8 or Windows-1252); `file` names it in
 * errors; dates without an offset are read in `tz` (default UTC).
 */
export function vtexOrders(bytes: Uint8Array, file: string, { tz = 'UTC' }: { tz?: string } = {}): OrderRow[] {
  const { text } = decodeText(bytes);
  const table = parseCsv(text, file, detectDelimiter(text), true);
  const decimal = detectDecimal(table.records.map((r) => r.values['Total Value'] ?? ''));
  return platformOrders(
    table,
    file,
    VTEX,
    ({ text: v, time, bad }, id) => {
      const customer = v('Email').toLowerCase() || v('Client Document');
      if (!customer) throw bad('Email', 'the customer (an e-mail, else a Client Document)');
      const amount = parseAmount(v('Total Value'), decimal);
      if (Number.isNaN(amount)) throw bad('Total Value', `an amount (decimal '${decimal}')`);
      const raw = (v('Status raw value (temporary)') || v('Status')).toLowerCase();
      const region = regionOf(v('UF'), v('Country'));
      return {
        order_id: id,
        customer_id: customer,
        ordered_at: time('Creation Date', true)!,
        approved_at: time('Authorized Date'),
        promised_at: time('Estimate Delivery Date'),
        status: raw === 'canceled' || raw === 'cancelled' || raw === 'cancelado' ? 'canceled' : raw || null,
        region_id: region.region_id ?? null,
        region_label: region.region_label ?? null,
        region_group: region.region_group ?? null,
        channel: v('SalesChannel') || null,
        amount,
        currency: v('Currency Code') || null,
      };
    },
    tz,
  );
}
