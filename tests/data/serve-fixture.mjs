// Two stores in one set of tables, for the server's tests: the Olist sample's orders split by
// region (Rio de Janeiro and Minas Gerais are loja-b's, the rest loja-a's) with a channel each,
// and made-up checkout events and frictions for both stores. Plain JavaScript, so the package
// tests (built code) and the unit tests (sources) share it; `where` is the filter the server
// must apply, written the plain way.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The regions whose orders are loja-b's: a row of them in loja-a's answer is a leak. */
export const STORE_B_REGIONS = ['BR-RJ', 'BR-MG'];
export const CHANNELS = ['site', 'app', 'marketplace'];
export const EVENT_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'add_payment_info', 'purchase'];

/** The orders with `store_id` (by region) and `channel` (in turn). */
export function tenantOrders(orders) {
  return orders.map((o, i) => ({
    ...o,
    store_id: STORE_B_REGIONS.includes(o.region_id) ? 'loja-b' : 'loja-a',
    channel: CHANNELS[i % 3],
  }));
}

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 800 actors through the checkout steps over two months, in both stores, with frictions where they stop. */
export function tenantEvents(actors = 800) {
  const next = random(7);
  const events = [];
  const frictions = [];
  const regions = ['BR-SP', 'BR-RJ', 'BR-MG', 'BR-PR'];
  const causes = [
    ['shipping-cost', 'price'],
    ['card-declined', 'payment'],
    ['cep-lookup', 'form'],
  ];
  for (let i = 0; i < actors; i++) {
    const region = regions[i % regions.length];
    const store = STORE_B_REGIONS.includes(region) ? 'loja-b' : 'loja-a';
    const start = Date.UTC(2018, 0, 1) + Math.floor(next() * 59 * 86400) * 1000;
    const reach = 1 + Math.floor(next() * EVENT_STEPS.length);
    const actor = `a${String(i).padStart(4, '0')}`;
    const common = { device: next() < 0.6 ? 'mobile' : 'desktop', channel: CHANNELS[i % 3], region_id: region };
    for (let k = 0; k < reach; k++) {
      const ts = new Date(start + k * 90_000).toISOString();
      events.push({
        actor_id: actor,
        event_name: EVENT_STEPS[k],
        event_ts: ts,
        session_id: `s${i}`,
        value: EVENT_STEPS[k] === 'purchase' ? Math.round(next() * 50000) / 100 : null,
        ...common,
        store_id: store,
      });
    }
    if (reach < EVENT_STEPS.length && reach > 1) {
      const [cause_id, category] = causes[i % causes.length];
      frictions.push({
        actor_id: actor,
        event_ts: new Date(start + reach * 90_000).toISOString(),
        step: EVENT_STEPS[reach - 1],
        cause_id,
        category,
        cause_label: null,
        store_id: store,
      });
    }
  }
  return { events, frictions };
}

const COLUMN = { region: 'region_id', channel: 'channel', store: 'store_id' };

/** The rows the filters keep (`{ region: [...], channel: [...], store: [...] }`, each any of). */
export function where(rows, filters) {
  return rows.filter((r) =>
    Object.entries(filters).every(([f, values]) => values === undefined || values.includes(r[COLUMN[f]])),
  );
}

/** The frictions a build on filtered events reads: its actors', within the stores asked for. */
export function frictionsWhere(frictions, events, filters) {
  const actors = new Set(where(events, filters).map((e) => e.actor_id));
  return frictions.filter((f) => actors.has(f.actor_id) && (!filters.store || filters.store.includes(f.store_id)));
}

// A PostgreSQL table's columns for a canonical table spec (kit.TABLES[name]), in the order its CSV files are
// written.
export function pgColumns(spec) {
  const type = (c) =>
    spec.timestamps.includes(c)
      ? 'timestamptz'
      : spec.numbers.some((n) => n.column === c && n.integer)
        ? 'integer'
        : spec.numbers.some((n) => n.column === c)
          ? 'numeric(12, 2)'
          : 'text';
  const columns = [
    ...new Set([...spec.required, ...spec.text, ...spec.timestamps, ...spec.numbers.map((n) => n.column)]),
  ];
  return columns.map((c) => `${c} ${type(c)}`).join(', ');
}

/**
 * The two stores' rows: the Olist sample under `root` read by `kit` (the package's node entry, built or source),
 * split by {@link tenantOrders}, with {@link tenantEvents}.
 */
export function tenantRows(kit, root) {
  const olist = (name) =>
    gunzipSync(readFileSync(path.join(root, `data/olist/olist_${name}_dataset.csv.gz`))).toString();
  const orders = tenantOrders(
    kit.olistOrders({
      orders: olist('orders'),
      customers: olist('customers'),
      payments: olist('order_payments'),
      reviews: olist('order_reviews'),
    }),
  );
  return { orders, ...tenantEvents() };
}
