// The server's handler in process: what a request may ask (table-tested), the cache (ETag, TTL
// on an injected clock, a changed file, one build for concurrent requests), hostile parameters and
// tokens thrown at it by fast-check (no 500, no stack trace, no row of another store), and the
// faults, for real: PostgreSQL stopped under load and back, a query past the timeout.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { chmodSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { olistSampleOrders } from '../data/olist.js';
import { STORE_B_REGIONS, pgColumns, tenantEvents, tenantOrders } from '../data/serve-fixture.mjs';
import { ordersToCsv, rowsToCsv, tableColumns } from '../../src/data/read.js';
import { TABLES } from '../../src/data/tables.js';
import { DATA_PATHS } from '../../src/data/paths/all.js';
import type { OrderRow } from '../../src/data/orders.js';
import {
  RequestError,
  asParameters,
  cacheKey,
  checkBuildOptions,
  narrow,
  readBuildRequest,
  scopeOfClaim,
  type Filters,
} from '../../src/serve/request.js';
import {
  ClientGoneError,
  QueryTimeoutError,
  EngineUnavailableError,
  classifyEngineError,
  filterWhere,
} from '../../src/serve/engine.js';
import { createKpiHandler, type KpiHandler, type RequestLog } from '../../src/serve/handler.js';
import { startPostgres } from '../../scripts/postgres.mjs';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-serve-unit-'));
const orders = tenantOrders(olistSampleOrders()) as OrderRow[];
const { events, frictions } = tenantEvents();
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
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RequestError) return { status: e.status, issues: e.issues };
    throw e;
  }
  return null;
};

describe('what a request may ask', () => {
  const cohort = DATA_PATHS.cohort;
  const sla = DATA_PATHS['regional-sla'];
  it.each([
    ['period=month&region=BR-SP&region=BR-RJ', { flags: { period: 'month' }, filters: { region: ['BR-RJ', 'BR-SP'] } }],
    ['store=b&store=a&store=b', { flags: {}, filters: { store: ['a', 'b'] } }],
    ['', { flags: {}, filters: {} }],
  ])('%s is read', (q, want) => expect(readBuildRequest(cohort, new URLSearchParams(q))).toEqual(want));
  it('a repeatable option keeps its values in order', () =>
    expect(readBuildRequest(sla, new URLSearchParams('metric=b=x..y:days:1&metric=a=x..y:days:1')).flags).toEqual({
      metric: ['b=x..y:days:1', 'a=x..y:days:1'],
    }));
  it.each([
    ['periodo=month', 'periodo', 'unknown parameter; did you mean period?'],
    ['metric=x', 'metric', 'unknown parameter; expected one of'],
    ['labels=/etc/passwd', 'labels', 'names a file'],
    ['period=day&period=week', 'period', 'given 2 times; takes one value'],
    [`title=${'x'.repeat(501)}`, 'title', 'expected at most 500 characters, got 501'],
    ['title=a%00b', 'title', 'expected text without control characters'],
    ['region=', 'region', 'expected a value, got nothing'],
    [Array.from({ length: 101 }, (_, i) => `store=s${i}`).join('&'), 'store', 'expected at most 100 values, got 101'],
  ])('%s is a 400 naming %s', (q, param, message) => {
    const r = refused(() => readBuildRequest(cohort, new URLSearchParams(q)));
    expect(r?.status).toBe(400);
    expect(r?.issues[0]?.path).toBe(param);
    expect(r?.issues[0]?.message).toContain(message);
  });
  it.each([
    ['--as-of: expected a date YYYY-MM-DD, got x', 'expected a date YYYY-MM-DD, got x'],
    [
      'no orders, so no running period: give the orders, or --as-of to place it',
      'give the orders, or as-of to place it',
    ],
    ['build regional-sla needs at least one --metric <id>=<from>..<to>', 'needs at least one metric <id>'],
  ])('a command-line message in a request’s words: %s', (message, want) => {
    expect(asParameters(message.replace(/^--[a-z-]+: /, ''))).toContain(want);
  });
  it('a kind whose options lack a required one names it', () => {
    const r = refused(() => checkBuildOptions('regional-sla', DATA_PATHS['regional-sla'] as never, {}));
    expect(r?.issues[0]?.path).toBe('metric');
    expect(r?.issues[0]?.message).toMatch(/^build regional-sla needs at least one metric /);
  });
  it('every bad parameter is named at once', () =>
    expect(
      refused(() => readBuildRequest(cohort, new URLSearchParams('a=1&b=2&period=1&period=2')))?.issues.map(
        (i) => i.path,
      ),
    ).toEqual(['a', 'b', 'period']));
});

