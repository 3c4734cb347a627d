// A throw-away PostgreSQL server holding a Parquet file's canonical orders as the table `orders`
// (timestamps without a zone, as UTC wall clock), for the benches that compare it with DuckDB.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startPostgres } from '../scripts/postgres.mjs';

/** Starts the server and loads `parquet` into `orders` (through CSV, by DuckDB); the caller stops it. */
export async function postgresWithOrders(kit, parquet) {
  const server = await startPostgres();
  try {
    const csv = path.join(server.dir, 'orders.csv');
    const db = await kit.openDuckDb();
    await db.all(`COPY (SELECT * FROM read_parquet('${parquet}')) TO '${csv}' (FORMAT csv, HEADER true)`);
    await db.close();
    chmodSync(csv, 0o644);
    const type = (c) =>
      kit.TABLES.orders.timestamps.includes(c)
        ? 'timestamp'
        : c === 'amount'
          ? 'numeric(12, 2)'
          : c === 'review_score'
            ? 'integer'
            : 'text';
    const header = readFileSync(csv, 'utf8').slice(0, 4096).split('\n', 1)[0].split(',');
    const pg = await kit.openPostgres(server.url);
    await pg.all(`CREATE TABLE orders (${header.map((c) => `${c} ${type(c)}`).join(', ')})`);
    await pg.all(`COPY orders FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
    await pg.all('ANALYZE orders');
    await pg.close();
    return server;
  } catch (e) {
    server.stop();
    throw e;
  }
}
