// A seeded generator of realistic raw rows, at any size, for the bench, the demo and the tests:
//   node scripts/generate-data.mjs orders --rows 1000000 --out orders.parquet [--seed 1] [--store loja-a]
//   node scripts/generate-data.mjs events --actors 100000 --out events.csv --frictions frictions.csv \
//     [--ga4 export.parquet] [--seed 1]
// Canonical rows (data-path.md). Orders: Brazilian states by population, weekly and yearly
// seasonality (Mondays high, Sundays low, the year's peak from Black Friday to Christmas, a June lull), repeat
// customers with a main channel, cancellations, delivery times that grow with distance from
// São Paulo, lognormal order values. Events: a GA4-like checkout (view_item → add_to_cart →
// begin_checkout → add_shipping_info → add_payment_info → purchase) with drop-off per step
// and device, and the frictions of those who left. Written by DuckDB SQL over range(): every
// value is a hash of (row, field, seed), so the same seed gives the same rows on every run.
import { existsSync, renameSync, rmSync } from 'node:fs';

/** u(i, k): a uniform in [0, 1) from a hash of the row, the field and the seed. */
const u = (row, field, seed) => `((hash(${row}, ${field}, ${seed}) % 1000003) / 1000003.0)`;

// Shares of Brazil's population (IBGE 2022), rounded; the rest go to the smaller states.
const STATES = [
  ['SP', 'São Paulo', 'Sudeste', 0.217, 3],
  ['MG', 'Minas Gerais', 'Sudeste', 0.1, 5],
  ['RJ', 'Rio de Janeiro', 'Sudeste', 0.079, 4],
  ['BA', 'Bahia', 'Nordeste', 0.07, 9],
  ['PR', 'Paraná', 'Sul', 0.056, 5],
  ['RS', 'Rio Grande do Sul', 'Sul', 0.053, 7],
  ['PE', 'Pernambuco', 'Nordeste', 0.044, 10],
  ['CE', 'Ceará', 'Nordeste', 0.043, 11],
  ['PA', 'Pará', 'Norte', 0.04, 14],
  ['SC', 'Santa Catarina', 'Sul', 0.037, 6],
  ['GO', 'Goiás', 'Centro-Oeste', 0.035, 7],
  ['MA', 'Maranhão', 'Nordeste', 0.033, 12],
  ['AM', 'Amazonas', 'Norte', 0.019, 16],
  ['ES', 'Espírito Santo', 'Sudeste', 0.019, 6],
  ['PB', 'Paraíba', 'Nordeste', 0.019, 11],
  ['MT', 'Mato Grosso', 'Centro-Oeste', 0.018, 9],
  ['RN', 'Rio Grande do Norte', 'Nordeste', 0.016, 11],
  ['AL', 'Alagoas', 'Nordeste', 0.015, 11],
  ['PI', 'Piauí', 'Nordeste', 0.016, 12],
  ['DF', 'Distrito Federal', 'Centro-Oeste', 0.014, 6],
  ['MS', 'Mato Grosso do Sul', 'Centro-Oeste', 0.014, 8],
  ['SE', 'Sergipe', 'Nordeste', 0.011, 11],
  ['RO', 'Rondônia', 'Norte', 0.008, 15],
  ['TO', 'Tocantins', 'Norte', 0.007, 13],
  ['AC', 'Acre', 'Norte', 0.004, 18],
  ['AP', 'Amapá', 'Norte', 0.004, 18],
  ['RR', 'Roraima', 'Norte', 0.003, 19],
];
const CHANNELS = [
  ['online_store', 0.45],
  ['marketplace', 0.25],
  ['app', 0.15],
  ['whatsapp', 0.08],
  ['physical_store', 0.07],
];

