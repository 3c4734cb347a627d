// The raw Olist sample the data path's tests read: the project's own copy in data/olist
// (gzipped; the reviews keep the columns the adapter reads). ../shared/data/olist, where
// a checkout has it beside it, is only compared with it, never needed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { olistOrders, type OlistFiles } from '../../src/data/olist.js';
import type { OrderRow } from '../../src/data/orders.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The project's copy: data/olist/olist_<name>_dataset.csv.gz. */
export const OLIST_DIR = path.join(root, 'data/olist');
/** The workplace's original, when a checkout happens to have it beside it. */
export const SHARED_OLIST_DIR = path.resolve(root, '../shared/data/olist');

/** One of Olist's files as text, from a folder holding `.csv` or `.csv.gz`. */
export function readOlistFile(name: string, dir = OLIST_DIR): string {
  const csv = path.join(dir, `olist_${name}_dataset.csv`);
  return existsSync(csv) ? readFileSync(csv, 'utf8') : gunzipSync(readFileSync(`${csv}.gz`)).toString('utf8');
}

/** The four files the Olist adapter reads. */
export function olistFiles(dir = OLIST_DIR): OlistFiles {
  const read = (n: string) => readOlistFile(n, dir);
  return {
    orders: read('orders'),
    customers: read('customers'),
    payments: read('order_payments'),
    reviews: read('order_reviews'),
  };
}

/** The sample as canonical orders (15,000). */
export function olistSampleOrders(dir = OLIST_DIR): OrderRow[] {
  return olistOrders(olistFiles(dir));
}
