// Funnels from events and the checkout friction: the pure builders and the recipes on
// DuckDB agree on random small sets of events (ties, out-of-order steps, repeats, events
// outside the window or the period, segments with and without a value), and a worked
// example pins the definitions (ordered first occurrence, the window, exited, frictions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventsFromCsv, frictionsFromCsv, rowsToCsv, tableColumns } from '../../src/data/read.js';
import { TABLES } from '../../src/data/tables.js';
import {
  buildCheckoutFriction,
  buildFunnelFromEvents,
  parseWindow,
  reachRows,
  type EventRow,
  type FrictionRow,
} from '../../src/data/events.js';
import { openDuckDb, runRecipe, type SqlEngine } from '../../src/data/engines.js';
import { openChdb } from '../../src/data/clickhouse.js';
import { loadTableFile } from '../../src/data/load.js';
import { buildCheckoutFrictionSql, buildFunnelFromEventsSql, reachOptions } from '../../src/data/paths/all.js';
import { checkoutRecipe } from '../../src/data/sql.js';
import { rowsEngine } from '../../src/data/rows-from.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-events-'));
let engine: SqlEngine;
beforeAll(async () => {
  engine = await openDuckDb({ threads: 1 });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function load(events: readonly EventRow[], frictions: readonly FrictionRow[] = [], on = engine) {
  const e = path.join(dir, `events-${n}.csv`);
  const f = path.join(dir, `frictions-${n++}.csv`);
  writeFileSync(e, rowsToCsv(events, tableColumns(TABLES.events)));
  writeFileSync(f, rowsToCsv(frictions, tableColumns(TABLES.frictions)));
  await loadTableFile(on, e, TABLES.events);
  await loadTableFile(on, f, TABLES.frictions);
  return { engine: on, events: 'events', frictions: 'frictions' };
}

const at = (day: number, seconds = 0) => new Date(Date.UTC(2024, 2, 1 + day, 0, 0, seconds)).toISOString();

describe('reach: ordered, first occurrence, within the window', () => {
  const events: EventRow[] = [
    // a: view, cart, checkout, purchase in order; a second view later changes nothing.
    { actor_id: 'a', event_name: 'view', event_ts: at(0), device: 'mobile' },
    { actor_id: 'a', event_name: 'cart', event_ts: at(0, 60) },
    { actor_id: 'a', event_name: 'checkout', event_ts: at(0, 180) },
    { actor_id: 'a', event_name: 'purchase', event_ts: at(0, 300), value: 100 },
    { actor_id: 'a', event_name: 'view', event_ts: at(1) },
    // b: a cart before the view does not count; the one after does; the checkout comes after the window.
    { actor_id: 'b', event_name: 'cart', event_ts: at(2) },
    { actor_id: 'b', event_name: 'view', event_ts: at(3), device: 'desktop' },
    { actor_id: 'b', event_name: 'cart', event_ts: at(3, 120) },
    { actor_id: 'b', event_name: 'checkout', event_ts: at(12) },
    // c: a purchase with no view is not in the funnel; d: a view at the same second as the cart (a tie) reaches the
    // cart.
    { actor_id: 'c', event_name: 'purchase', event_ts: at(4), value: 50 },
    { actor_id: 'd', event_name: 'view', event_ts: at(5, 10) },
    { actor_id: 'd', event_name: 'cart', event_ts: at(5, 10) },
  ];
  it('counts and medians by hand', () => {
    const r = reachRows(events, {
      steps: ['view', 'cart', 'checkout', 'purchase'],
      window: parseWindow('7d'),
      segmentBy: 'device',
    });
    expect(r.all[0]).toEqual({
      count_0: 3,
      count_1: 3,
      median_1: 60,
      count_2: 1,
      median_2: 120,
      count_3: 1,
      median_3: 120,
    });
    expect(r.segments?.map((s) => [s['segment'], s['count_0'], s['count_1']])).toEqual([
      ['mobile', 1, 1],
      ['desktop', 1, 1],
      ['unknown', 1, 1],
    ]);
  });
  it('the period chooses who enters (by their first step), the window what counts after', async () => {
    const s = await load(events);
    const options = {
      steps: ['view', 'cart', 'checkout'],
      from: '2024-03-02',
      to: '2024-03-31',
      window: parseWindow('10d'),
    };
    const doc = buildFunnelFromEvents(events, options);
    // a enters with its second view (the first in the period) and reaches nothing after it; b's checkout is inside ten
    // days.
    expect(doc.steps.map((x) => [x.id, x.label, x.count])).toEqual([
      ['view', 'View', 3],
      ['cart', 'Cart', 2],
      ['checkout', 'Checkout', 1],
    ]);
    expect(await buildFunnelFromEventsSql(s, options)).toEqual(doc);
  });
  // Exited means to the next step or the completion; frictions count as observations.
  it('checkout: entered, exited, frictions and the AOV of completions', async () => {
    const frictions: FrictionRow[] = [
      {
        actor_id: 'b',
        event_ts: at(3, 130),
        step: 'cart',
        cause_id: 'shipping_cost',
        category: 'price',
        cause_label: 'Shipping cost shown late',
      },
      {
        actor_id: 'b',
        event_ts: at(3, 140),
        step: 'cart',
        cause_id: 'shipping_cost',
        category: 'price',
        cause_label: 'Shipping cost shown late',
      },
      { actor_id: 'd', event_ts: at(5, 20), step: 'cart', cause_id: 'coupon', category: 'form' },
      {
        actor_id: 'a',
        event_ts: at(0, 200),
        step: 'checkout',
        cause_id: '3ds',
        category: 'payment',
        cause_label: '3-D Secure failed',
      },
    ];
    const s = await load(events, frictions);
    const options = { steps: ['cart', 'checkout'], complete: 'purchase', currency: 'BRL' };
    const doc = buildCheckoutFriction(events, frictions, options);
    expect(
      doc.steps.map((x) => [
        x.id,
        x.entered,
        x.exited,
        x.medianSeconds,
        x.frictions?.map((f) => [f.id, f.label, f.category, f.count]),
      ]),
    ).toEqual([
      // Cart: a, b (its first cart, before its view: the checkout does not start at the view) and d; a and b reach the
      // checkout.
      [
        'cart',
        3,
        1,
        432060,
        [
          ['shipping_cost', 'Shipping cost shown late', 'price', 2],
          ['coupon', 'coupon', 'form', 1],
        ],
      ],
      ['checkout', 2, 1, 120, [['3ds', '3-D Secure failed', 'payment', 1]]],
    ]);
    expect(doc.averageOrderValue).toBe(75);
    expect(await buildCheckoutFrictionSql(s, options)).toEqual(doc);
  });
});

const CATEGORIES = ['price', 'payment', 'form', 'delivery'] as const;
const event = fc.record({
  actor: fc.integer({ min: 0, max: 6 }),
  name: fc.constantFrom('view', 'cart', 'checkout', 'purchase', 'page_view'),
  seconds: fc.integer({ min: 0, max: 20 * 86400 }).map((s) => s - (s % 30)),
  device: fc.constantFrom(null, '', 'mobile', 'desktop'),
  value: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
});
const friction = fc.record({
  actor: fc.integer({ min: 0, max: 6 }),
  seconds: fc.integer({ min: 0, max: 20 * 86400 }),
  step: fc.constantFrom('cart', 'checkout', 'view'),
  cause: fc.constantFrom('a', 'b', 'c'),
  category: fc.constantFrom(...CATEGORIES),
  label: fc.constantFrom(null, 'Label A', 'Label B'),
});

const property = (on: () => SqlEngine) =>
  fc.asyncProperty(
    fc.array(event, { minLength: 1, maxLength: 40 }),
    fc.array(friction, { maxLength: 15 }),
    fc.constantFrom('1d', '3d', '30d'),
    async (es, fs, window) => {
      const events: EventRow[] = es.map((e) => ({
        actor_id: `a${e.actor}`,
        event_name: e.name,
        event_ts: new Date(Date.UTC(2024, 2, 1) + e.seconds * 1000).toISOString(),
        device: e.device,
        value: e.name === 'purchase' && e.value !== null ? e.value / 100 : null,
      }));
      const frictions: FrictionRow[] = fs.map((f) => ({
        actor_id: `a${f.actor}`,
        event_ts: new Date(Date.UTC(2024, 2, 1) + f.seconds * 1000).toISOString(),
        step: f.step,
        cause_id: f.cause,
        category: f.category,
        cause_label: f.label,
      }));
      const s = await load(events, frictions, on());
      const funnel = {
        steps: ['view', 'cart', 'checkout', 'purchase'],
        window: parseWindow(window),
        segmentBy: 'device' as const,
        from: '2024-03-03',
        to: '2024-03-15',
      };
      expect(await buildFunnelFromEventsSql(s, funnel)).toEqual(buildFunnelFromEvents(events, funnel));
      const checkout = {
        steps: ['cart', 'checkout'],
        complete: 'purchase',
        window: parseWindow(window),
        segmentBy: 'device' as const,
        tz: 'America/Sao_Paulo',
      };
      expect(await buildCheckoutFrictionSql(s, checkout)).toEqual(buildCheckoutFriction(events, frictions, checkout));
    },
  );

describe('builders and SQL give equal documents from events', () => {
  it('for random small sets of events and frictions, on DuckDB', async () => {
    await fc.assert(
      property(() => engine),
      { numRuns: 40, seed: 20261130 },
    );
  }, 120_000);
  // ClickHouse on both its query analyzers: the old one refuses a join condition that is not an equality.
  it.each([1, 0])(
    'on ClickHouse (chDB), enable_analyzer = %i',
    async (analyzer) => {
      const ch = await openChdb();
      try {
        await ch.all(`SET enable_analyzer = ${analyzer}`);
        await fc.assert(
          property(() => ch),
          { numRuns: 15, seed: 20261204 + analyzer },
        );
      } finally {
        await ch.close();
      }
    },
    120_000,
  );
});

describe('default labels of events funnels, in the language asked for', () => {
  const events: EventRow[] = [
    { actor_id: 'a', event_name: 'begin_checkout', event_ts: at(0), device: 'mobile' },
    { actor_id: 'a', event_name: 'add_payment_info', event_ts: at(0, 60), device: 'mobile' },
    { actor_id: 'a', event_name: 'custom_step', event_ts: at(0, 90), device: 'mobile' },
    { actor_id: 'a', event_name: 'purchase', event_ts: at(0, 120), device: 'mobile', value: 10 },
  ];
  const steps = ['begin_checkout', 'add_payment_info', 'custom_step'];
  it.each([
    ['en', ['Begin checkout', 'Add payment info', 'Custom step'], 'Device'],
    ['pt-BR', ['Iniciar checkout', 'Informar pagamento', 'Custom step'], 'Dispositivo'],
    ['es', ['Iniciar checkout', 'Añadir datos de pago', 'Custom step'], 'Dispositivo'],
  ])(
    '%s: GA4 events and the segment dimension read as people say them; another name stays readable',
    (locale, labels, dim) => {
      const funnel = buildFunnelFromEvents(events, { steps, locale });
      expect(funnel.steps.map((s) => s.label)).toEqual(labels);
      const checkout = buildCheckoutFriction(events, [], { steps, complete: 'purchase', segmentBy: 'device', locale });
      expect(checkout.steps.map((s) => s.label)).toEqual(labels);
      expect(checkout.breakdowns?.[0]?.label).toBe(dim);
    },
  );
  it('labels given win over the defaults', () => {
    const funnel = buildFunnelFromEvents(events, { steps, locale: 'pt-BR', labels: { custom_step: 'Passo extra' } });
    expect(funnel.steps.map((s) => s.label)).toEqual(['Iniciar checkout', 'Informar pagamento', 'Passo extra']);
  });
});

describe('a broken events or frictions file, in DuckDB, ClickHouse or in memory, in the same words', () => {
  const inMemory = (table: 'events' | 'frictions', text: string) => {
    try {
      if (table === 'events') eventsFromCsv(text, 'bad.csv');
      else frictionsFromCsv(text, 'bad.csv');
      return 'loaded';
    } catch (e) {
      return (e as Error).message;
    }
  };
  const inDuckDb = async (
    table: 'events' | 'frictions',
    text: string,
    open: () => Promise<SqlEngine> = () => openDuckDb({ threads: 1 }),
  ) => {
    const f = path.join(dir, 'bad.csv');
    writeFileSync(f, text);
    const db = await open();
    try {
      await loadTableFile(db, f, TABLES[table]);
      return 'loaded';
    } catch (e) {
      return (e as Error).message.replace(dir + path.sep, '');
    } finally {
      await db.close();
    }
  };
  it.each([
    [
      'events',
      'an empty actor',
      'actor_id,event_name,event_ts\n,purchase,2024-03-01T10:00:00Z\n',
      'bad.csv, line 2: column actor_id: expected a non-empty id, got nothing',
    ],
    [
      'events',
      'a day-first timestamp',
      'actor_id,event_name,event_ts\na,purchase,01/03/2024 10:00\n',
      'bad.csv, line 2: column event_ts: expected an ISO 8601 timestamp, got "01/03/2024 10:00"',
    ],
    [
      'events',
      'a file separated by semicolons',
      'actor_id;event_name;event_ts\na;purchase;2024-03-01T10:00:00Z\n',
      'bad.csv, line 1: one column, "actor_id;event_name;event_ts": ' +
        'the fields seem separated by semicolons, not commas; `kpi-kit import csv` reads such exports',
    ],
    [
      'frictions',
      'a category outside the list',
      'actor_id,event_ts,step,cause_id,category\na,2024-03-01T10:00:00Z,begin_checkout,c1,mood\n',
      'bad.csv, line 2: column category: expected one of price, payment, form, account, delivery, trust, ' +
        'technical, other, got "mood"',
    ],
  ] as const)('%s, %s', async (table, _, text, message) => {
    expect(await inDuckDb(table, text)).toBe(message);
    expect(await inDuckDb(table, text, openChdb)).toBe(message);
    expect(inMemory(table, text)).toBe(message);
  });
});

// ClickHouse's columns are not Nullable.
describe('an empty sum is NULL on DuckDB and 0 on ClickHouse: the builders read both alike', () => {
  it('the completions of a checkout where no completion happened', async () => {
    const events: EventRow[] = [
      { actor_id: 'a', event_name: 'cart', event_ts: at(0) },
      { actor_id: 'a', event_name: 'checkout', event_ts: at(0, 60) },
      { actor_id: 'b', event_name: 'cart', event_ts: at(1) },
    ];
    await load(events, []);
    const options = { steps: ['cart', 'checkout'], complete: 'purchase', window: parseWindow('7d') };
    const recipe = checkoutRecipe({
      events: 'events',
      frictions: 'frictions',
      ...reachOptions(options),
      complete: 'purchase',
    });
    const rows = await runRecipe(engine, recipe);
    expect(rows['completions']).toEqual([{ revenue: null, valued: '0' }]);
    const zeroed = { ...rows, completions: [{ revenue: 0, valued: 0 }] };
    const from = (r: typeof rows) => ({ engine: rowsEngine(recipe, r), events: 'events', frictions: 'frictions' });
    const doc = await buildCheckoutFrictionSql(from(rows), options);
    expect(await buildCheckoutFrictionSql(from(zeroed), options)).toEqual(doc);
    expect(doc).toEqual(buildCheckoutFriction(events, [], options));
  });
});
