// The data path bench's floor as a user would run it: a fresh Node process with bare DuckDB (only
// @duckdb/node-api, no kpi-kit), the same settings as the CLI's engine, running the recipe's queries over
// the Parquet file and reading every row back. Like the CLI, it pays Node's start and DuckDB's load.
//   node bench/floor.mjs <recipe.json: {"name": "SQL", …}> <orders.parquet>
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';

const [recipeFile, parquet] = process.argv.slice(2);
const recipe = JSON.parse(readFileSync(recipeFile, 'utf8'));
const instance = await DuckDBInstance.create(':memory:', {
  threads: String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length)),
  memory_limit: '1GB',
  temp_directory: os.tmpdir(),
  preserve_insertion_order: 'false',
});
const connection = await instance.connect();
await connection.runAndReadAll(`SET TimeZone = 'UTC'`);
await connection.runAndReadAll(
  `CREATE VIEW raw_orders AS SELECT * FROM read_parquet('${parquet.replace(/'/g, "''")}')`,
);
let rows = 0;
for (const sql of Object.values(recipe)) rows += (await connection.runAndReadAll(sql)).getRowObjectsJson().length;
connection.closeSync?.();
instance.closeSync?.();
process.stdout.write(`${rows}\n`);
