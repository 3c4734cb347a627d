// The server's handler in process on DuckDB: the cache (ETag, TTL on an injected clock, a changed file, one build
// for concurrent requests), hostile parameters and tokens thrown at it by fast-check (no 500, no stack trace, no row
// of another store). CORS, memory and the faults: serve-faults.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { utimesSync, writeFileSync } from 'node:fs';
import { STORE_B_REGIONS } from '../data/serve-fixture.mjs';
import { ordersToCsv } from '../../src/data/read.js';
import { ClientGoneError } from '../../src/serve/engine.js';
import { createKpiHandler, type KpiHandler, type RequestLog } from '../../src/serve/handler.js';
import { SECRET, clock, orders, tenantFiles } from '../data/serve-setup.js';

const { write, files } = tenantFiles();

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
