/**
 * The board's filter state and what follows from it, as pure functions: the page's query string
 * both ways, the period presets, each widget's URL, which widgets a change concerns, cross-filter
 * picks, the chips and the announcement. `<kpi-board>` only displays what these return.
 */
import { isRealDate } from '../schema/common.js';
import { foldText } from '../compute/common.js';
import { formatDate, formatDateRange } from '../format/index.js';
import type { Translator } from '../i18n/index.js';
import type { BoardMessages } from '../i18n/en/board.js';
import type { BoardFilterId, BoardFilterSpec, BoardPickerId, BoardWidgetSpec } from '../schema/board.js';

/** The board's filters: a date range (both ends inclusive, ISO days) and the values picked per picker. */
export interface BoardFilters {
  from?: string;
  to?: string;
  region: string[];
  channel: string[];
  store: string[];
}

export const PICKERS: readonly BoardPickerId[] = ['region', 'channel', 'store'];

/** Most values one picker holds (the server's limit per filter). */
export const MAX_FILTER_VALUES = 100;

export const noFilters = (): BoardFilters => ({ region: [], channel: [], store: [] });

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);
}

/** Each key of {@link BoardFilters} with the board filter it belongs to. */
const KEYS = [
  ['from', 'period'],
  ['to', 'period'],
  ['region', 'region'],
  ['channel', 'channel'],
  ['store', 'store'],
] as const;

/**
 * Filters from anything a host or a URL gives: bad dates are dropped, a reversed range is put in order; a picker's
 * values are texts, trimmed, non-empty, up to 200 characters, without repeats, at most 100. Never throws.
 */
export function normaliseFilters(input: unknown): BoardFilters {
  const o = Object(input) as Record<string, unknown>;
  const list = (v: unknown) =>
    [
      ...new Set(
        [v]
          .flat()
          .filter((x): x is string => typeof x === 'string')
          .map((x) => x.trim())
          .filter((x) => x && x.length <= 200),
      ),
    ].slice(0, MAX_FILTER_VALUES);
  const [from, to] = [o['from'], o['to']].filter(isIsoDay).sort();
  const out: BoardFilters = { region: list(o['region']), channel: list(o['channel']), store: list(o['store']) };
  // One date given: it is the end it was given as.
  if (to) Object.assign(out, { from, to });
  else if (from) out[isIsoDay(o['from']) ? 'from' : 'to'] = from;
  return out;
}

/** The filters a query string holds (`?from=2018-01-01&region=BR-SP&region=BR-RJ`). */
export function filtersFromQuery(query: string | URLSearchParams): BoardFilters {
  const q = new URLSearchParams(query);
  return normaliseFilters(Object.fromEntries(KEYS.map(([k, f]) => [k, f === 'period' ? q.get(k) : q.getAll(k)])));
}

/** Writes the filters of `only` (default all) into `params` in place of those it held; other parameters stay. */
export function writeFilters(params: URLSearchParams, filters: BoardFilters, only?: readonly BoardFilterId[]): void {
  for (const [key, filter] of KEYS)
    if (!only || only.includes(filter)) {
      params.delete(key);
      for (const v of [filters[key] ?? []].flat()) params.append(key, v);
    }
}

