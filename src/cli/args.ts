/**
 * The command line's words: `--name value` pairs (a switch alone), repeated options collected, positional arguments
 * kept in order. Each command takes its own options; any other is a usage error that names it, with the option it
 * most likely meant.
 */
import { closestName } from '../data/build-checks.js';
import { DATA_PATHS } from '../data/paths/all.js';
import { COMMON_BUILD_FLAGS, UsageError } from '../data/paths/common.js';

/** The options of a command, by name without the dashes: a value, repeated values, or a switch. */
export type Options = Record<string, string | string[] | true>;

/** A command's arguments: its options and its positional words. */
export interface Args {
  options: Options;
  positional: string[];
}

/** The options of a build: where the rows are, what to write, the common ones and every kind's own. */
const BUILD_FLAGS = [
  ...new Set([
    ...['orders', 'events', 'frictions', 'out', 'engine', 'db', 'allow-empty', 'rows-from'],
    ...COMMON_BUILD_FLAGS,
    ...Object.values(DATA_PATHS).flatMap((p) => p.flags),
  ]),
];
const IMPORT_FLAGS = ['out', 'map', 'map-file', 'map-status', 'encoding', 'delimiter', 'decimal', 'date-format'];
const SERVE_FLAGS = ['orders', 'events', 'frictions', 'db', 'port', 'host', 'cors', 'ttl', 'cache-size'];

/** The options each command takes. */
export const FLAGS: Record<string, readonly string[]> = {
  import: [...IMPORT_FLAGS, 'currency', 'store', 'tz'],
  build: [...BUILD_FLAGS, 'insights'],
  sql: [...BUILD_FLAGS, 'dialect', 'table'],
  serve: [...SERVE_FLAGS, 'query-timeout'],
  insights: ['locale', 'format', 'compare-to'],
  render: ['out', 'width', 'locale', 'theme'],
  digest: ['out', 'width', 'locale', 'theme', 'title'],
  check: [],
};

/** Options that take no value. */
const SWITCHES = new Set(['allow-empty', 'insights']);

/**
 * `--name value` pairs (a switch alone) and positional arguments; an option the command does not take is a usage
 * error.
 */
export function parseArgs(argv: readonly string[], command: string | undefined): Args & { help: boolean } {
  const options: Options = {};
  const positional: string[] = [];
  let help = false;
  const known = (command !== undefined && Object.hasOwn(FLAGS, command) ? FLAGS[command] : undefined) ?? [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('-') && a !== '-' && !/^-\d/.test(a)) {
      const key = a.replace(/^--?/, '');
      if (command !== undefined && Object.hasOwn(FLAGS, command) && !known.includes(key)) {
        const meant = closestName(key, known);
        throw new UsageError(`unknown option ${a} for ${command}${meant ? `; did you mean --${meant}?` : ''}`);
      }
      if (!a.startsWith('--')) throw new UsageError(`${a}: options take two dashes (--${key})`);
      if (SWITCHES.has(key)) {
        options[key] = true;
        continue;
      }
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${a} needs a value`);
      // A repeated option (--metric) collects its values.
      const before = options[key];
      options[key] = typeof before === 'string' ? [before, value] : Array.isArray(before) ? [...before, value] : value;
      i++;
    } else positional.push(a);
  }
  return { options, positional, help };
}
