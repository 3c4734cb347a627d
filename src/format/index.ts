/**
 * Memoised `Intl` formatters. Every function returns a string and never lets
 * `NaN`, `Infinity`, `null` or `undefined` through: a missing or non-finite
 * value becomes {@link NO_VALUE}. Dates are calendar dates, formatted in UTC.
 */

/** What the widgets show for "no data". */
export const NO_VALUE = '—';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), options);
    cache.set(key, f);
  }
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(safeLocale(locale), { timeZone: 'UTC', ...options });
    cache.set(key, f);
  }
  return f;
}

const localeOk = new Map<string, string>();
/** A locale tag Intl accepts (`en` when the given one is malformed). */
export function safeLocale(locale: string | undefined): string {
  const tag = locale || 'en';
  let ok = localeOk.get(tag);
  if (ok === undefined) {
    try {
      ok = Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      ok = 'en';
    }
    localeOk.set(tag, ok);
  }
  return ok;
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** 182340 → "182,340" (en) / "182.340" (pt-BR). */
export function formatInteger(locale: string, value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A plain number with up to `digits` decimals. */
export function formatNumber(locale: string, value: number | null | undefined, digits = 2): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** 182340 → "182K" (en) / "182 mil" (pt-BR). */
export function formatCompact(locale: string, value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export interface CurrencyOptions {
  /** Compact notation for large amounts ("R$ 1,4 mi"). */
  compact?: boolean;
  /** Decimals; defaults to the currency's own minor units. */
  digits?: number;
}

/** 612480.5 BRL → "R$ 612.480,50" (pt-BR). Without a currency, a plain number. */
export function formatCurrency(
  locale: string,
  value: number | null | undefined,
  currency: string | undefined,
  options: CurrencyOptions = {},
): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  if (!currency) return options.compact ? formatCompact(locale, value) : formatNumber(locale, value);
  const opts: Intl.NumberFormatOptions = { style: 'currency', currency };
  if (options.compact) Object.assign(opts, { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  else if (options.digits !== undefined)
    Object.assign(opts, { minimumFractionDigits: options.digits, maximumFractionDigits: options.digits });
  try {
    return numberFormat(locale, opts).format(value);
  } catch {
    return `${formatNumber(locale, value)} ${currency}`;
  }
}

/**
 * A fraction as a percentage: 0.0171 → "1.7%" / "1,7%". Given `digits`, exactly that many (a column's one precision:
 * "16.0%" beside "29.8%").
 * `digits` defaults to 1 decimal, and 2 below 1%, so small rates are not shown as 0%.
 */
export function formatPercent(locale: string, fraction: number | null | undefined, digits?: number): string {
  if (!isFiniteNumber(fraction)) return NO_VALUE;
  const d = digits ?? (Math.abs(fraction) < 0.01 && fraction !== 0 ? 2 : 1);
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: d,
  }).format(fraction);
}

/** A signed change in percentage points: +2.3 pp. */
export function formatPointsDelta(locale: string, deltaFraction: number | null | undefined): string {
  if (!isFiniteNumber(deltaFraction)) return NO_VALUE;
  const pts = numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(deltaFraction * 100);
  return `${pts} p.p.`;
}

/** A signed relative change: +12.5%. */
export function formatSignedPercent(locale: string, fraction: number | null | undefined): string {
  if (!isFiniteNumber(fraction)) return NO_VALUE;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    fraction,
  );
}

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day';
const UNIT_SECONDS: Record<DurationUnit, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };

/** The natural unit for a duration in seconds. */
export function durationUnit(seconds: number): DurationUnit {
  const s = Math.abs(seconds);
  if (s < 60) return 'second';
  if (s < 3600) return 'minute';
  if (s < 86400) return 'hour';
  return 'day';
}

/**
 * A duration given in seconds, in its natural unit: 42 → "42 s", 1469 → "24 min",
 * 154243 → "1.8 days" (en) / "1,8 dia" (pt-BR). `unit` forces a unit.
 */
export function formatDuration(
  locale: string,
  seconds: number | null | undefined,
  unit?: DurationUnit,
  style: 'short' | 'long' | 'narrow' = 'short',
  digits?: number,
): string {
  if (!isFiniteNumber(seconds)) return NO_VALUE;
  const u = unit ?? durationUnit(seconds);
  const v = seconds / UNIT_SECONDS[u];
  return numberFormat(locale, {
    style: 'unit',
    unit: u,
    unitDisplay: style,
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? (Math.abs(v) < 10 && v !== Math.round(v) ? 1 : 0),
  }).format(v);
}

/**
 * A value expressed in a named unit (not seconds): 7.2 days → "7.2 days"; `digits` fixes the decimals (a column's one
 * precision).
 */
