/**
 * SQL dialects of the data path: the macros where engines differ, the checks that keep
 * options out of SQL text unless they are what they claim (time zones, dates, names), and
 * the printing of a recipe. DuckDB and PostgreSQL share the standard macros.
 */

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'clickhouse', 'snowflake'] as const;
export type Dialect = (typeof DIALECTS)[number];
export type PeriodUnit = 'day' | 'week' | 'month';

/** The few places where engines differ. `tz` is an IANA zone, checked before it gets here. */
export interface Macros {
  /** Type-7 percentile of `expr` over the group, nulls ignored. */
  percentile(p: number, expr: string): string;
  /** Rows of the group where `cond` holds. */
  filteredCount(cond: string): string;
  /** `to − from` in seconds, fractional. */
  secondsBetween(from: string, to: string): string;
  /** The calendar day of a timestamp in `tz`. */
  localDay(ts: string, tz: string): string;
  /** The first day of the day, ISO week (Monday) or month holding a timestamp, in `tz`. */
  periodStart(unit: PeriodUnit, ts: string, tz: string): string;
  /** Bitwise OR over the group of `1 << bit` (a set of up to 63 members as a 64-bit mask). */
  setMask(bit: string): string;
  /** `YYYY-MM-DD` text of a date. */
  dateText(date: string): string;
  /** A date literal (`YYYY-MM-DD`, checked before it gets here). */
  date(iso: string): string;
  text(expr: string): string;
  double(expr: string): string;
  bigint(expr: string): string;
  /** A column a recipe returns, as the engine must write it to give it back in lower case. */
  out(name: string): string;
  /** A text column where `''` means nothing (warehouse tables often keep `''`; the loaders of DuckDB and PostgreSQL
   * already read it as NULL). */
  present(column: string): string;
  /** Statements printed before the recipe (helper functions). */
  prelude?: string;
}

const bareName = (name: string) => name;
const nothingIfEmpty = (column: string) => `NULLIF(${column}, '')`;

/** A UTC wall-clock TIMESTAMP as the wall clock of `tz`. */
const standardLocal = (ts: string, tz: string) =>
  tz === 'UTC' ? ts : `((${ts} AT TIME ZONE 'UTC') AT TIME ZONE '${tz}')`;