describe("a token's scope: filters narrow it, never widen it", () => {
  const scope = { store: ['a', 'b'], region: ['BR-SP'] };
  it.each<[string, Filters, Filters | number]>([
    ['no filter: the scope', {}, { store: ['a', 'b'], region: ['BR-SP'] }],
    ['a store inside it', { store: ['b'] }, { store: ['b'], region: ['BR-SP'] }],
    [
      'a channel (the scope says nothing of channels)',
      { channel: ['app'] },
      { store: ['a', 'b'], region: ['BR-SP'], channel: ['app'] },
    ],
    ['a store outside it', { store: ['c'] }, 403],
    ['a region outside it', { region: ['BR-SP', 'BR-RJ'] }, 403],
  ])('%s', (_, filters, want) => {
    if (typeof want === 'number') expect(refused(() => narrow(scope, filters))?.status).toBe(want);
    else expect(narrow(scope, filters)).toEqual(want);
  });
  it('without a token the filters are as asked', () =>
    expect(narrow(null, { region: ['x'] })).toEqual({ region: ['x'] }));
  it.each([
    [undefined, 'no kpi claim'],
    [{}, 'kpi.store must be a non-empty list'],
    [{ store: [] }, 'kpi.store must be a non-empty list'],
    [{ store: [''] }, 'kpi.store must be a non-empty list'],
    [{ store: 'a' }, 'kpi.store must be a non-empty list'],
    [{ store: ['a'], region: [] }, 'kpi.region must be a non-empty list'],
    [{ store: ['a'], tenant: 'x' }, 'unknown fields: tenant'],
  ])('the claim %j is a 403', (claim, message) => {
    const r = refused(() => scopeOfClaim(claim));
    expect(r?.status).toBe(403);
    expect(r?.issues[0]?.message).toContain(message);
  });
  it('values reach SQL as parameters, an empty list as FALSE', () => {
    expect(filterWhere({ region: ["x'; DROP TABLE orders; --"], store: ['a', 'b'] })).toEqual({
      where: 'region_id IN ($1) AND store_id IN ($2, $3)',
      params: ["x'; DROP TABLE orders; --", 'a', 'b'],
    });
    expect(filterWhere({ store: [] })).toEqual({ where: 'FALSE', params: [] });
    expect(filterWhere({})).toEqual({ where: 'TRUE', params: [] });
  });
  it('the cache key does not depend on the order of the parameters', () =>
    expect(cacheKey('cohort', { period: 'week', measure: 'revenue' }, { region: ['a'] })).toBe(
      cacheKey('cohort', { measure: 'revenue', period: 'week' }, { region: ['a'] }),
    ));
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), EngineUnavailableError],
    [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      EngineUnavailableError,
    ],
    [new Error('Connection terminated unexpectedly'), EngineUnavailableError],
    [Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), QueryTimeoutError],
    [new Error('INTERRUPT Error: Interrupted!'), QueryTimeoutError],
    [new Error('Binder Error: no such column'), Error],
  ])('%s is answered as %o', (e, type) => expect(classifyEngineError(e, 100).constructor).toBe(type));
});

