// ClickHouse for real, in this process (chDB): the Olist rows loaded from a file, and every recipe's document
// byte-identical to DuckDB's; a server-style table (String columns with '' for nothing, a DateTime in São Paulo)
// read through useTable gives the same documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { olistSampleOrders } from '../data/olist.js';
import { createShopOrders } from '../data/clickhouse-front.mjs';
import { everyOrderKind } from '../data/order-kinds.js';
import { ordersToCsv } from '../../src/data/read.js';
import { parseMetricSpec } from '../../src/data/regional-sla.js';
import { openDuckDb, type SqlEngine } from '../../src/data/engines.js';
import { openChdb } from '../../src/data/clickhouse.js';
import { loadOrdersFile, useOrdersTable } from '../../src/data/load.js';
import {
  buildChannelsSql,
  buildCohortSql,
  buildForecastSql,
  buildFunnelFromOrdersSql,
  buildRegionalSlaSql,
  type SqlSource,
} from '../../src/data/paths/all.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-ch-'));
let duck: SqlEngine;
let ch: SqlEngine;
let onDuck: SqlSource;
let onCh: SqlSource;

beforeAll(async () => {
  const file = path.join(dir, 'orders.csv');
  writeFileSync(file, ordersToCsv(olistSampleOrders()));
  duck = await openDuckDb({ threads: 2 });
  await loadOrdersFile(duck, file);
  onDuck = { engine: duck, orders: 'orders' };
  ch = await openChdb();
  await loadOrdersFile(ch, file);
  onCh = { engine: ch, orders: 'orders' };
}, 120_000);

afterAll(async () => {
  await duck?.close();
  await ch?.close();
  rmSync(dir, { recursive: true, force: true });
});

const same = (a: unknown, b: unknown) => expect(JSON.stringify(a, null, 2)).toBe(JSON.stringify(b, null, 2));

describe("ClickHouse (chDB) runs the recipes and gives DuckDB's documents, byte for byte (Olist sample)", () => {
  it('cohort', async () => {
    for (const o of [
      { period: 'month' as const },
      { period: 'week' as const, measure: 'revenue' as const },
      { period: 'day' as const, tz: 'America/Sao_Paulo', from: '2018-01-01', to: '2018-01-31' },
    ])
      same(await buildCohortSql(onCh, o), await buildCohortSql(onDuck, o));
  });
  it('forecast', async () => {
    same(
      await buildForecastSql(onCh, { granularity: 'month' }),
      await buildForecastSql(onDuck, { granularity: 'month' }),
    );
  });
  it('regional-sla', async () => {
    const metrics = ['delivery=ordered_at..delivered_at:days:10', 'approval=ordered_at..approved_at:hours:24'].map(
      parseMetricSpec,
    );
    same(await buildRegionalSlaSql(onCh, { metrics }), await buildRegionalSlaSql(onDuck, { metrics }));
  });
  it('funnel', async () => {
    const options = {
      steps: (['ordered_at', 'approved_at', 'shipped_at', 'delivered_at'] as const).map((column) => ({ column })),
      segmentBy: 'region_id' as const,
    };
    same(await buildFunnelFromOrdersSql(onCh, options), await buildFunnelFromOrdersSql(onDuck, options));
  });
  it('channels', async () => {
    same(await buildChannelsSql(onCh, {}), await buildChannelsSql(onDuck, {}));
  });
  it("every orders kind on ClickHouse's old query analyzer too", async () => {
    await ch.all('SET enable_analyzer = 0');
    try {
      expect(await everyOrderKind(onCh)).toBe(await everyOrderKind(onDuck));
    } finally {
      await ch.all('SET enable_analyzer = 1');
    }
  });
});

describe("a ClickHouse user's own table: String columns with '' for nothing, timestamps in São Paulo", () => {
  let gaps: SqlSource;
  beforeAll(async () => {
    // Some orders without a region, a channel or a currency, as shops have them.
    const orders = olistSampleOrders().map((o, i) => ({
      ...o,
      channel: i % 3 ? 'web' : null,
      ...(i % 7 ? {} : { region_id: null, region_label: null, region_group: null }),
      ...(i % 11 ? {} : { currency: null }),
    }));
    const file = path.join(dir, 'orders-with-gaps.csv');
    writeFileSync(file, ordersToCsv(orders));
    const duck2 = await openDuckDb({ threads: 2 });
    await loadOrdersFile(duck2, file);
    gaps = { engine: duck2, orders: 'orders' };
    await loadOrdersFile(ch, file);
    await createShopOrders((q) => ch.all(q), 'shop_orders', file);
    const [counts] = await ch.all(`SELECT countIf(region_id = '') AS r, countIf(channel = '') AS c FROM shop_orders`);
    expect(Number(counts!['r'])).toBeGreaterThan(1000);
    expect(Number(counts!['c'])).toBeGreaterThan(1000);
  });
  afterAll(() => gaps.engine.close());
  it('read through useTable: the same documents as DuckDB from the file', async () => {
    const view = await useOrdersTable(ch, 'default.shop_orders');
    expect(await everyOrderKind({ engine: ch, orders: view })).toBe(await everyOrderKind(gaps));
  });
  it('the printed recipes run on the table itself: no region, channel or currency called ""', async () => {
    expect(await everyOrderKind({ engine: ch, orders: 'shop_orders' })).toBe(await everyOrderKind(gaps));
  });
});
