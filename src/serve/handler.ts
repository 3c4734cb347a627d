/**
 * `createKpiHandler`: KPI documents on request, per tenant, as a Web-standard handler
 * (`(request: Request) => Promise<Response>`) that mounts in a Node server, Hono, a Next.js route
 * handler, Bun or Deno. Routes (board-and-serve.md):
 *
 * - `GET /kpi/<kind>?<build options>&region=…&channel=…&store=…`: the document `kpi-kit build <kind>` makes for the
 *   same options and rows;
 * - `GET /kpi/values/<region|channel|store>`: the distinct values within the caller's scope;
 * - `GET /kpi`: the kinds and the options each takes;
 * - `GET /healthz`: 200 when the engine answers, 503 when it does not.
 *
 * With a secret every `/kpi` request needs an HS256 JWT (`exp` required) whose `kpi` claim scopes
 * the rows; filters narrow it, never widen it. Documents are cached per (scope, kind, options) in
 * a bounded LRU with a TTL, with an ETag; concurrent identical requests share one query.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { LRUCache } from 'lru-cache';
import { DATA_PATHS } from '../data/paths/all.js';
import type { DataPath, Flags, TableName } from '../data/paths/common.js';
import { missingNamedColumns } from '../data/build-checks.js';
import { InputError } from '../data/engines.js';
import { verifyToken } from './auth.js';
import { ERROR_NAMES, JSON_TYPE, errorAnswer, etagOf, jsonResponse, matches } from './responses.js';
import { namedColumns } from '../kinds/contract.js';
import type { KpiKind } from '../kinds/all.js';
import {
  FILTER_FIELDS,
  RequestError,
  cacheKey,
  checkBuildOptions,
  narrow,
  readBuildRequest,
  requestOptions,
  type FilterField,
  type Filters,
  type TokenScope,
} from './request.js';
import {
  ClientGoneError,
  duckDbServeEngine,
  postgresServeEngine,
  type ServeEngine,
  type ServeTables,
} from './engine.js';

/** One line per request: never a token, a secret or a query string. */
export interface RequestLog {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  /** `hit` (from the cache), `miss` (built now), `inflight` (shared a build already running); absent when uncached. */
  cache?: 'hit' | 'miss' | 'inflight' | 'stale' | 'refresh';
  /** What went wrong, for an answer of 500 and above. */
  error?: string;
}

export interface KpiHandlerOptions extends ServeTables {
  /** The HS256 signing secret (at least 32 characters); without it every request is answered. */
  secret?: string;
  /** Documents kept (default 500). */
  cacheSize?: number;
  /** How long a document is served from the cache, in milliseconds (default 60 000; 0: built on every request). */
  ttl?: number;
  /** Origins allowed to call from a browser (CORS); none by default. */
  cors?: readonly string[];
  /** Called once per request with its log line. */
  log?: (line: RequestLog) => void;
  /** The clock, in milliseconds (tests inject one). */
  now?: () => number;
  /** The engine (default: DuckDB over the files, or PostgreSQL with `db`); tests may inject one. */
  engine?: ServeEngine;
  /** Seconds a client is told to wait after a 503 (default 5). */
  retryAfter?: number;
}

/** The handler, with what a server needs around it. */
export interface KpiHandler {
  (request: Request): Promise<Response>;
  /** Loads the files or connects; an input problem rejects (a server then does not start). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface CachedBody {
  body: string;
  etag: string;
}

interface BuildContext {
  /** Builds the document; `signal` aborts when the requester has gone. */
  build: (signal: AbortSignal) => Promise<unknown>;
  signal: AbortSignal;
}

type AnyPath = DataPath<unknown, unknown>;
const PATHS = DATA_PATHS as unknown as Record<string, AnyPath>;

/** The table flags a build reads from: `orders`, or for a kind that can read either, events when its options say so. */
function inputsFor(kind: string, path: AnyPath, flags: Flags, available: readonly TableName[]): Flags {
  const asFlags = (ts: readonly TableName[]) => Object.fromEntries(ts.map((t) => [t, t]));
  const plain = path.inputs(flags);
  const viaEvents = path.inputs({ ...flags, events: 'events' });
  let chosen = plain;
  if (plain.join() !== viaEvents.join()) {
    const has = (ts: readonly TableName[]) => ts.every((t) => available.includes(t));
    let plainOk = has(plain);
    if (plainOk) {
      try {
        checkBuildOptions(kind, path, { ...flags, ...asFlags(plain) });
      } catch {
        plainOk = false;
      }
    }
    if (!plainOk && has(viaEvents)) chosen = viaEvents;
  }
  const missing = chosen.filter((t) => !available.includes(t));
  if (missing.length)
    throw new RequestError(404, [
      { path: kind, message: `this server has no ${missing.join(' or ')} (kpi-kit serve --${missing[0]} <file>)` },
    ]);
  return { ...flags, ...asFlags(chosen) };
}

/**
 * With a secret, a token's `kpi.store` claim picks its stores' rows by `store_id`: a table without that column would
 * give every tenant an empty document, so the server refuses to start, naming the table.
 */