/** The page's query string with `filters` in it (other parameters kept), `?`-prefixed or empty. */
export function queryWithFilters(search: string, filters: BoardFilters): string {
  const params = new URLSearchParams(search);
  writeFilters(params, filters);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function sameFilters(a: BoardFilters, b: BoardFilters): boolean {
  return !changedFilters(a, b).length;
}

/** A board filter's active state (period: a range is set; a picker: a value is picked). */
export function isActive(filters: BoardFilters, id: BoardFilterId): boolean {
  return KEYS.some(([key, f]) => f === id && [filters[key] ?? []].flat().length > 0);
}

/** The filter ids whose values differ between `a` and `b`. */
export function changedFilters(a: BoardFilters, b: BoardFilters): BoardFilterId[] {
  const text = (f: BoardFilters, key: keyof BoardFilters) => [f[key] ?? []].flat().join('\u0000');
  return [...new Set(KEYS.filter(([key]) => text(a, key) !== text(b, key)).map(([, f]) => f))];
}

/** A src that is a plain file (its path ends in `.json`): no server reads query parameters there. */
export function isStaticSrc(src: string): boolean {
  return /^[^?#]*\.json([?#]|$)/i.test(src);
}

/** The filters a widget gets: those it lists that the board declares, none for a static file. */
export function widgetFilters(widget: BoardWidgetSpec, declared: readonly BoardFilterId[]): BoardFilterId[] {
  if (isStaticSrc(widget.src)) return [];
  return (widget.filters ?? []).filter((f) => declared.includes(f));
}

/**
 * A widget's URL with its filters as the server's query parameters, each replacing the same parameter in `src`.
 * Relative sources stay relative.
 */
export function widgetUrl(src: string, filters: BoardFilters, listed: readonly BoardFilterId[]): string {
  const q = src.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : src.slice(q + 1));
  writeFilters(
    params,
    filters,
    listed.filter((f) => isActive(filters, f)),
  );
  const s = params.toString();
  return `${q < 0 ? src : src.slice(0, q)}${s ? `?${s}` : ''}`;
}

/** The widgets whose URL a change of `changed` filters alters (a static file, or one not listing them, stays). */
export function widgetsConcerned(
  widgets: readonly BoardWidgetSpec[],
  declared: readonly BoardFilterId[],
  changed: readonly BoardFilterId[],
): string[] {
  return widgets.filter((w) => widgetFilters(w, declared).some((f) => changed.includes(f))).map((w) => w.id);
}

/** The filters the bar offers: the declared ones that some widget can apply (a picker also needs its values URL). */
export function offeredFilters(
  specs: readonly BoardFilterSpec[],
  widgets: readonly BoardWidgetSpec[],
): BoardFilterSpec[] {
  const declared = specs.map((s) => s.id);
  const used = new Set(widgets.flatMap((w) => widgetFilters(w, declared)));
  return specs.filter((s) => used.has(s.id) && (s.id === 'period' || s.values !== undefined));
}

// ---- The period: presets counted back from a day. ----

export const PERIOD_PRESETS = ['all', 'this-month', 'last-30', 'last-90', 'this-year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** `iso` moved by `n` days. */
function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The local calendar day of `ms` (a clock's time): what "today" is for someone reading the board. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The range of a preset ending on `today` (inclusive), or no range for `all` and `custom`. */
export function presetRange(preset: PeriodPreset, today: string): { from?: string; to?: string } {
  const from = {
    'this-month': `${today.slice(0, 7)}-01`,
    'last-30': addDays(today, -29),
    'last-90': addDays(today, -89),
    'this-year': `${today.slice(0, 4)}-01-01`,
  }[preset as string];
  return from ? { from, to: today } : {};
}

/** The preset a range is (what the period picker shows), `custom` when it is none of them. */
export function presetOf(filters: Pick<BoardFilters, 'from' | 'to'>, today: string): PeriodPreset {
  return filters.from || filters.to
    ? (PERIOD_PRESETS.find((p) => {
        const r = presetRange(p, today);
        return r.from === filters.from && r.to === filters.to;
      }) ?? 'custom')
    : 'all';
}

// ---- Cross-filtering. ----

/**
 * The filters after a widget's pick (`kpi-select` detail `{ type, id }`) through its `select` map: the picked value
 * becomes the filter's only value, or, picked again, is removed. Null when the widget maps no filter to that type, or
 * the board does not declare it.
 */
export function applyPick(
  filters: BoardFilters,
  widget: BoardWidgetSpec,
  declared: readonly BoardFilterId[],
  detail: { type?: unknown; id?: unknown },
): { filters: BoardFilters; filter: BoardPickerId } | null {
  // An inherited key ("constructor") is no declared filter, so it is refused with the rest.
  const target = widget.select?.[String(detail.type)];
  const id = detail.id;
  if (typeof id !== 'string' || !id || target === 'period' || !declared.includes(target!)) return null;
  const current = filters[target!];
  const next = current.length === 1 && current[0] === id ? [] : [id];
  return { filters: { ...filters, [target!]: next }, filter: target! };
}

// ---- What the bar shows and says. ----

/** A picker's value as the server lists it. */
export interface FilterValue {
  id: string;
  label: string;
  group?: string;
  count: number;
}

/** Values from a `/kpi/values/<field>` answer: well-formed items only, at most 5,000. */
export function readFilterValues(json: unknown): FilterValue[] {
  const out = new Map<string, FilterValue>();
  for (const v of [json ?? []].flat().slice(0, 5000) as Partial<Record<keyof FilterValue, unknown>>[]) {
    const { id, label, group } = v ?? {};
    if (typeof id !== 'string' || !id || id.length > 200 || out.has(id)) continue;
    out.set(id, {
      id,
      label: (typeof label === 'string' && label.trim()) || id,
      ...(typeof group === 'string' && group ? { group } : {}),
      count: Math.max(0, Math.round(Number(v.count))) || 0,
    });
  }
  return [...out.values()];
}

/** Values whose label, id or group holds `query` (case and accents ignored), in their order. */
export function searchValues(values: readonly FilterValue[], query: string): FilterValue[] {
  const q = foldText(query.trim());
  return values.filter((v) => foldText(`${v.label} ${v.id} ${v.group ?? ''}`).includes(q));
}

/** One active filter value, as a removable chip. */
export interface FilterChip {
  filter: BoardFilterId;
  /** The value's id (the period's is `from..to`). */
  value: string;
  /** What the chip shows after the filter's name. */
  text: string;
}

/**
 * The chips of the active filters, in the bar's order: the period as one chip, then each picked value with its label
 * (its id when the values have not loaded or do not list it).
 */
export function filterChips(
  filters: BoardFilters,
  order: readonly BoardFilterId[],
  labelOf: (filter: BoardPickerId, id: string) => string,
  periodText: (from: string | undefined, to: string | undefined) => string,
): FilterChip[] {
  const out: FilterChip[] = [];
  for (const f of order) {
    if (f === 'period') {
      if (isActive(filters, 'period'))
        out.push({
          filter: f,
          value: `${filters.from ?? ''}..${filters.to ?? ''}`,
          text: periodText(filters.from, filters.to),
        });
    } else for (const v of filters[f]) out.push({ filter: f, value: v, text: labelOf(f, v) });
  }
  return out;
}

/** The filters without one chip's value. */
export function withoutChip(filters: BoardFilters, chip: Pick<FilterChip, 'filter' | 'value'>): BoardFilters {
  if (chip.filter === 'period') {
    const { from: _f, to: _t, ...rest } = filters;
    return rest;
  }
  return { ...filters, [chip.filter]: filters[chip.filter].filter((v) => v !== chip.value) };
}

// ---- What the bar and the live region say. ----

/** What a picker's button says: all, the one value picked (its label), or how many. */
export function pickerSummary(
  picked: readonly string[],
  labelOf: (id: string) => string,
  t: Translator<BoardMessages>,
): string {
  return !picked.length ? t('any') : picked.length === 1 ? labelOf(picked[0]!) : t('picked', { count: picked.length });
}

/** The options an open picker lists: the values matching `query`, picked ones first (always in reach), at most max. */
export function pickerOptions(
  values: readonly FilterValue[],
  picked: readonly string[],
  query: string,
  max = 200,
): FilterValue[] {
  const found = searchValues(values, query);
  const on = (v: FilterValue) => picked.includes(v.id);
  return [...found.filter(on), ...found.filter((v) => !on(v))].slice(0, max);
}

/** A picker's values with `value` ticked (last) or unticked. */
export function toggleValue(values: readonly string[], value: string, on: boolean): string[] {
  return [...values.filter((v) => v !== value), ...(on ? [value] : [])];
}

/** The period's chip text: a range in the locale, or an open end shown as "…". */
export function periodText(locale: string, from: string | undefined, to: string | undefined): string {
  const day = (d?: string) => (d ? formatDate(locale, d) : '…');
  return from && to ? formatDateRange(locale, from, to) : `${day(from)} – ${day(to)}`;
}

/** What the live region says after a change: "2 filtros · São Paulo e Rio de Janeiro", or "No filters". */
export function announcement(chips: readonly FilterChip[], locale: string, t: Translator<BoardMessages>): string {
  return chips.length
    ? t('active', { count: chips.length, values: new Intl.ListFormat(locale).format(chips.map((c) => c.text)) })
    : t('noneActive');
}
