// Builders equal SQL: random small sets of orders (nulls, ties, negative durations, canceled
// orders, offsets, a single row) give the same document from the pure TypeScript builders
// and from the recipes on DuckDB and on ClickHouse (chDB), for every kind built from orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ordersToCsv } from '../../src/data/read.js';
import type { OrderRow } from '../../src/data/orders.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';
import { buildChannels } from '../../src/data/channels.js';
import { openDuckDb, type SqlEngine } from '../../src/data/engines.js';
import { openChdb } from '../../src/data/clickhouse.js';
import { loadOrdersFile } from '../../src/data/load.js';
import {
  buildChannelsSql,
  buildCohortSql,
  buildForecastSql,
  buildFunnelFromOrdersSql,
  buildRegionalSlaSql,
} from '../../src/data/paths/all.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-prop-'));
let engine: SqlEngine;
beforeAll(async () => {
  engine = await openDuckDb({ threads: 1 });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2018-01-01T00:00:00Z');
const iso = (ms: number, offsetHours: number) => {
  if (!offsetHours) return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  const local = new Date(ms + offsetHours * 3600_000).toISOString().slice(0, 19);
  return `${local}${offsetHours > 0 ? '+' : '-'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
};
const REGIONS = {
  'BR-SP': ['São Paulo', 'Sudeste'],
  'BR-RJ': ['Rio de Janeiro', 'Sudeste'],
  'BR-BA': ['Bahia', 'Nordeste'],
} as const;

/** One order: times in whole seconds over ten weeks (ties likely), later steps before or after. */
const order = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  at: fc.integer({ min: 0, max: 70 * 86400 }).map((s) => T0 + s * 1000),
  offset: fc.constantFrom(0, 0, 0, -3, 2),
  steps: fc.array(fc.option(fc.integer({ min: -2 * 86400, max: 12 * 86400 }), { nil: null }), {
    minLength: 4,
    maxLength: 4,
  }),
  status: fc.constantFrom(null, '', 'delivered', 'delivered', 'canceled', 'unavailable', 'shipped'),
  region: fc.constantFrom(null, 'BR-SP', 'BR-SP', 'BR-RJ', 'BR-BA'),
  labelled: fc.boolean(),
  channel: fc.constantFrom(null, '', 'web', 'web', 'app', 'loja física'),
  cents: fc.option(
    fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.constant(0), fc.integer({ min: 0, max: 2_000_000_000 })),
    { nil: null },
  ),
});

type Generated = typeof order extends fc.Arbitrary<infer T> ? T : never;
const toRows = (xs: Generated[]): OrderRow[] =>
  xs.map((x, i) => {
    const [approved, shipped, delivered, promised] = x.steps.map((d) =>
      d === null ? null : iso(x.at + d * 1000, x.offset),
    );
    const region = x.region as keyof typeof REGIONS | null;
    return {
      order_id: `o${i}`,
      customer_id: `c${x.customer}`,
      ordered_at: iso(x.at, x.offset),
      approved_at: approved ?? null,
      shipped_at: shipped ?? null,
      delivered_at: delivered ?? null,
      promised_at: promised ?? null,
      status: x.status,
      region_id: region,
      region_label: region && x.labelled ? REGIONS[region][0] : null,
      region_group: region && x.labelled ? REGIONS[region][1] : null,
      channel: x.channel,
      amount: x.cents === null ? null : x.cents / 100,
      currency: 'BRL',
    };
  });

const metrics = [
  'delivery=ordered_at..delivered_at:days:5',
  'approval=ordered_at..approved_at:hours:12',
  'promise=delivered_at..promised_at:minutes:0',
].map(parseMetricSpec);
const steps = (['ordered_at', 'approved_at', 'shipped_at', 'delivered_at'] as const).map((column) => ({ column }));

/** Every order kind's document from rows in memory and from the recipes on `engine`, for one random set. */
async function agree(engine: SqlEngine, rows: OrderRow[], file: string) {
  writeFileSync(file, ordersToCsv(rows));
  await loadOrdersFile(engine, file);
  const s = { engine, orders: 'orders' };
  for (const options of [
    { period: 'month' as const },
    { period: 'week' as const, measure: 'revenue' as const },
    { period: 'day' as const, tz: 'America/Sao_Paulo' },
  ]) {
    expect(await buildCohortSql(s, options)).toEqual(buildCohort(rows, options));
  }
  expect(await buildForecastSql(s, { granularity: 'month' })).toEqual(buildForecast(rows, { granularity: 'month' }));
  expect(await buildForecastSql(s, { granularity: 'week', tz: 'Asia/Tokyo' })).toEqual(
    buildForecast(rows, { granularity: 'week', tz: 'Asia/Tokyo' }),
  );
  expect(await buildRegionalSlaSql(s, { metrics })).toEqual(buildRegionalSla(rows, { metrics }));
  const funnel = { steps, segmentBy: 'channel' as const, from: '2018-01-10', to: '2018-03-01' };
  expect(await buildFunnelFromOrdersSql(s, funnel)).toEqual(buildFunnelFromOrders(rows, funnel));
  expect(await buildFunnelFromOrdersSql(s, { steps })).toEqual(buildFunnelFromOrders(rows, { steps }));
  expect(await buildChannelsSql(s, {})).toEqual(buildChannels(rows, {}));
}

describe('builders and SQL give equal documents', () => {
  let n = 0;
  it('for random small sets of orders, on DuckDB', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 30 }), async (xs) =>
        agree(engine, toRows(xs), path.join(dir, `orders-${n++}.csv`)),
      ),
      { numRuns: 60, seed: 20261130 },
    );
  }, 120_000);
  // Fewer runs: each load on ClickHouse costs more than on DuckDB.
  it('for random small sets of orders, on ClickHouse (chDB)', async () => {
    const ch = await openChdb();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 30 }), async (xs) =>
          agree(ch, toRows(xs), path.join(dir, `orders-${n++}.csv`)),
        ),
        { numRuns: 30, seed: 20261204 },
      );
    } finally {
      await ch.close();
    }
  }, 120_000);
});