export function formatInUnit(
  locale: string,
  value: number | null | undefined,
  unit: DurationUnit,
  digits?: number,
): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  return formatDuration(locale, value * UNIT_SECONDS[unit], unit, 'short', digits);
}

function parseDate(iso: string): Date | null {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-10-01" → "Oct 1, 2026" / "1 de out. de 2026". */
export function formatDate(
  locale: string,
  iso: string | null | undefined,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  if (!iso) return NO_VALUE;
  const d = parseDate(iso);
  return d ? dateFormat(locale, options).format(d) : NO_VALUE;
}

/** A short month label for series axes: "Oct 2026" / "out. de 2026". */
export function formatMonth(locale: string, iso: string | null | undefined): string {
  return formatDate(locale, iso, { month: 'short', year: 'numeric' });
}

/** An inclusive period: "Oct 1 – 31, 2026". */
export function formatDateRange(locale: string, from: string | undefined, to: string | undefined): string {
  if (!from || !to) return NO_VALUE;
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return NO_VALUE;
  const f = dateFormat(locale, { dateStyle: 'medium' }) as Intl.DateTimeFormat & {
    formatRange?: (x: Date, y: Date) => string;
  };
  return typeof f.formatRange === 'function' ? f.formatRange(a, b) : `${f.format(a)} – ${f.format(b)}`;
}

/** A date-time (e.g. `generatedAt`) with date and time, in UTC. */
export function formatDateTime(locale: string, iso: string | null | undefined): string {
  return formatDate(locale, iso, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How a metric's values are written (the channels contract's `format`; the cohort grid's modes map onto it). */
export type ValueFormat = 'currency' | 'integer' | 'number' | 'percent' | 'duration';

export interface ValueOptions {
  /** ISO 4217 code for `currency`. */
  currency?: string | undefined;
  /**
   * Short forms for large values: money from 10,000 ("R$ 61,8 mi"), counts from 100,000 ("182 mil"), plain numbers
   * always.
   */
  compact?: boolean;
  /** With `compact`, where short forms start instead ({@link styleFor} sets it for a set of values). */
  compactFrom?: number;
  /** Money below this (and not zero) keeps its cents; default 1,000. */
  centsBelow?: number;
  /** Decimals of a percentage (default: formatPercent's); a tiny non-zero rate then reads "<0.1%", never "0.0%". */
  percentDigits?: number;
}

/**
 * The one formatter for a metric's value in tiles, tables, cells and axes, so a
 * currency, count or rate reads the same in every widget. Null is a dash.
 */
export function formatValue(
  locale: string,
  format: ValueFormat,
  v: number | null | undefined,
  o: ValueOptions = {},
): string {
  if (!isFiniteNumber(v)) return NO_VALUE;
  const big = Math.abs(v);
  switch (format) {
    case 'currency':
      return o.compact && big >= (o.compactFrom ?? 1e4)
        ? formatCurrency(locale, v, o.currency, { compact: true })
        : formatCurrency(locale, v, o.currency, {
            digits: o.centsBelow === Infinity || (v !== 0 && big < (o.centsBelow ?? 1000)) ? 2 : 0,
          });
    case 'integer':
      return o.compact && big >= (o.compactFrom ?? 1e5)
        ? formatCompact(locale, v)
        : Number.isInteger(v)
          ? formatInteger(locale, v)
          : formatNumber(locale, v, 1);
    case 'percent': {
      const d = o.percentDigits;
      const floor = d === undefined ? 0 : 10 ** -(d + 2);
      return v > 0 && v < floor ? `<${formatPercent(locale, floor, d)}` : formatPercent(locale, v, d);
    }
    case 'duration':
      return formatDuration(locale, v);
    default:
      return o.compact ? formatCompact(locale, v) : formatNumber(locale, v);
  }
}

/**
 * One style for values read together (an axis's ticks, a column, a row of figures, a widget's
 * money), so they read alike: short forms for all when any is large enough for one ("R$ 5 mil"
 * beside "R$ 10 mil", not "R$ 5.000"), cents for all or for none (only when every amount is
 * below `centsBelow`). Pass the result to {@link formatValue} for each value.
 */
export function styleFor(
  format: ValueFormat,
  values: readonly (number | null | undefined)[],
  o: ValueOptions = {},
): ValueOptions {
  const big = values.filter(isFiniteNumber).map(Math.abs);
  return {
    ...o,
    // Short forms from a thousand for all, never below ("R$ 12,5" for twelve reais and a half).
    compactFrom: big.some((v) => v >= (format === 'currency' ? 1e4 : 1e5)) ? 1e3 : Infinity,
    centsBelow: big.every((v) => v < (o.centsBelow ?? 1e3)) ? Infinity : 0,
  };
}
