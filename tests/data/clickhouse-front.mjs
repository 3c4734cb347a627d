// ClickHouse for the tests of --db clickhouse:// and --rows-from. No ClickHouse server runs on this machine, so the
// server is ClickHouse itself (chDB, whose one session per process is the caller's) behind the few requests of
// ClickHouse's HTTP interface that the official client makes: the query in the body (or the URL), settings, database
// and session in the URL, user and password in a Basic header, errors with their exception code.
import { createServer } from 'node:http';

/** The columns of a shop's table as ClickHouse users keep one: String with '' for nothing, DateTime64 in São Paulo. */
const TEXT = ['order_id', 'customer_id', 'status', 'region_id', 'region_label', 'region_group', 'channel', 'currency'];
const TIMES = ['ordered_at', 'approved_at', 'shipped_at', 'delivered_at', 'promised_at', 'reviewed_at'];

/** Creates `table` through `run` (a statement at a time) and fills it from a canonical orders CSV. */
export async function createShopOrders(run, table, csv) {
  const columns = [...TEXT, ...TIMES, 'review_score', 'amount'].map((c) => `${c} Nullable(String)`).join(', ');
  await run(`CREATE TABLE ${table} (${TEXT.map((c) => `${c} String`).join(', ')},
    ${TIMES.map((c) => `${c} Nullable(DateTime64(3, 'America/Sao_Paulo'))`).join(', ')},
    review_score Nullable(Int32), amount Decimal(12, 2)) ENGINE = MergeTree ORDER BY order_id`);
  await run(`INSERT INTO ${table} SELECT ${TEXT.map((c) => `ifNull(${c}, '')`).join(', ')},
    ${TIMES.map((c) => `parseDateTime64BestEffortOrNull(${c}, 3, 'UTC')`).join(', ')}, review_score, ifNull(amount, 0)
    FROM file('${csv.replace(/'/g, "''")}', 'CSVWithNames', '${columns}')`);
}

/** The settings the client sends in the URL, applied as the server would. */
const SETTINGS = ['session_timezone', 'output_format_json_quote_64bit_integers', 'output_format_json_quote_decimals'];

/**
 * Serves `session` on a port of 127.0.0.1. `seen` lists each request's user, database, session and time zone (the
 * types are in clickhouse-front.d.mts).
 */
export async function startClickHouseFront(session) {
  const seen = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://localhost');
      const auth = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      seen.push({
        user: auth.split(':')[0] ?? '',
        database: u.searchParams.get('database'),
        session: u.searchParams.get('session_id'),
        timezone: u.searchParams.get('session_timezone'),
      });
      try {
        for (const k of SETTINGS) if (u.searchParams.has(k)) session.query(`SET ${k} = '${u.searchParams.get(k)}'`);
        session.query(`USE ${u.searchParams.get('database') ?? 'default'}`);
        const sql = [u.searchParams.get('query'), Buffer.concat(chunks).toString()].filter(Boolean).join('\n');
        const out = session.query(sql, 'TabSeparated');
        res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' }).end(out);
      } catch (e) {
        res.writeHead(500, { 'x-clickhouse-exception-code': String(e.clickhouseCode ?? 1000) }).end(e.message);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
