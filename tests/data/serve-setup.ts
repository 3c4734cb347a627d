// What the handler's unit tests share: two stores' orders, events and frictions written as files (removed after
// the test file), the signing secret, a refused request's status and issues, and a clock the test moves.
import { afterAll } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { olistSampleOrders } from './olist.js';
import { tenantEvents, tenantOrders } from './serve-fixture.mjs';
import { ordersToCsv, rowsToCsv, tableColumns } from '../../src/data/read.js';
import { TABLES } from '../../src/data/tables.js';
import type { OrderRow } from '../../src/data/orders.js';
import { RequestError } from '../../src/serve/request.js';

export const SECRET = 'a-test-secret-of-at-least-32-characters!';
export const orders = tenantOrders(olistSampleOrders()) as OrderRow[];
export const { events, frictions } = tenantEvents();

/** A scratch folder for this test file (removed after it): `write` puts a file there; `files`, the tenants' tables. */
export function tenantFiles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-serve-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    chmodSync(f, 0o644);
    return f;
  };
  const files = {
    orders: write('orders.csv', ordersToCsv(orders)),
    events: write('events.csv', rowsToCsv(events, tableColumns(TABLES.events))),
    frictions: write('frictions.csv', rowsToCsv(frictions, tableColumns(TABLES.frictions))),
  };
  return { dir, write, files };
}

/** What a request check refused (its status and issues), or null when it accepted. */
export const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RequestError) return { status: e.status, issues: e.issues };
    throw e;
  }
  return null;
};

/** A clock the test moves. */
export function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}