const standard: Macros = {
  percentile: (p, e) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${e})`,
  filteredCount: (c) => `count(*) FILTER (WHERE ${c})`,
  secondsBetween: (a, b) => `CAST(EXTRACT(EPOCH FROM (${b} - ${a})) AS DOUBLE PRECISION)`,
  // Canonical timestamps are TIMESTAMP in UTC here: UTC days are a cast; another zone converts through TIMESTAMPTZ.
  localDay: (ts, tz) => `CAST(${standardLocal(ts, tz)} AS DATE)`,
  periodStart: (u, ts, tz) =>
    u === 'day' ? standard.localDay(ts, tz) : `CAST(date_trunc('${u}', ${standardLocal(ts, tz)}) AS DATE)`,
  setMask: (bit) => `bit_or(CAST(1 AS BIGINT) << CAST(${bit} AS INTEGER))`,
  dateText: (d) => `CAST(${d} AS VARCHAR)`,
  date: (iso) => `DATE '${iso}'`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  out: bareName,
  present: bareName,
};

const BQ_PERCENTILE = `-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));
`;

/** Per dialect. DuckDB and PostgreSQL share the standard text: that is the point. */
export const MACROS: Record<Dialect, Macros> = {
  duckdb: standard,
  postgres: standard,
  bigquery: {
    percentile: (p, e) =>
      `kpi_percentile(ARRAY_AGG(CAST(${e} AS FLOAT64) IGNORE NULLS ORDER BY CAST(${e} AS FLOAT64)), ${p})`,
    filteredCount: (c) => `COUNTIF(${c})`,
    secondsBetween: (a, b) => `(TIMESTAMP_DIFF(${b}, ${a}, MICROSECOND) / 1e6)`,
    localDay: (ts, tz) => `DATE(${ts}, '${tz}')`,
    periodStart: (u, ts, tz) =>
      u === 'day' ? `DATE(${ts}, '${tz}')` : `DATE_TRUNC(DATE(${ts}, '${tz}'), ${u === 'week' ? 'ISOWEEK' : 'MONTH'})`,
    setMask: (bit) => `BIT_OR(1 << ${bit})`,
    dateText: (d) => `FORMAT_DATE('%F', ${d})`,
    date: (iso) => `DATE '${iso}'`,
    text: (e) => `CAST(${e} AS STRING)`,
    double: (e) => `CAST(${e} AS FLOAT64)`,
    bigint: (e) => `CAST(${e} AS INT64)`,
    out: bareName,
    present: nothingIfEmpty,
    prelude: BQ_PERCENTILE,
  },
  clickhouse: {
    // Type 7, like percentile_cont, written out on the sorted values (a: the values, h: the rank) so the arithmetic is
    // the other engines' to the last bit (quantileExactInclusive interpolates in another order).
    percentile: (p, e) =>
      `arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + ` +
      `(a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), ` +
      `[(greatest(length(a), 1) - 1) * ${p}])[1], ` +
      `[arraySort(groupArray(toFloat64(${e})))])[1]`,
    filteredCount: (c) => `countIf(${c})`,
    secondsBetween: (a, b) => `(dateDiff('microsecond', ${a}, ${b}) / 1e6)`,
    localDay: (ts, tz) => `toDate(${ts}, '${tz}')`,
    periodStart: (u, ts, tz) =>
      u === 'day'
        ? `toDate(${ts}, '${tz}')`
        : u === 'week'
          ? `toMonday(${ts}, '${tz}')`
          : `toStartOfMonth(${ts}, '${tz}')`,
    setMask: (bit) => `groupBitOr(bitShiftLeft(toUInt64(1), ${bit}))`,
    dateText: (d) => `toString(${d})`,
    date: (iso) => `toDate('${iso}')`,
    text: (e) => `toString(${e})`,
    double: (e) => `toFloat64(${e})`,
    bigint: (e) => `toInt64(${e})`,
    out: bareName,
    present: nothingIfEmpty,
  },
  snowflake: {
    percentile: (p, e) => `PERCENTILE_CONT(${p}) WITHIN GROUP (ORDER BY ${e})`,
    filteredCount: (c) => `COUNT_IF(${c})`,
    secondsBetween: (a, b) => `(DATEDIFF('microsecond', ${a}, ${b}) / 1e6)`,
    // Timestamps are TIMESTAMP_NTZ holding UTC: the three-argument CONVERT_TIMEZONE says so, whatever the session's
    // TIMEZONE (the two-argument form would read them in the session's zone).
    localDay: (ts, tz) => (tz === 'UTC' ? `TO_DATE(${ts})` : `TO_DATE(CONVERT_TIMEZONE('UTC', '${tz}', ${ts}))`),
    // DATE_TRUNC('week') starts on Monday with the default WEEK_START = 0.
    periodStart: (u, ts, tz) =>
      u === 'day' ? MACROS.snowflake.localDay(ts, tz) : `DATE_TRUNC('${u}', ${MACROS.snowflake.localDay(ts, tz)})`,
    setMask: (bit) => `BITOR_AGG(BITSHIFTLEFT(1, ${bit}))`,
    dateText: (d) => `TO_VARCHAR(${d}, 'YYYY-MM-DD')`,
    date: (iso) => `DATE '${iso}'`,
    text: (e) => `CAST(${e} AS VARCHAR)`,
    double: (e) => `CAST(${e} AS DOUBLE)`,
    bigint: (e) => `CAST(${e} AS BIGINT)`,
    // Snowflake gives unquoted names back in upper case; quoted, they come back as the builders read them.
    out: (name) => `"${name}"`,
    present: nothingIfEmpty,
  },
};

/** An IANA time zone (`America/Sao_Paulo`, `UTC`); throws a plain message otherwise. */
export function checkTimeZone(tz: string): string {
  try {
    if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) throw new Error();
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    throw new Error(`--tz: expected an IANA time zone such as UTC or America/Sao_Paulo, got ${JSON.stringify(tz)}`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function checkDate(name: string, d: string): string {
  if (
    !ISO_DATE.test(d) ||
    Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ||
    new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d
  ) {
    throw new Error(`--${name}: expected a date YYYY-MM-DD, got ${JSON.stringify(d)}`);
  }
  return d;
}
export function pick<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${what}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** A recipe: named queries, each returning flat rows. */
export type Recipe = Record<string, string>;

export interface RecipeContext {
  dialect?: Dialect;
  /** The relation holding canonical orders (default `orders`). */
  orders?: string;
  /** The relation holding canonical events (default `events`). */
  events?: string;
  /** The relation holding canonical frictions (default `frictions`). */
  frictions?: string;
  /** Time zone of days, weeks and months (default UTC). */
  tz?: string;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * How many parts a table's name may have on each engine, which other parts it takes besides plain identifiers
 * (`project`: the first of a full name), and how the name is written.
 */
const NAMES: Record<
  Dialect,
  { parts: number; example: string; other?: (part: string, project: boolean) => boolean; quote?: (n: string) => string }
> = {
  duckdb: { parts: 3, example: 'catalog.schema.table' },
  postgres: { parts: 2, example: 'schema.table' },
  clickhouse: { parts: 2, example: 'database.table' },
  // A project id has lower-case letters, digits and hyphens: a name with a hyphen is quoted whole in backticks.
  bigquery: {
    parts: 3,
    example: 'project.dataset.table',
    other: (part, project) => project && /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(part),
    quote: (n) => (n.includes('-') ? `\`${n}\`` : n),
  },
  // Unquoted, as users write them: Snowflake resolves DB.SCHEMA.ORDERS and db.schema.orders alike.
  snowflake: { parts: 3, example: 'DB.SCHEMA.TABLE', other: (part) => /^[A-Za-z_][A-Za-z0-9_$]*$/.test(part) },
};

/**
 * A table's name as `dialect` reads it: one to three parts (`project.dataset.table` on BigQuery, `DB.SCHEMA.TABLE` on
 * Snowflake, `database.table` on ClickHouse), each a plain identifier, quoted where the dialect requires; anything
 * else (quotes, spaces, semicolons, an empty part) is refused, never pasted.
 */
export function relation(name: string, value: string | undefined, dialect: Dialect = 'duckdb'): string {
  const rel = value ?? name;
  const rule = NAMES[dialect];
  const parts = rel.split('.');
  const full = parts.length === rule.parts && rule.parts === 3;
  if (
    parts.length > rule.parts ||
    !parts.every((p, i) => PLAIN_NAME.test(p) || (rule.other?.(p, full && i === 0) ?? false))
  )
    throw new Error(
      `--${name}: expected a table name (letters, digits, _; up to ${rule.parts} parts, ${rule.example}), ` +
        `got ${JSON.stringify(rel)}`,
    );
  return rule.quote ? rule.quote(rel) : rel;
}

/** A recipe as one printable script for `dialect`, each query under a comment with its name. */
export function printRecipe(recipe: Recipe, dialect: Dialect): string {
  const prelude = MACROS[dialect].prelude;
  return `${prelude ? `${prelude}\n` : ''}${Object.entries(recipe)
    .map(([name, sql]) => `-- ${name}\n${sql};\n`)
    .join('\n')}`;
}
