// PostgreSQL for real: a throw-away server of our own (Debian's postgresql), the Olist
// rows loaded into a table, and every recipe's document compared with DuckDB's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startPostgres } from '../../scripts/postgres.mjs';
import { olistSampleOrders } from '../data/olist.js';
import { ordersToCsv } from '../../src/data/read.js';
import { parseMetricSpec } from '../../src/data/regional-sla.js';
import { openDuckDb, openPostgres, type SqlEngine } from '../../src/data/engines.js';
import { loadOrdersFile, useOrdersTable } from '../../src/data/load.js';
import {
  buildChannelsSql,
  buildCohortSql,
  buildForecastSql,
  buildFunnelFromOrdersSql,
  buildRegionalSlaSql,
  type SqlSource,
} from '../../src/data/paths/all.js';

let server: { url: string; dir: string; stop(): void };
let duck: SqlEngine;
let pg: SqlEngine;
let onDuck: SqlSource;
let onPg: SqlSource;
let onPgNaive: SqlSource;

const COLUMNS =
  `order_id text, customer_id text, ordered_at TIMESTAMP_TYPE, ` +
  `approved_at TIMESTAMP_TYPE, shipped_at TIMESTAMP_TYPE,
  delivered_at TIMESTAMP_TYPE, promised_at TIMESTAMP_TYPE, ` +
  `reviewed_at TIMESTAMP_TYPE, review_score integer, status text,
  region_id text, region_label text, region_group text, channel text, currency text, amount numeric(12, 2)`;

beforeAll(async () => {
  server = await startPostgres();
  const orders = olistSampleOrders();
  const file = path.join(server.dir, 'orders.csv');
  writeFileSync(file, ordersToCsv(orders));
  chmodSync(file, 0o644);
  duck = await openDuckDb({ threads: 2 });
  await loadOrdersFile(duck, file);
  onDuck = { engine: duck, orders: 'orders' };
  pg = await openPostgres(server.url);
  // One table with time zones, one without (timestamps without an offset are UTC).
  await pg.all(`CREATE TABLE shop_orders (${COLUMNS.replaceAll('TIMESTAMP_TYPE', 'timestamptz')})`);
  await pg.all(`COPY shop_orders FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  await pg.all(`SET TIME ZONE 'America/Sao_Paulo'`);
  await pg.all(`CREATE TABLE naive_orders (${COLUMNS.replaceAll('TIMESTAMP_TYPE', 'timestamp')})`);
  await pg.all(
    `INSERT INTO naive_orders SELECT order_id, customer_id, ` +
      `ordered_at AT TIME ZONE 'UTC', approved_at AT TIME ZONE 'UTC', ` +
      `shipped_at AT TIME ZONE 'UTC',
    delivered_at AT TIME ZONE 'UTC', promised_at AT TIME ZONE 'UTC', ` +
      `reviewed_at AT TIME ZONE 'UTC', review_score, status, region_id, ` +
      `region_label, region_group, channel, currency, amount FROM shop_orders`,
  );
  onPg = { engine: pg, orders: await useOrdersTable(pg, 'shop_orders') };
  // A second connection for the naive table (the view name is per session).
  const pg2 = await openPostgres(server.url);
  onPgNaive = { engine: pg2, orders: await useOrdersTable(pg2, 'public.naive_orders') };
}, 120_000);

afterAll(async () => {
  await duck?.close();
  await pg?.close();
  await onPgNaive?.engine.close();
  server?.stop();
});

describe("PostgreSQL runs the recipes unchanged and gives DuckDB's documents (Olist sample)", () => {
  it('cohort (customers by month, revenue by week)', async () => {
    const a = await buildCohortSql(onDuck, { period: 'month' });
    expect(a.cohorts.length).toBeGreaterThan(20);
    expect(await buildCohortSql(onPg, { period: 'month' })).toEqual(a);
    expect(await buildCohortSql(onPgNaive, { period: 'month' })).toEqual(a);
    expect(await buildCohortSql(onPg, { period: 'week', measure: 'revenue' })).toEqual(
      await buildCohortSql(onDuck, { period: 'week', measure: 'revenue' }),
    );
  });
  it('cohort in São Paulo time: both engines move the same orders across month ends', async () => {
    const a = await buildCohortSql(onDuck, {
      period: 'day',
      tz: 'America/Sao_Paulo',
      from: '2018-01-01',
      to: '2018-01-31',
    });
    expect(
      await buildCohortSql(onPg, { period: 'day', tz: 'America/Sao_Paulo', from: '2018-01-01', to: '2018-01-31' }),
    ).toEqual(a);
    expect(a).not.toEqual(await buildCohortSql(onDuck, { period: 'day', from: '2018-01-01', to: '2018-01-31' }));
  });
  it('forecast', async () => {
    const a = await buildForecastSql(onDuck, { granularity: 'month' });
    expect(a.points.length).toBeGreaterThan(20);
    expect(await buildForecastSql(onPg, { granularity: 'month' })).toEqual(a);
    expect(await buildForecastSql(onPgNaive, { granularity: 'week' })).toEqual(
      await buildForecastSql(onDuck, { granularity: 'week' }),
    );
  });
  it('regional-sla', async () => {
    const metrics = [
      'delivery=ordered_at..delivered_at:days:10',
      'approval=ordered_at..approved_at:hours:24',
      'promise=delivered_at..promised_at:days:0',
    ].map(parseMetricSpec);
    const a = await buildRegionalSlaSql(onDuck, { metrics });
    expect(a.doc.regions.length).toBe(27);
    expect(await buildRegionalSlaSql(onPg, { metrics })).toEqual(a);
  });
  it('funnel from orders, segmented', async () => {
    const options = {
      steps: (['ordered_at', 'approved_at', 'shipped_at', 'delivered_at'] as const).map((column) => ({ column })),
      segmentBy: 'region_id' as const,
      from: '2017-06-01',
      to: '2018-06-30',
    };
    const a = await buildFunnelFromOrdersSql(onDuck, options);
    expect(a.doc.segments?.length).toBe(27);
    expect(await buildFunnelFromOrdersSql(onPg, options)).toEqual(a);
  });
  it('channels', async () => {
    expect(await buildChannelsSql(onPg, {})).toEqual(await buildChannelsSql(onDuck, {}));
  });
});
