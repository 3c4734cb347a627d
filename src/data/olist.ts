/**
 * The Olist adapter: the Brazilian E-Commerce dataset's CSV files to canonical
 * `orders` rows, as docs/data-path.md (#olist) maps them: `customer_id` ←
 * `customer_unique_id`; `ordered_at` ← `order_purchase_timestamp`; the milestones;
 * the latest review; `region_id` ← `BR-` + state, with the state's name and macro-region
 * (IBGE) as `region_label` and `region_group`; `amount` ← the sum of the order's payments;
 * `currency` BRL.
 */
import { CsvError, parseCsv, requireColumns } from './csv.js';
import { cents, utcDay, type OrderRow } from './orders.js';
import { STATES } from './regions.js';

/** The four files' text (the orders file is required; the others enrich it). */
export interface OlistFiles {
  orders: string;
  customers?: string;
  payments?: string;
  reviews?: string;
}

const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

/** A timestamp cell of an Olist file, or null when empty; a value that is not one stops the import where it is. */
function timestamp(
  file: string,
  line: number,
  column: string,
  value: string | undefined,
  required = false,
): string | null {
  const v = orNull(value);
  if (v === null && !required) return null;
  if (v === null || utcDay(v) === null)
    throw new CsvError(
      file,
      line,
      `column ${column}: expected a timestamp such as 2017-10-02 10:56:33, ` +
        `got ${v === null ? 'nothing' : JSON.stringify(v)}`,
    );
  return v;
}

/** Canonical orders from the Olist files, in the orders file's order. */
export function olistOrders(files: OlistFiles): OrderRow[] {
  const orders = parseCsv(files.orders, 'olist_orders_dataset.csv');
  requireColumns(orders, 'olist_orders_dataset.csv', [
    'order_id',
    'customer_id',
    'order_status',
    'order_purchase_timestamp',
  ]);
  const person = new Map<string, { id: string; state: string | null }>();
  if (files.customers) {
    const t = parseCsv(files.customers, 'olist_customers_dataset.csv');
    requireColumns(t, 'olist_customers_dataset.csv', ['customer_id', 'customer_unique_id', 'customer_state']);
    for (const r of t.records)
      person.set(r.values['customer_id']!, {
        id: r.values['customer_unique_id']!,
        state: orNull(r.values['customer_state']),
      });
  }
  const paid = new Map<string, number>();
  if (files.payments) {
    const t = parseCsv(files.payments, 'olist_order_payments_dataset.csv');
    requireColumns(t, 'olist_order_payments_dataset.csv', ['order_id', 'payment_value']);
    for (const r of t.records) {
      const v = Number(r.values['payment_value']);
      if (!Number.isFinite(v))
        throw new CsvError(
          'olist_order_payments_dataset.csv',
          r.line,
          `column payment_value: expected a number, got ${JSON.stringify(r.values['payment_value'])}`,
        );
      paid.set(r.values['order_id']!, (paid.get(r.values['order_id']!) ?? 0) + v);
    }
  }
  const review = new Map<string, { at: string; score: number }>();
  if (files.reviews) {
    const t = parseCsv(files.reviews, 'olist_order_reviews_dataset.csv');
    requireColumns(t, 'olist_order_reviews_dataset.csv', ['order_id', 'review_score', 'review_creation_date']);
    for (const r of t.records) {
      const id = r.values['order_id']!;
      const at = timestamp(
        'olist_order_reviews_dataset.csv',
        r.line,
        'review_creation_date',
        r.values['review_creation_date'],
        true,
      )!;
      const prev = review.get(id);
      if (!prev || at > prev.at) review.set(id, { at, score: Number(r.values['review_score']) });
    }
  }
  const file = 'olist_orders_dataset.csv';
  return orders.records.map(({ values: v, line }) => {
    const who = person.get(v['customer_id']!);
    const r = review.get(v['order_id']!);
    return {
      order_id: v['order_id']!,
      customer_id: who?.id ?? v['customer_id']!,
      ordered_at: timestamp(file, line, 'order_purchase_timestamp', v['order_purchase_timestamp'], true)!,
      approved_at: timestamp(file, line, 'order_approved_at', v['order_approved_at']),
      shipped_at: timestamp(file, line, 'order_delivered_carrier_date', v['order_delivered_carrier_date']),
      delivered_at: timestamp(file, line, 'order_delivered_customer_date', v['order_delivered_customer_date']),
      promised_at: timestamp(file, line, 'order_estimated_delivery_date', v['order_estimated_delivery_date']),
      reviewed_at: r?.at ?? null,
      review_score: r && Number.isFinite(r.score) ? r.score : null,
      status: orNull(v['order_status']),
      region_id: who?.state ? `BR-${who.state}` : null,
      region_label: (who?.state && STATES[who.state]?.[0]) || null,
      region_group: (who?.state && STATES[who.state]?.[1]) || null,
      amount: paid.has(v['order_id']!) ? cents(paid.get(v['order_id']!)!) : null,
      currency: 'BRL',
    };
  });
}
