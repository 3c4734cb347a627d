/**
 * `kpi-kit serve`: the request handler (src/serve) in a Node server until SIGINT or SIGTERM, one JSON line per request
 * on standard output.
 */
import { flag, flagList, UsageError } from '../data/paths/common.js';
import { serveKpi } from '../serve/server.js';
import type { Args } from './args.js';
import { intFlag, log } from './io.js';

/**
 * The server, until a signal stops it. Log lines are written once per turn of the event loop, not once per request:
 * under load, a write per line was a third of the server's time.
 */
export async function serve({ options }: Args): Promise<void> {
  let lines: string[] = [];
  const flushLines = () => {
    if (lines.length) process.stdout.write(lines.join(''));
    lines = [];
  };
  if (!options.orders && !options.events) throw new UsageError('serve needs --orders <file> (and/or --events <file>)');
  if (options.frictions && !options.events) throw new UsageError('serve --frictions needs --events too');
  // The server's tenant scoping is written for DuckDB and PostgreSQL; ClickHouse builds, it does not serve (yet).
  const db = flag(options, 'db');
  if (db !== undefined && !/^postgres(ql)?:\/\//.test(db))
    throw new UsageError(
      `serve --db: expected postgres://user@host:5432/db (ClickHouse builds with kpi-kit build), got ${db}`,
    );
  const secret = process.env.KPI_KIT_SECRET || undefined;
  const host = flag(options, 'host') ?? '127.0.0.1';
  const server = await serveKpi({
    orders: flag(options, 'orders'),
    events: flag(options, 'events'),
    frictions: flag(options, 'frictions'),
    db,
    port: intFlag(options, 'port', 8787, 0, 65535),
    host,
    cors: flagList(options, 'cors'),
    ttl: intFlag(options, 'ttl', 60, 0, 86400) * 1000,
    cacheSize: intFlag(options, 'cache-size', 500, 1, 1_000_000),
    queryTimeout: intFlag(options, 'query-timeout', 30, 1, 3600) * 1000,
    secret,
    log: (line) => {
      if (!lines.length) setImmediate(flushLines);
      lines.push(`${JSON.stringify(line)}\n`);
    },
  });
  const loopback = /^(127\.|::1$|localhost$)/.test(host);
  const exposed = loopback
    ? ` (listening on ${host} only)`
    : `, and ${host} is not loopback: anyone who reaches it reads every row`;
  if (!secret) log(`no KPI_KIT_SECRET: every request is answered${exposed}`);
  // The last line a starting server says: the address (scripts wait for it).
  log(`serving ${db ? 'PostgreSQL' : 'DuckDB'} on ${server.url}/kpi`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  flushLines();
  log('stopped');
}