/** A clock the test moves. */
function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('the handler on DuckDB', () => {
  const time = clock();
  const logs: RequestLog[] = [];
  let handler: KpiHandler;
  const orderFile = write('orders-changing.csv', ordersToCsv(orders));
  beforeAll(async () => {
    handler = createKpiHandler({
      orders: orderFile,
      events: files.events,
      frictions: files.frictions,
      ttl: 60_000,
      cacheSize: 50,
      secret: SECRET,
      now: time.now,
      log: (l) => logs.push(l),
    });
    await handler.ready();
  }, 60_000);
  afterAll(() => handler.close());
  const token = (claims: Record<string, unknown>, exp = time.now() / 1000 + 3600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));
  const get = async (q: string, headers: Record<string, string> = {}) =>
    handler(new Request(`http://kpi.test${q}`, { headers }));

  it('the ETag answers 304; a changed orders file is served once the TTL has passed, not before', async () => {
    const auth = { authorization: `Bearer ${await token({ kpi: { store: ['loja-a'] } })}` };
    const first = await get('/kpi/forecast?granularity=month', auth);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect((await get('/kpi/forecast?granularity=month', { ...auth, 'if-none-match': etag })).status).toBe(304);
    // The file changes: one more order of R$ 1.000.000 for loja-a in the last month.
    const more = [
      ...orders,
      { ...orders[0]!, order_id: 'big', amount: 1_000_000, store_id: 'loja-a', ordered_at: '2018-08-20 10:00:00' },
    ];
    writeFileSync(orderFile, ordersToCsv(more));
    utimesSync(orderFile, new Date(), new Date(Date.now() + 5000));
    time.advance(59_000);
    expect((await get('/kpi/forecast?granularity=month', { ...auth, 'if-none-match': etag })).status).toBe(304);
    time.advance(1_001);
    const after = await get('/kpi/forecast?granularity=month', { ...auth, 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const sum = (doc: { points: { actual?: number | null }[] }) => doc.points.reduce((s, p) => s + (p.actual ?? 0), 0);
    expect(sum((await after.json()) as never) - sum((await first.json()) as never)).toBeCloseTo(1_000_000, 2);
  }, 60_000);

  it('the same request again is answered from the cache only while its token is valid', async () => {
    const auth = { authorization: `Bearer ${await token({ kpi: { store: ['loja-a'] } }, time.now() / 1000 + 10)}` };
    logs.length = 0;
    expect((await get('/kpi/channels', auth)).status).toBe(200);
    expect((await get('/kpi/channels', auth)).status).toBe(200);
    expect(logs.map((l) => l.cache)).toEqual(['miss', 'hit']);
    time.advance(11_000);
    const late = await get('/kpi/channels', auth);
    expect(late.status).toBe(401);
    expect(await late.json()).toEqual({
      error: 'unauthorized',
      issues: [{ path: 'authorization', message: 'the token has expired' }],
    });
  });

  it('a client gone before its build started is not built for (499)', async () => {
    const auth = { authorization: `Bearer ${await token({ kpi: { store: ['loja-a'] } })}` };
    const url = 'http://kpi.test/kpi/cohort?period=day&title=left';
    logs.length = 0;
    expect((await handler(new Request(url, { headers: auth, signal: AbortSignal.abort() }))).status).toBe(499);
    expect(logs.map((l) => l.cache)).toEqual([undefined]);
    expect((await handler(new Request(url, { headers: auth }))).status).toBe(200);
  });

  it('a request that shared a build its first client left is built for itself', async () => {
    // An engine that holds the first build until the test lets it go, then sees its client gone.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let builds = 0;
    const engine = {
      tables: ['orders'] as const,
      open: async () => {},
      columns: () => new Set(['order_id', 'customer_id', 'ordered_at']),
      scoped: async (_t: unknown, _f: unknown, build: (s: never) => Promise<unknown>, signal?: AbortSignal) => {
        builds++;
        if (builds === 1) await held;
        if (signal?.aborted) throw new ClientGoneError();
        return build({ engine: { dialect: 'duckdb', all: async () => [], close: async () => {} } } as never);
      },
      values: async () => [],
      ping: async () => {},
      close: async () => {},
    };
    const shared = createKpiHandler({ engine: engine as never });
    const gone = new AbortController();
    const url = 'http://kpi.test/kpi/channels';
    const left = shared(new Request(url, { signal: gone.signal }));
    // The first request's build has started (and waits) before the second asks.
    await vi.waitFor(() => expect(builds).toBe(1));
    const stayed = shared(new Request(url));
    gone.abort();
    release();
    expect((await left).status).toBe(499);
    expect((await stayed).status).toBe(200);
    expect(builds).toBe(2);
  });

  it('concurrent identical requests share one build', async () => {
    const auth = { authorization: `Bearer ${await token({ kpi: { store: ['loja-b'] } })}` };
    logs.length = 0;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => get('/kpi/cohort?period=week&measure=revenue', auth)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(logs.map((l) => l.cache).sort()).toEqual([
      'inflight',
      'inflight',
      'inflight',
      'inflight',
      'inflight',
      'inflight',
      'inflight',
      'miss',
    ]);
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
  }, 60_000);

  it('hostile parameters and tokens: never a 500, never a stack trace, never a row of another store', async () => {
    const good = await token({ kpi: { store: ['loja-a'] } });
    const [h, p, s] = good.split('.');
    const tokens = fc.oneof(
      fc.constant(good),
      fc.constant(
        `${h}.${Buffer.from(JSON.stringify({ kpi: { store: ['loja-b'] }, exp: 4e9 })).toString('base64url')}.${s}`,
      ),
      fc.constant(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`),
      fc.constant(await token({ kpi: { store: ['loja-a'] } }, time.now() / 1000 - 10)),
      fc.constant(
        await new SignJWT({ kpi: { store: ['loja-b'] } })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('another-secret-of-at-least-32-characters')),
      ),
      fc.string({ maxLength: 40 }),
    );
    const names = fc.oneof(
      fc.constantFrom('period', 'measure', 'steps', 'metric', 'granularity', 'from', 'to', 'tz', 'locale', 'currency'),
      fc.constantFrom('title', 'segment-by', 'window', 'complete', 'as-of', 'horizon', 'region', 'channel', 'store'),
      fc.constantFrom('labels', 'targets', 'orders', 'db', '__proto__', 'constructor'),
      fc.string({ maxLength: 12 }),
    );
    const values = fc.oneof(
      fc.constantFrom("'; DROP TABLE orders; --", 'loja-b', 'BR-RJ', 'month', 'ordered_at,delivered_at', '2018-01-01'),
      fc.constantFrom(
        'delivery=ordered_at..delivered_at:days:10',
        'view_item,purchase',
        '9'.repeat(400),
        '-1',
        '1e308',
      ),
      fc.constantFrom('America/Sao_Paulo', 'Mars/Olympus', 'pt-BR', 'BRL', '2018-02-30', 'NaN', 'device', '30d'),
      fc.string({ maxLength: 30, unit: 'grapheme' }),
      fc.string({ maxLength: 600 }),
    );
    // A valid request of each kind, to which the property adds hostile parameters (or not).
    const VALID: [string, [string, string][]][] = [
      ['funnel', [['steps', 'ordered_at,approved_at,delivered_at']]],
      ['funnel', [['steps', 'view_item,add_to_cart,purchase']]],
      [
        'checkout-friction',
        [
          ['steps', 'view_item,add_to_cart,begin_checkout'],
          ['complete', 'purchase'],
        ],
      ],
      ['cohort', [['period', 'month']]],
      ['regional-sla', [['metric', 'delivery=ordered_at..delivered_at:days:10']]],
      ['channels', []],
      ['forecast', [['granularity', 'month']]],
      ['values/region', []],
      ['values/store', []],
      ['values/x', []],
      ['..%2F', []],
      ['', []],
    ];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.constantFrom(...VALID),
        fc.array(
          fc.oneof(
            fc.tuple(names, values),
            fc.constant<[string, string]>(['store', 'loja-b']),
            fc.constant<[string, string]>(['region', 'BR-RJ']),
          ),
          { maxLength: 3 },
        ),
        tokens,
        async (withBase, [kind, base], extra, tok) => {
          // The valid options, or only the hostile ones (which then stand in for them).
          const params = [...(withBase ? base : []), ...extra];
          const q = new URLSearchParams(params).toString();
          const r = await get(`/kpi/${kind}?${q}`, { authorization: `Bearer ${tok}` });
          const text = await r.text();
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          expect(r.status, `${kind}?${q} → ${text}`).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
          if (r.status === 200) {
            for (const region of STORE_B_REGIONS) expect(text).not.toContain(region);
            expect(text).not.toContain('loja-b');
          }
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
    // The property reached every kind of answer, documents included.
    for (const status of [200, 400, 401, 403, 404]) expect(statuses.get(status) ?? 0, `${status}`).toBeGreaterThan(3);
  }, 240_000);
});

describe('CORS and memory', () => {
  const small = write('orders-small.csv', ordersToCsv(orders.slice(0, 400)));
  it('an allowed origin gets its headers (and a preflight its answer); another origin none', async () => {
    const handler = createKpiHandler({ orders: small, cors: ['https://admin.example.com'] });
    try {
      const preflight = await handler(
        new Request('http://kpi.test/kpi/channels', {
          method: 'OPTIONS',
          headers: {
            origin: 'https://admin.example.com',
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        }),
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      for (let i = 0; i < 2; i++) {
        // The second time the request is one the handler has answered before: the headers are still there.
        const r = await handler(
          new Request('http://kpi.test/kpi/channels', { headers: { origin: 'https://admin.example.com' } }),
        );
        expect(r.status).toBe(200);
        expect(r.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
        expect(r.headers.get('access-control-expose-headers')).toContain('ETag');
      }
      const other = await handler(
        new Request('http://kpi.test/kpi/channels', { headers: { origin: 'https://evil.example.com' } }),
      );
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await handler.close();
    }
  }, 60_000);

  it('memory stays flat over many requests: the caches are bounded', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const handler = createKpiHandler({ orders: small, cacheSize: 20 });
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    try {
      const run = async (from: number, n: number) => {
        for (let i = from; i < from + n; i++)
          expect((await handler(new Request(`http://kpi.test/kpi/channels?title=t${i}`))).status).toBe(200);
      };
      await run(0, 150);
      const after150 = heap();
      await run(150, 450);
      // 450 more documents, each built, cached and evicted: the heap has not grown with them (about 0.2 MB here;
      // with a cache of 100,000 documents, 2.7 MB, so the bound is what this measures).
      expect(heap() - after150).toBeLessThan(1024 * 1024);
    } finally {
      await handler.close();
    }
  }, 120_000);
});

describe('a TTL of 0', () => {
  it('builds every request (none is served from the cache)', async () => {
    const logs: RequestLog[] = [];
    const handler = createKpiHandler({ orders: files.orders, ttl: 0, log: (l) => logs.push(l) });
    try {
      for (let i = 0; i < 2; i++) expect((await handler(new Request('http://kpi.test/kpi/channels'))).status).toBe(200);
      expect(logs.map((l) => l.cache)).toEqual(['miss', 'miss']);
    } finally {
      await handler.close();
    }
  }, 60_000);
});

describe('faults, for real: PostgreSQL stopped under load and back; a query past the timeout', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let handler: KpiHandler;
  const logs: RequestLog[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: pg.url });
    await client.connect();
    client.on('error', () => undefined);
    await client.query(`CREATE TABLE orders (${pgColumns(TABLES.orders)})`);
    const copy = path.join(pg.dir, 'orders.csv');
    writeFileSync(copy, ordersToCsv(orders));
    chmodSync(copy, 0o644);
    const header = ordersToCsv(orders).split('\n', 1)[0];
    await client.query(`COPY orders (${header}) FROM '${copy}' WITH (FORMAT csv, HEADER true)`);
    await client.end();
    handler = createKpiHandler({
      db: pg.url,
      orders: 'orders',
      queryTimeout: 400,
      retryAfter: 2,
      log: (l) => logs.push(l),
    });
    await handler.ready();
  }, 120_000);
  afterAll(async () => {
    await handler?.close();
    pg?.stop();
  });
  const get = (q: string) => handler(new Request(`http://kpi.test${q}`));

  it('stopped: 503 with Retry-After and no crash, under load; back: 200', async () => {
    // Uncached requests in flight (each week a different --from) while the server stops.
    const load = Array.from({ length: 24 }, (_, i) =>
      get(`/kpi/cohort?period=week&from=2017-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`),
    );
    pg.halt();
    const answers = await Promise.all(load);
    for (const a of answers) {
      expect([200, 503]).toContain(a.status);
      if (a.status === 503) {
        expect(a.headers.get('retry-after')).toBe('2');
        expect(await a.json()).toEqual({ error: 'unavailable', message: 'the data cannot be read now; try again' });
      }
    }
    const down = await get('/kpi/channels');
    expect(down.status).toBe(503);
    expect((await get('/healthz')).status).toBe(503);
    pg.restart();
    expect((await get('/healthz')).status).toBe(200);
    const back = await get('/kpi/channels');
    expect(back.status).toBe(200);
    expect(logs.some((l) => l.status === 503 && l.error?.startsWith('the database cannot be reached'))).toBe(true);
  }, 120_000);

  it('a query past --query-timeout is cancelled: 504; the next one answers', async () => {
    const { default: pgLib } = await import('pg');
    const locker = new pgLib.Client({ connectionString: pg.url });
    await locker.connect();
    await locker.query('BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
    const r = await get('/kpi/cohort?period=day');
    expect(r.status).toBe(504);
    expect(((await r.json()) as { error: string }).error).toBe('timeout');
    await locker.query('ROLLBACK');
    await locker.end();
    expect((await get('/kpi/cohort?period=day')).status).toBe(200);
  }, 60_000);
});