function checkTenantColumn(table: TableName, columns: ReadonlySet<string>): void {
  if (columns.has('store_id')) return;
  throw new InputError(
    table,
    '',
    'with a signing secret (KPI_KIT_SECRET) every table needs a store_id column, the store each row belongs to ' +
      `(a token's kpi.store claim picks its rows by it); found ${[...columns].join(', ') || 'none'}`,
  );
}

/**
 * A Web-standard handler answering KPI documents on request (see the module's comment); `ready()` loads the data,
 * `close()` releases it.
 */
export function createKpiHandler(options: KpiHandlerOptions): KpiHandler {
  const now = options.now ?? Date.now;
  if (options.secret !== undefined && options.secret.length < 32)
    throw new Error('the signing secret must be at least 32 characters (KPI_KIT_SECRET)');
  const engine =
    options.engine ?? (options.db ? postgresServeEngine({ ...options, db: options.db }) : duckDbServeEngine(options));
  const cache = new LRUCache<string, CachedBody, BuildContext>({
    max: options.cacheSize ?? 500,
    // lru-cache reads a TTL of 0 as "forever"; here 0 means "build every time" (see `cached`).
    ttl: Math.max(1, options.ttl ?? 60_000),
    ttlResolution: 0,
    perf: { now },
    fetchMethod: async (_key, _stale, { context }) => {
      const body = JSON.stringify(await context.build(context.signal));
      return { body, etag: await etagOf(body) };
    },
  });
  const secretKey = options.secret === undefined ? null : new TextEncoder().encode(options.secret);
  /** What a request said as it was answered: the cache's word, and when its token expires. */
  const said = new WeakMap<Request, { cache?: RequestLog['cache']; until?: number }>();
  const saidOf = (r: Request) => {
    let s = said.get(r);
    if (!s) said.set(r, (s = {}));
    return s;
  };
  /** Requests answered before (the same token and URL): their cache key, valid until the token expires. */
  const known = new LRUCache<string, { key: string; until: number }>({ max: 10_000 });
  const requestId = (r: Request) => `${r.headers.get('authorization') ?? ''}\u0000${r.url}`;
  /** The same request again, while its document is cached and its token valid: answered without reading it again. */
  function again(request: Request): Response | null {
    // With CORS on, a cross-origin request goes through the CORS middleware.
    if (request.method !== 'GET' || (options.cors?.length && request.headers.has('origin'))) return null;
    const memo = known.get(requestId(request));
    const entry = memo && memo.until > now() ? cache.get(memo.key) : undefined;
    if (!entry) return null;
    saidOf(request).cache = 'hit';
    return documentResponse(request, entry);
  }
  let opened: Promise<void> | null = null;
  const ready = () => {
    opened ??= engine
      .open()
      .then(() => {
        if (secretKey) for (const t of engine.tables) checkTenantColumn(t, engine.columns(t));
      })
      .catch((e) => {
        opened = null;
        throw e;
      });
    return opened;
  };

  /** The token's scope, or null without a secret; 401 for a missing or invalid token. */
  async function authorize(request: Request): Promise<TokenScope | null> {
    if (!secretKey) return null;
    const { scope, until } = await verifyToken(request.headers.get('authorization'), secretKey, now());
    saidOf(request).until = until;
    return scope;
  }

  /**
   * A cached body for `key`, built by `build` on a miss. The request is remembered with its key (and its token's
   * expiry) so that the same request again is answered from the cache without being read again.
   */
  async function cached(request: Request, key: string, build: (signal: AbortSignal) => Promise<unknown>) {
    const status: LRUCache.Status<string, CachedBody, BuildContext> = {};
    await ready();
    // A client already gone neither starts a build nor joins one.
    if (request.signal.aborted) throw new ClientGoneError();
    const fetch = () => cache.fetch(key, { context: { build, signal: request.signal }, status });
    // A build shared with a request whose client went away before it started: built again for this one.
    const entry = await fetch().catch((e) => {
      if (e instanceof ClientGoneError && !request.signal.aborted) return fetch();
      throw e;
    });
    // A TTL of 0: built on every request; the requests that came while it was built still share it.
    if (options.ttl === 0) cache.delete(key);
    const said = saidOf(request);
    said.cache = status.fetch as RequestLog['cache'];
    known.set(requestId(request), { key, until: said.until ?? Infinity });
    return entry!;
  }

  function documentResponse(request: Request, entry: CachedBody): Response {
    const headers = { etag: entry.etag, 'cache-control': 'private, no-cache', vary: 'Authorization' };
    if (matches(request.headers.get('if-none-match'), entry.etag)) return new Response(null, { status: 304, headers });
    return new Response(entry.body, { status: 200, headers: { 'content-type': JSON_TYPE, ...headers } });
  }

  async function kpiDocument(request: Request, kind: string) {
    const path = Object.hasOwn(PATHS, kind) ? PATHS[kind]! : undefined;
    if (!path)
      throw new RequestError(404, [{ path: 'kind', message: `expected one of ${Object.keys(PATHS).join(', ')}` }]);
    const scope = await authorize(request);
    const { flags, filters } = readBuildRequest(path, new URL(request.url).searchParams);
    const narrowed = narrow(scope, filters);
    const full = inputsFor(kind, path, flags, engine.tables);
    const opts = checkBuildOptions(kind, path, full);
    const inputs = path.inputs(full);
    const build = (signal: AbortSignal) =>
      engine.scoped(
        inputs,
        narrowed,
        async (source) => {
          const need = namedColumns(kind as KpiKind, { ...(opts as object), events: full['events'] } as never);
          for (const t of inputs) {
            const missing = missingNamedColumns(t, need[t] ?? [], engine.columns(t));
            if (missing) throw new RequestError(400, [{ path: t, message: missing.slice(t.length + 2) }]);
          }
          return (await path.sql(source, opts, full)).doc;
        },
        signal,
      );
    return documentResponse(request, await cached(request, cacheKey(kind, full, narrowed), build));
  }

  async function filterValues(request: Request, field: string) {
    if (!(FILTER_FIELDS as string[]).includes(field))
      throw new RequestError(404, [{ path: 'field', message: `expected one of ${FILTER_FIELDS.join(', ')}` }]);
    const scope = await authorize(request);
    const { filters } = readBuildRequest({ flags: [] }, new URL(request.url).searchParams);
    // The field's own filter does not narrow its list (a picker shows every value it may take), but the scope does.
    const own: Filters = { ...filters };
    delete own[field as FilterField];
    const narrowed = narrow(scope, own);
    if (filters[field as FilterField]) narrow(scope, { [field]: filters[field as FilterField] });
    const key = JSON.stringify(['values', field, FILTER_FIELDS.map((f) => narrowed[f] ?? null)]);
    const entry = await cached(request, key, (signal) => engine.values(field as FilterField, narrowed, signal));
    return documentResponse(request, entry);
  }

  async function listing(request: Request): Promise<Response> {
    await authorize(request);
    const kinds = Object.entries(PATHS).map(([kind, path]) => {
      const reads = [...new Set([...path.inputs({}), ...path.inputs({ events: 'events' })])];
      return {
        kind,
        path: `/kpi/${kind}`,
        available: reads.some((t) => engine.tables.includes(t)),
        options: requestOptions(path).filter((o) => !(FILTER_FIELDS as string[]).includes(o)),
        repeatable: requestOptions(path).filter((o) => o === 'metric' || (FILTER_FIELDS as string[]).includes(o)),
      };
    });
    return jsonResponse(200, {
      kinds,
      filters: FILTER_FIELDS,
      values: FILTER_FIELDS.map((f) => `/kpi/values/${f}`),
      tables: engine.tables,
      auth: secretKey ? 'bearer' : 'none',
    });
  }

  const app = new Hono();
  if (options.cors?.length)
    app.use(
      '*',
      cors({
        origin: [...options.cors],
        allowMethods: ['GET', 'OPTIONS'],
        allowHeaders: ['Authorization', 'If-None-Match'],
        exposeHeaders: ['ETag'],
        maxAge: 600,
      }),
    );
  app.get('/healthz', async () => {
    await ready();
    await engine.ping();
    return jsonResponse(200, { status: 'ok', tables: engine.tables });
  });
  app.get('/kpi', (c) => listing(c.req.raw));
  app.get('/kpi/values/:field', (c) => filterValues(c.req.raw, c.req.param('field')));
  app.get('/kpi/:kind', (c) => kpiDocument(c.req.raw, c.req.param('kind')));
  app.all('/kpi/*', () => jsonResponse(405, { error: ERROR_NAMES[405] }, { allow: 'GET' }));
  app.all('/kpi', () => jsonResponse(405, { error: ERROR_NAMES[405] }, { allow: 'GET' }));
  app.all('/healthz', () => jsonResponse(405, { error: ERROR_NAMES[405] }, { allow: 'GET' }));
  app.notFound(() => jsonResponse(404, { error: 'not-found' }));
  app.onError((e) => errorResponse(e));

  const retryAfter = String(options.retryAfter ?? 5);
  const failures = new WeakMap<Response, string>();
  function errorResponse(e: Error): Response {
    const { response, failure } = errorAnswer(e, retryAfter);
    if (failure) failures.set(response, failure);
    return response;
  }

  const handler = (async (request: Request) => {
    const t0 = now();
    let response: Response;
    try {
      response = again(request) ?? (await app.fetch(request));
    } catch (e) {
      response = errorResponse(e as Error);
    }
    if (options.log) {
      const s = said.get(request);
      const error = failures.get(response);
      options.log({
        time: new Date(now()).toISOString(),
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round((now() - t0) * 10) / 10,
        ...(s?.cache ? { cache: s.cache } : {}),
        ...(error ? { error } : {}),
      });
    }
    return response;
  }) as KpiHandler;
  handler.ready = ready;
  handler.close = async () => {
    cache.clear();
    await engine.close();
  };
  return handler;
}
