/**
 * kpi-kit: raw rows to KPI documents (the data path's command line); `bin/kpi-kit.mjs` runs {@link main}, bundled into
 * dist/cli/main.js. The recipes run on DuckDB embedded by default (@duckdb/node-api, an optional package), inside
 * PostgreSQL with --db (pg, optional too), or as the pure TypeScript builders with --engine memory. Errors name the
 * file, the line, the column and the value; the exit status is 1 and an --out file is left as it was (documents are
 * written to a temporary file and renamed only after they were checked). Bad usage exits 2.
 */
import { MissingDriverError } from '../data/engines.js';
import { UsageError } from '../data/paths/common.js';
import { parseArgs, type Args } from './args.js';
import { build, sql } from './build.js';
import { check, digest, insights, render } from './documents.js';
import { HELP } from './help.js';
import { importCommand } from './import.js';
import { serve } from './serve.js';

/** Each command: its arguments to its work. */
const COMMANDS: Record<string, (args: Args) => void | Promise<void>> = {
  import: importCommand,
  build,
  sql,
  serve,
  insights,
  render,
  digest,
  check,
};

/** Runs one command line (the words after `kpi-kit`); what goes wrong is said on standard error, with its status. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    const [command, ...rest] = argv;
    const args = parseArgs(rest, command);
    if (!command || command === '--help' || command === '-h' || args.help) process.stdout.write(`${HELP}\n`);
    else if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command ${command}`);
    else await COMMANDS[command]!(args);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    // A missing default driver: say what to install, and that small CSV or JSON files need none.
    if (error instanceof MissingDriverError && error.driver === '@duckdb/node-api')
      error.message += ' (or --engine memory for CSV and JSON files that fit in memory)';
    if (error instanceof UsageError) {
      process.stderr.write(`kpi-kit: ${error.message}\n(kpi-kit --help for the commands)\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`kpi-kit: ${error.message}\n`);
      process.exitCode = 1;
    }
  }
}
