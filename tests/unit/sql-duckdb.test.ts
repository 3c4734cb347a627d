import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { olistSampleOrders } from '../data/olist.js';
import { ordersFromCsv, ordersToCsv } from '../../src/data/read.js';
import type { OrderRow } from '../../src/data/orders.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';
import { buildChannels } from '../../src/data/channels.js';
import { loadDriver, openDuckDb, InputError, type SqlEngine } from '../../src/data/engines.js';
import { loadOrdersFile } from '../../src/data/load.js';
import { openChdb } from '../../src/data/clickhouse.js';
import {
  buildChannelsSql,
  buildCohortSql,
  buildForecastSql,
  buildFunnelFromOrdersSql,
  buildRegionalSlaSql,
  type SqlSource,
} from '../../src/data/paths/all.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-sql-'));
let orders: OrderRow[];
let engine: SqlEngine;
let source: SqlSource;

beforeAll(async () => {
  orders = olistSampleOrders();
  writeFileSync(path.join(dir, 'orders.csv'), ordersToCsv(orders));
  engine = await openDuckDb({ threads: 2 });
  await loadOrdersFile(engine, path.join(dir, 'orders.csv'));
  source = { engine, orders: 'orders' };
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("DuckDB recipes give the in-memory builders' documents (Olist sample)", () => {
  it('cohort: customers and revenue, by month and week', async () => {
    for (const period of ['month', 'week'] as const) {
      for (const measure of ['customers', 'revenue'] as const) {
        expect(await buildCohortSql(source, { period, measure })).toEqual(buildCohort(orders, { period, measure }));
      }
    }
  });
  it('forecast by month and week', async () => {
    for (const granularity of ['month', 'week'] as const)
      expect(await buildForecastSql(source, { granularity })).toEqual(buildForecast(orders, { granularity }));
  });
  it('regional-sla with three metrics', async () => {
    const metrics = [
      'delivery=ordered_at..delivered_at:days:10',
      'approval=ordered_at..approved_at:hours:24',
      'promise=delivered_at..promised_at:days:0',
    ].map(parseMetricSpec);
    expect(await buildRegionalSlaSql(source, { metrics })).toEqual(buildRegionalSla(orders, { metrics }));
  });
  it('funnel from orders, segmented', async () => {
    const options = {
      steps: (['ordered_at', 'approved_at', 'shipped_at', 'delivered_at', 'reviewed_at'] as const).map((column) => ({
        column,
      })),
      segmentBy: 'region_group' as const,
    };
    expect(await buildFunnelFromOrdersSql(source, options)).toEqual(buildFunnelFromOrders(orders, options));
  });
  it('channels', async () => {
    expect(await buildChannelsSql(source, {})).toEqual(buildChannels(orders, {}));
  });
});

describe('a broken orders file, in DuckDB or in memory, in the same words: file, line, column, value', () => {
  const load = async (
    name: string,
    text: string,
    open: () => Promise<SqlEngine> = () => openDuckDb({ threads: 1 }),
  ) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    const db = await open();
    try {
      await loadOrdersFile(db, f);
      return 'loaded';
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message.replace(dir + path.sep, '');
    } finally {
      await db.close();
    }
  };
  /** The same file read by the memory engine (`--engine memory`): what it says. */
  const inMemory = (text: string) => {
    try {
      ordersFromCsv(text, 'bad.csv');
      return 'loaded';
    } catch (e) {
      return (e as Error).message;
    }
  };
  it.each([
    [
      'an impossible date',
      'order_id,customer_id,ordered_at\n1,a,2018-02-03 10:00:00\n2,b,2018-02-30 10:00:00\n',
      'bad.csv, line 3: column ordered_at: expected an ISO 8601 timestamp, got "2018-02-30 10:00:00"',
    ],
    [
      'a quoted line break before the bad row',
      'order_id,customer_id,region_label,delivered_at,ordered_at\n1,a,"two\n' +
        'lines",,2018-02-03\n2,b,x,yesterday,2018-02-03\n',
      'bad.csv, line 4: column delivered_at: expected an ISO 8601 timestamp or nothing, got "yesterday"',
    ],
    [
      'a non-numeric amount',
      'order_id,customer_id,ordered_at,amount\n1,a,2018-02-03,12.5\n2,b,2018-02-03,R$ 10\n',
      'bad.csv, line 3: column amount: expected a number, got "R$ 10"',
    ],
    [
      'an empty customer',
      'order_id,customer_id,ordered_at\n1,,2018-02-03\n',
      'bad.csv, line 2: column customer_id: expected a non-empty id, got nothing',
    ],
    [
      'missing columns',
      'id,when\n1,2018-02-03\n',
      'bad.csv, line 1: missing columns order_id, customer_id, ordered_at; found id, when',
    ],
    [
      'a file separated by semicolons (a pt-BR Excel export)',
      'order_id;customer_id;ordered_at;amount\nP1;C1;2018-01-01 10:00:00;1.653,78\n',
      'bad.csv, line 1: one column, "order_id;customer_id;ordered_at;amount": ' +
        'the fields seem separated by semicolons, not commas; `kpi-kit import csv` reads such exports',
    ],
    [
      'a decimal comma outside quotes',
      'order_id,customer_id,ordered_at,amount\n1,a,2018-01-01,1.653,78\n',
      'bad.csv, line 2: expected 4 fields (order_id, customer_id, ordered_at, amount), got 5; ' +
        'a decimal comma outside quotes? `kpi-kit import csv` reads 1.653,78',
    ],
    [
      'a day-first date',
      'order_id,customer_id,ordered_at\n1,a,2018-01-01\n2,b,06/01/2026 11:55\n',
      'bad.csv, line 3: column ordered_at: expected an ISO 8601 timestamp, got "06/01/2026 11:55"',
    ],
    [
      'a ragged row',
      'order_id,customer_id,ordered_at\n1,a,2018-02-03\n2,b\n',
      'bad.csv, line 3: expected 3 fields (order_id, customer_id, ordered_at), got 2',
    ],
  ])('%s: DuckDB, ClickHouse and the memory engine say the same', async (_, text, message) => {
    expect(await load('bad.csv', text)).toBe(message);
    expect(await load('bad.csv', text, openChdb)).toBe(message);
    expect(inMemory(text)).toBe(message);
  });
  it('Parquet: statistics skip the scan only when they prove the ids present; an empty id is found', async () => {
    const db = await openDuckDb({ threads: 1 });
    try {
      const good = path.join(dir, 'good.parquet');
      const bad = path.join(dir, 'bad.parquet');
      await db.all(
        `COPY (SELECT 'o' || i AS order_id, 'c' || i AS customer_id, ` +
          `TIMESTAMP '2018-01-01' + to_days(CAST(i AS INTEGER)) ` +
          `AS ordered_at FROM range(5) t(i)) TO '${good}' (FORMAT parquet)`,
      );
      await db.all(
        `COPY (SELECT 'o' || i AS order_id, ` +
          `CASE WHEN i = 3 THEN '' ELSE 'c' || i END AS customer_id, ` +
          `TIMESTAMP '2018-01-01' AS ordered_at FROM range(5) t(i)) ` +
          `TO '${bad}' (FORMAT parquet)`,
      );
      expect(await loadOrdersFile(db, good)).toEqual({ rows: 5 });
      await expect(loadOrdersFile(db, bad)).rejects.toThrow(
        /bad\.parquet, row 4: column customer_id: expected a non-empty id, got nothing/,
      );
    } finally {
      await db.close();
    }
  });
  it('a good file with offsets, dates only and no optional columns loads', async () => {
    expect(
      await load('good.csv', 'order_id,customer_id,ordered_at\n1,a,2018-02-03T10:00:00-03:00\n2,b,2018-02-03\n'),
    ).toBe('loaded');
  });
});

describe('optional drivers', () => {
  it('a missing driver is one line that says what to install', async () => {
    await expect(loadDriver('@kpi-kit/no-such-driver', 'the test engine')).rejects.toThrow(
      /^the test engine needs the optional package @kpi-kit\/no-such-driver: npm install @kpi-kit\/no-such-driver$/,
    );
  });
});