/** A CASE that picks from weighted choices by a uniform `x`. */
function pickCase(x, choices, value) {
  const total = choices.reduce((s, c) => s + c.weight, 0);
  let acc = 0;
  const whens = choices.slice(0, -1).map((c) => {
    acc += c.weight / total;
    return `WHEN ${x} < ${acc.toFixed(6)} THEN ${value(c)}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${value(choices.at(-1))} END`;
}
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** The orders query: about `rows` orders from 2024-01-01 over two years. */
export function ordersSql(rows, seed = 1) {
  const candidates = Math.ceil(rows * 3.2);
  const customers = Math.max(1, Math.round(rows * 0.62));
  const states = STATES.map(([id, label, group, weight, days]) => ({ id, label, group, weight, days }));
  const channels = CHANNELS.map(([id, weight]) => ({ id, weight }));
  return `WITH c AS (
  SELECT i, floor(${u('i', 1, seed)} * 730) AS d, ${u('i', 2, seed)} AS keep
  FROM range(${candidates}) t(i)
), days AS (
  -- Weekly (Mondays high, Sundays low) and yearly (Black Friday to Christmas high, June low) seasonality, by thinning.
  SELECT i, d, DATE '2024-01-01' + CAST(d AS INTEGER) AS day FROM c
  WHERE keep < (1 + 0.22 * cos(2 * pi() * (isodow(DATE '2024-01-01' + CAST(d AS INTEGER)) - 1) / 7))
    * (1 + 0.22 * cos(2 * pi() * (dayofyear(DATE '2024-01-01' + CAST(d AS INTEGER)) - 335) / 365.0))
    * (CASE WHEN month(DATE '2024-01-01' + CAST(d AS INTEGER)) = 11
      AND day(DATE '2024-01-01' + CAST(d AS INTEGER)) BETWEEN 22 AND 30 THEN 2.2 ELSE 1 END) / 3.3
  LIMIT ${rows}
), o AS (
  SELECT i, day,
    -- Repeat customers: a skewed draw from the pool.
    CAST(floor(pow(${u('i', 3, seed)}, 1.7) * ${customers}) AS BIGINT) AS customer,
    ${u('i', 4, seed)} AS u_state, ${u('i', 5, seed)} AS u_status, ${u('i', 6, seed)} AS u_hour,
    ${u('i', 7, seed)} AS u_appr, ${u('i', 8, seed)} AS u_ship, ${u('i', 9, seed)} AS u_del,
    sqrt(-2 * ln(greatest(${u('i', 10, seed)}, 1e-9))) * cos(2 * pi() * ${u('i', 11, seed)}) AS z,
    ${u('i', 12, seed)} AS u_review, ${u('i', 13, seed)} AS u_channel
  FROM days
), placed AS (
  SELECT *, ${pickCase(`((hash(customer, 20, ${seed}) % 1000003) / 1000003.0)`, states, (s) => q(s.id))} AS state,
    -- A customer's main channel, and one order in four elsewhere.
    CASE WHEN u_channel < 0.75
      THEN ${pickCase(`((hash(customer, 21, ${seed}) % 1000003) / 1000003.0)`, channels, (c) => q(c.id))}
      ELSE ${pickCase('u_channel * 4 - 3', channels, (c) => q(c.id))} END AS channel,
    CAST(day AS TIMESTAMP) + to_seconds(CAST(floor(8 * 3600 + u_hour * 15.9 * 3600) AS BIGINT)) AS ordered
  FROM o
), timed AS (
  SELECT *, ${pickCase(
    'u_status',
    [
      { id: 'canceled', weight: 0.03 },
      { id: 'unavailable', weight: 0.006 },
      { id: 'delivered', weight: 0.964 },
    ],
    (s) => q(s.id),
  )} AS status,
    ordered + to_seconds(CAST(floor(120 + pow(u_appr, 3) * 40 * 3600) AS BIGINT)) AS approved
  FROM placed
), shipped AS (
  SELECT *, approved + to_seconds(CAST(floor((0.5 + u_ship * 3.5) * 86400) AS BIGINT)) AS shipped_ts,
    CASE state ${states.map((s) => `WHEN ${q(s.id)} THEN ${s.days}`).join(' ')} ELSE 10 END AS base_days,
    CASE state ${states.map((s) => `WHEN ${q(s.id)} THEN ${q(s.label)}`).join(' ')} END AS state_label,
    CASE state ${states.map((s) => `WHEN ${q(s.id)} THEN ${q(s.group)}`).join(' ')} END AS state_group
  FROM timed
)
SELECT
  'o' || lpad(CAST(i AS VARCHAR), 9, '0') AS order_id,
  'c' || lpad(CAST(customer AS VARCHAR), 9, '0') AS customer_id,
  ordered AS ordered_at,
  CASE WHEN status = 'canceled' AND u_appr < 0.5 THEN NULL ELSE approved END AS approved_at,
  CASE WHEN status = 'delivered' THEN shipped_ts END AS shipped_at,
  CASE WHEN status = 'delivered'
    THEN shipped_ts + to_seconds(CAST(floor(base_days * (0.6 + u_del * 0.9 + pow(u_del, 8) * 2) * 86400) AS BIGINT))
  END AS delivered_at,
  CAST(CAST(ordered AS DATE) + 4 + 2 * base_days AS TIMESTAMP) AS promised_at,
  CASE WHEN status = 'delivered' AND u_review < 0.85
    THEN shipped_ts + to_seconds(CAST(floor((base_days + 2) * 86400) AS BIGINT))
  END AS reviewed_at,
  CASE WHEN status = 'delivered' AND u_review < 0.85
    THEN CAST(CASE WHEN u_del > 0.93 THEN 1 + floor(u_review * 3) ELSE 4 + floor(u_review * 1.3) END AS INTEGER)
  END AS review_score,
  status,
  'BR-' || state AS region_id, state_label AS region_label, state_group AS region_group,
  channel,
  'BRL' AS currency,
  CAST(round(exp(4.6 + 0.75 * z), 2) AS DECIMAL(12, 2)) AS amount
FROM shipped`;
}

const EVENTS = ['view_item', 'add_to_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase'];
/** Chance of going on to the next event, by step, on mobile and desktop. */
const GO_ON = { mobile: [0.28, 0.55, 0.62, 0.7, 0.68], desktop: [0.34, 0.62, 0.7, 0.8, 0.78] };
const FRICTIONS = {
  begin_checkout: [
    ['shipping_cost_late', 'Shipping cost shown only at checkout', 'price', 5],
    ['account_required', 'Had to create an account', 'account', 3],
    ['coupon_invalid', 'Coupon rejected', 'form', 1],
  ],
  add_shipping_info: [
    ['delivery_too_slow', 'Delivery estimate too slow', 'delivery', 4],
    ['freight_too_high', 'Freight too expensive for the region', 'price', 4],
    ['cep_lookup_failed', 'CEP (postcode) lookup failed', 'technical', 1],
  ],
  add_payment_info: [
    ['card_declined', 'Card declined', 'payment', 4],
    ['pix_timeout', 'Pix code expired', 'payment', 2],
    ['installments_missing', 'No installments offered', 'price', 2],
    ['site_not_trusted', 'Did not trust the site with the card', 'trust', 1],
  ],
};

/** The events and frictions queries: `actors` visitors over the 90 days from 2024-09-01. */
export function eventsSql(actors, seed = 1) {
  const reached = EVENTS.map((_, k) =>
    k === 0
      ? 'true AS reached_0'
      : `reached_${k - 1} AND ${u('a', 100 + k, seed)} < ` +
        `(CASE WHEN device = 'mobile' THEN ${GO_ON.mobile[k - 1]} ELSE ${GO_ON.desktop[k - 1]} END) AS reached_${k}`,
  );
  const actorsCte = `actors AS (
  SELECT a, CASE WHEN ${u('a', 1, seed)} < 0.64 THEN 'mobile' ELSE 'desktop' END AS device,
    ${pickCase(
      u('a', 2, seed),
      CHANNELS.map(([id, weight]) => ({ id, weight })),
      (c) => q(c.id),
    )} AS channel,
    TIMESTAMP '2024-09-01 00:00:00' + to_seconds(CAST(floor(${u('a', 3, seed)} * 90 * 86400) AS BIGINT)) AS start
  FROM range(${actors}) t(a)
), flags AS (
  -- reached_k uses reached_(k-1): DuckDB resolves earlier aliases of the same SELECT.
  SELECT *, ${reached.join(',\n    ')}
  FROM actors
)`;
  const events = `WITH ${actorsCte}
SELECT 'v' || lpad(CAST(a AS VARCHAR), 8, '0') AS actor_id, event_name,
  start + to_seconds(CAST(floor(k * 40 + ${u('a', 'k + 200', seed)} * k * 150) AS BIGINT)) AS event_ts,
  's' || lpad(CAST(a AS VARCHAR), 8, '0') AS session_id,
  CASE WHEN event_name = 'purchase' THEN CAST(round(exp(4.6 + 0.6
    * sqrt(-2 * ln(greatest(${u('a', 300, seed)}, 1e-9))) * cos(2 * pi() * ${u('a', 301, seed)})), 2) AS DECIMAL(12, 2))
  END AS value,
  device, channel, NULL AS region_id
FROM (
  ${EVENTS.map(
    (name, k) => `SELECT a, start, device, channel, ${k} AS k, ${q(name)} AS event_name FROM flags WHERE reached_${k}`,
  ).join('\n  UNION ALL ')}
) e`;
  const friction = Object.entries(FRICTIONS).map(([step, causes]) => {
    const k = EVENTS.indexOf(step);
    return `SELECT a, start, ${k} AS k, ${q(step)} AS step, ${pickCase(
      u('a', 400 + k, seed),
      causes.map(([id, label, category, weight]) => ({ id, label, category, weight })),
      (c) => `${q(c.id)} || '|' || ${q(c.category)} || '|' || ${q(c.label)}`,
    )} AS cause
  FROM flags WHERE reached_${k} AND NOT reached_${k + 1} AND ${u('a', 500 + k, seed)} < 0.6`;
  });
  const frictions = `WITH ${actorsCte}
SELECT 'v' || lpad(CAST(a AS VARCHAR), 8, '0') AS actor_id,
  start + to_seconds(CAST(floor(k * 40 + 20) AS BIGINT)) AS event_ts, step,
  split_part(cause, '|', 1) AS cause_id, split_part(cause, '|', 2) AS category, split_part(cause, '|', 3) AS cause_label
FROM (
  ${friction.join('\n  UNION ALL ')}
) f`;
  return { events, frictions };
}

/**
 * The rows of one store of several (`--store loja-a`): a `store_id` column, and ids prefixed with it so two stores'
 * rows share one table without an order, customer or visitor in common.
 */
function ofStore(sql, store, ids) {
  if (!store) return sql;
  if (!/^[\w.-]{1,64}$/.test(store)) throw new Error(`--store: expected an id (letters, digits, _ . -), got ${store}`);
  const replace = ids.map((c) => `${q(store)} || ':' || ${c} AS ${c}`).join(', ');
  return `SELECT * REPLACE (${replace}), ${q(store)} AS store_id FROM (${sql})`;
}

async function copy(db, sql, out) {
  const part = `${out}.part`;
  const format = /\.parquet$/i.test(out) ? 'FORMAT parquet' : 'FORMAT csv, HEADER true';
  await db.all(`COPY (${sql}) TO '${part.replace(/'/g, "''")}' (${format})`);
  renameSync(part, out);
}

async function main() {
  const [what, ...rest] = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : fallback;
  };
  const seed = Number(opt('seed', '1'));
  const store = opt('store');
  const out = opt('out');
  if (!['orders', 'events'].includes(what) || !out) {
    console.error(
      'usage: node scripts/generate-data.mjs orders --rows N --out <file.csv|file.parquet> [--seed S] [--store ID]\n' +
        '       node scripts/generate-data.mjs events --actors N --out <events> --frictions <frictions> [--seed S]' +
        ' [--store ID]',
    );
    process.exit(2);
  }
  const { openDuckDb } = await import('../dist/lib/node.js');
  const db = await openDuckDb();
  const t0 = Date.now();
  try {
    if (what === 'orders')
      await copy(db, ofStore(ordersSql(Number(opt('rows', '100000')), seed), store, ['order_id', 'customer_id']), out);
    else {
      const { events, frictions } = eventsSql(Number(opt('actors', '10000')), seed);
      await copy(db, ofStore(events, store, ['actor_id', 'session_id']), out);
      if (opt('frictions')) await copy(db, ofStore(frictions, store, ['actor_id']), opt('frictions'));
      // The same events as a GA4 BigQuery export (nested records), for the GA4 adapter.
      if (opt('ga4')) {
        const { ga4ExportSql } = await import('../dist/lib/node.js');
        await copy(db, ga4ExportSql(`(${events})`), opt('ga4'));
      }
    }
  } finally {
    await db.close();
    if (existsSync(`${out}.part`)) rmSync(`${out}.part`);
  }
  console.error(`generate-data: ${what} written to ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
