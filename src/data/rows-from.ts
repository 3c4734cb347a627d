/**
 * `kpi-kit build <kind> --rows-from <rows>`: the rows of a kind's recipe, run elsewhere (a warehouse's console, a
 * scheduled query) and exported as CSV or JSON, turned into the document by the same builders. The rows stand in for
 * an engine: each query of the recipe is answered with the rows exported under its name. Node only.
 */
import { InputError, type SqlEngine } from './engines.js';
import type { Recipe } from './dialects.js';
import type { BuildResult, DataPath, Flags } from './paths/common.js';

/** Rows as a warehouse exports them, by query name. */
export type RecipeRows = Record<string, Record<string, unknown>[]>;

/**
 * One exported table as rows: names in lower case (Snowflake gives unquoted names in upper case), and an empty field
 * or `\N` as nothing (BigQuery and Snowflake write NULL in CSV as an empty field, ClickHouse as `\N`).
 */
function normalise(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), v === '' || v === '\\N' ? null : v]),
    ),
  );
}

/** A JSON export: an array of objects, or one object per line (BigQuery's newline-delimited JSON). */
function jsonRows(text: string, file: string): Record<string, unknown>[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  try {
    if (trimmed.startsWith('[')) return JSON.parse(trimmed) as Record<string, unknown>[];
    return trimmed ? trimmed.split(/\r?\n/).map((line) => JSON.parse(line) as Record<string, unknown>) : [];
  } catch (e) {
    throw new InputError(
      file,
      '',
      `not JSON rows (an array of objects, or one object per line): ${(e as Error).message}`,
    );
  }
}

/**
 * Reads the rows of each query in `names`: from one JSON file holding `{ "<query>": [rows…] }`, or from a folder with
 * one export per query, named after it (`facts.csv`, `cells.json`, as the printed recipe's `-- <query>` comments say).
 */
export async function readRecipeRows(from: string, names: readonly string[]): Promise<RecipeRows> {
  const { existsSync, readFileSync, statSync } = await import('node:fs');
  const path = await import('node:path');
  if (!existsSync(from)) throw new InputError(from, '', 'no such file or folder');
  const out: RecipeRows = {};
  if (!statSync(from).isDirectory()) {
    let all: unknown;
    try {
      all = JSON.parse(readFileSync(from, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputError(from, '', `not JSON: ${(e as Error).message}`);
    }
    if (all === null || typeof all !== 'object' || Array.isArray(all))
      throw new InputError(from, '', `expected an object of rows by query name (${names.join(', ')})`);
    for (const name of names) {
      const rows = (all as Record<string, unknown>)[name];
      if (!Array.isArray(rows)) throw new InputError(from, '', `no rows for the query ${name} (expected an array)`);
      out[name] = normalise(rows as Record<string, unknown>[]);
    }
    return out;
  }
  const { parseCsv } = await import('./csv.js');
  for (const name of names) {
    const csv = path.join(from, `${name}.csv`);
    const json = path.join(from, `${name}.json`);
    if (existsSync(csv)) {
      const table = parseCsv(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), csv);
      out[name] = normalise(table.records.map((r) => r.values));
    } else if (existsSync(json)) out[name] = normalise(jsonRows(readFileSync(json, 'utf8'), json));
    else throw new InputError(from, '', `no export of the query ${name} (${name}.csv or ${name}.json)`);
  }
  return out;
}

/**
 * An engine that answers each query of `recipe` with its rows, so a kind's SQL build runs unchanged on rows exported
 * elsewhere. A query the recipe does not have is a program error, said plainly.
 */
export function rowsEngine(recipe: Recipe, rows: RecipeRows): SqlEngine {
  const byText = new Map(Object.entries(recipe).map(([name, sql]) => [sql, name]));
  return {
    dialect: 'duckdb',
    async all(sql) {
      const name = byText.get(sql);
      if (name === undefined || !rows[name])
        throw new Error('--rows-from: the build asked for a query its recipe lacks');
      return rows[name];
    },
    async close() {},
  };
}

/**
 * A kind's document from its recipe's rows exported to `from` (see {@link readRecipeRows}): the recipe the options
 * make, each query answered by its rows, assembled as on any engine.
 */
export async function buildFromRows<O extends { tz?: string }, D>(
  path: DataPath<O, D>,
  from: string,
  options: O,
  flags: Flags,
): Promise<BuildResult<D>> {
  const names = { dialect: 'duckdb', orders: 'orders', events: 'events', frictions: 'frictions' } as const;
  const recipe = path.recipe({ ...names, ...(options.tz ? { tz: options.tz } : {}) }, options, flags);
  const rows = await readRecipeRows(from, Object.keys(recipe));
  return path.sql({ ...names, engine: rowsEngine(recipe, rows) }, options, flags);
}
