/**
 * What every kind's data path shares: the definition a kind gives (`DataPath`: its inputs, its
 * options from the command line, its builds in memory and on an engine, its recipe), the
 * recipes' common rows, and the command line's usage checks. Each kind's path is
 * `src/data/paths/<kind>.ts`; `src/data/paths/all.ts` (generated from the registry) gathers them
 * for `kpi-kit build` and `kpi-kit sql`, which name no kind themselves.
 */
import { checkTimeZone, type Recipe, type RecipeContext } from '../dialects.js';
import type { SqlEngine } from '../engines.js';
import { recipeFacts } from '../orders.js';
import { reachOptions, reachRecipeRows } from '../events.js';

export { reachOptions, recipeFacts, reachRecipeRows };
import { checkEventName } from '../sql.js';
import { EVENT_SEGMENT_COLUMNS, parseWindow, type EventSegmentColumn } from '../events.js';
import type { TableSpec } from '../tables.js';

/** An input table: orders, events or frictions. */
export type TableName = TableSpec['name'];

/** Where the rows are: the relation names on the engine (`orders` after loadTableFile, `kpi_orders` after useTable). */
export interface SqlSource {
  engine: SqlEngine;
  orders?: string;
  /** The events relation (`events` after loadTableFile, `kpi_events` after useTable). */
  events?: string;
  frictions?: string;
}

/** A bad command line (exit status 2), as opposed to bad input (1). */
export class UsageError extends Error {}

/** The command line's options, by name without the dashes: a value, repeated values, or a switch. */
export type Flags = Readonly<Record<string, string | readonly string[] | true | undefined>>;

/** The options every build takes (--from, --to, --tz, --title, --subtitle, --currency, --locale), checked. */
export interface CommonBuildOptions {
  from?: string;
  to?: string;
  tz?: string;
  title?: string;
  subtitle?: string;
  currency?: string;
  locale?: string;
  labelLocale?: string;
}

/** A built document, and what the build says about the rows it left out (said on stderr). */
export interface BuildResult<D> {
  doc: D;
  notes: string[];
}

/** What the command line gives a kind's `options`: its flags, the common options, and a JSON file reader. */
export interface OptionInput {
  flags: Flags;
  common: CommonBuildOptions;
  /** Reads and parses a JSON file named by a flag (--labels, --targets). */
  readJson(file: string): unknown;
}

/** The relation names a recipe reads (`kpi-kit sql`: --orders, --events, --frictions, or the tables' own names). */
export type RecipeNames = RecipeContext & { orders: string; events: string; frictions: string };

/**
 * One kind's data path: what `kpi-kit build <kind>` and `kpi-kit sql <kind>` run. `O` is the
 * builders' options.
 */
export interface DataPath<O, D> {
  /** Its usage lines for `kpi-kit --help`. */
  readonly help: string;
  /** The options of its own that it reads (besides {@link COMMON_BUILD_FLAGS}), by name without the dashes. */
  readonly flags: readonly string[];
  /** The tables a build reads, by the flags (a funnel reads orders, or events with --events). */
  inputs(flags: Flags): readonly TableName[];
  /** The builders' options from the command line; a bad value throws {@link UsageError}. */
  options(input: OptionInput): O;
  /** Builds from rows in memory (`--engine memory`), one array per input table. */
  memory(tables: readonly (readonly unknown[])[], options: O, flags: Flags): BuildResult<D>;
  /** Builds by running its recipe on an engine. */
  sql(source: SqlSource, options: O, flags: Flags): Promise<BuildResult<D>>;
  /** Its recipe, to print for another engine. */
  recipe(names: RecipeNames, options: O, flags: Flags): Recipe;
}

/** The options every build takes, by name without the dashes (checked by {@link commonOptions}). */
export const COMMON_BUILD_FLAGS = ['from', 'to', 'tz', 'title', 'subtitle', 'currency', 'locale'] as const;

/** The options whose value names a file to read (`kpi-kit serve` takes none of them from a request). */
export const FILE_FLAGS: readonly string[] = ['labels', 'targets'];

/** The options every build takes, checked, in the builders' terms. */
export function commonOptions(flags: Flags): CommonBuildOptions {
  const currency = flag(flags, 'currency');
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw new UsageError(`--currency: expected an ISO 4217 code such as BRL, got ${currency}`);
  }
  const tz = flag(flags, 'tz');
  const locale = flag(flags, 'locale');
  if (locale !== undefined) oneOf('locale', locale, ['en', 'pt-BR', 'es']);
  return {
    from: dateFlag('from', flag(flags, 'from')),
    to: dateFlag('to', flag(flags, 'to')),
    title: flag(flags, 'title'),
    subtitle: flag(flags, 'subtitle'),
    currency,
    // Built-in labels (metric names, cohort months) in en, pt-BR or es.
    locale,
    labelLocale: locale,
    tz: tz === undefined ? undefined : asUsage(() => checkTimeZone(tz)),
  };
}

/** `value` when it is one of `allowed`, else a usage error naming the option. */
export function oneOf<const T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new UsageError(`--${name}: expected ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, got ${value}`);
  }
  return value as T;
}

/** A YYYY-MM-DD date option (or undefined), else a usage error. */
export function dateFlag(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UsageError(`--${name}: expected a date YYYY-MM-DD, got ${value}`);
  }
  return value;
}

/** `f()`, its error turned into a usage error (a builder's check of an option's text). */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** One flag's text (the last, when repeated), or undefined. */
export function flag(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.at(-1) : undefined;
}

/** A flag's values, repeated or not. */
export function flagList(flags: Flags, name: string): string[] {
  const v = flags[name];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? [...v] : [];
}

/** The recipe context of a source: its dialect, relation names and time zone. */
export const sourceContext = (s: SqlSource, tz?: string): RecipeContext => ({
  dialect: s.engine.dialect,
  ...(s.orders ? { orders: s.orders } : {}),
  ...(s.events ? { events: s.events } : {}),
  ...(s.frictions ? { frictions: s.frictions } : {}),
  ...(tz ? { tz } : {}),
});

/** The events options of a funnel or checkout build: --steps, --segment-by, --window, --labels. */
export function eventOptions(input: OptionInput, minSteps: 1 | 2) {
  const segmentColumns: readonly string[] = EVENT_SEGMENT_COLUMNS;
  const { flags } = input;
  const steps = String(flag(flags, 'steps') ?? '')
    .split(',')
    .filter(Boolean);
  asUsage(() => steps.forEach((s) => checkEventName(s)));
  if (steps.length < minSteps || new Set(steps).size !== steps.length) {
    throw new UsageError(
      `--steps: expected ${minSteps === 2 ? 'two or more' : 'one or more'} distinct event names, in order`,
    );
  }
  const segmentBy = flag(flags, 'segment-by');
  if (segmentBy !== undefined && !segmentColumns.includes(segmentBy)) {
    throw new UsageError(`--segment-by: expected one of ${segmentColumns.join(', ')}, got ${segmentBy}`);
  }
  const window = flag(flags, 'window');
  const labels = flag(flags, 'labels');
  return {
    ...input.common,
    steps,
    segmentBy: segmentBy as EventSegmentColumn | undefined,
    window: window === undefined ? undefined : asUsage(() => parseWindow(window)),
    labels: labels ? (input.readJson(labels) as Record<string, string>) : undefined,
  };
}
