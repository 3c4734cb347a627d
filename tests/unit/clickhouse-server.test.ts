// --db clickhouse:// as a user runs it: the official client (@clickhouse/client) over HTTP, to ClickHouse itself
// (chDB, this file's one session) behind the requests of its HTTP interface the client makes (tests/data/
// clickhouse-front.mjs). A shop's table (String columns with '' for nothing, DateTime64 in São Paulo) gives DuckDB's
// documents from the same rows, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'chdb';
import { olistSampleOrders } from '../data/olist.js';
import { everyOrderKind } from '../data/order-kinds.js';
import { createShopOrders, startClickHouseFront } from '../data/clickhouse-front.mjs';
import { ordersToCsv } from '../../src/data/read.js';
import { InputError, openDuckDb, type SqlEngine } from '../../src/data/engines.js';
import { openClickHouse } from '../../src/data/clickhouse.js';
import { loadOrdersFile, useOrdersTable } from '../../src/data/load.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-ch-server-'));
let session: Session;
let front: Awaited<ReturnType<typeof startClickHouseFront>>;
let url: string;
let duck: SqlEngine;

beforeAll(async () => {
  session = new Session();
  const file = path.join(dir, 'orders.csv');
  writeFileSync(file, ordersToCsv(olistSampleOrders()));
  duck = await openDuckDb({ threads: 2 });
  await loadOrdersFile(duck, file);
  session.query('CREATE DATABASE shop');
  await createShopOrders((q) => session.query(q), 'shop.orders', file);
  front = await startClickHouseFront(session);
  url = `clickhouse://analyst:s3cr%40t@127.0.0.1:${front.port}/shop`;
}, 120_000);

afterAll(async () => {
  await duck?.close();
  await front?.close();
  session?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('--db clickhouse://: the official client, one session, the table read in place', () => {
  it("gives DuckDB's documents, byte for byte, from a table with '' for nothing", async () => {
    const engine = await openClickHouse(url);
    try {
      const orders = await useOrdersTable(engine, 'orders');
      expect(orders).toBe('kpi_orders');
      expect(await everyOrderKind({ engine, orders }, 'region_id')).toBe(
        await everyOrderKind({ engine: duck, orders: 'orders' }, 'region_id'),
      );
    } finally {
      await engine.close();
    }
    // Every request as the URL said: the user and password, the database, one session, UTC.
    const { seen } = front;
    expect(new Set(seen.map((s) => s.user))).toEqual(new Set(['analyst']));
    expect(new Set(seen.map((s) => s.database))).toEqual(new Set(['shop']));
    expect(new Set(seen.map((s) => s.session)).size).toBe(1);
    expect(new Set(seen.map((s) => s.timezone))).toEqual(new Set(['UTC']));
  });
  it('a table that is not there, or a name that is not a name, is an input error naming it', async () => {
    const engine = await openClickHouse(url);
    try {
      await expect(useOrdersTable(engine, 'shop.nope')).rejects.toThrow(/^shop\.nope: no such table in the database$/);
      await expect(useOrdersTable(engine, 'orders; DROP TABLE orders')).rejects.toBeInstanceOf(InputError);
      await expect(useOrdersTable(engine, 'shop.orders')).resolves.toBe('kpi_orders');
    } finally {
      await engine.close();
    }
  });
  it('a URL that is not ClickHouse is refused before anything is sent', async () => {
    await expect(openClickHouse('postgres://127.0.0.1/shop')).rejects.toThrow(/--db: expected clickhouse:\/\//);
  });
});
