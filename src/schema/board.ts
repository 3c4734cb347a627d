/**
 * The `board` manifest: one dashboard of widgets with shared filters (contract kind `board`, read by
 * `<kpi-board>`). Which widget kinds exist is the registry's business, so the schema is made for a
 * list of kinds ({@link boardSchemaFor}); src/kinds/contract.ts makes it for every kind.
 */
import * as z from 'zod/mini';
import {
  addIssue,
  arrayOf,
  checkUniqueIds,
  expected,
  id,
  isoDate,
  kindLiteral,
  label,
  version,
  type Ctx,
} from './common.js';

/** The filters a board offers: a period and three multi-select pickers. */
export const BOARD_FILTERS = ['period', 'region', 'channel', 'store'] as const;
export type BoardFilterId = (typeof BOARD_FILTERS)[number];
/** The pickers: the filters whose values come from the server's `/kpi/values/<field>`. */
export type BoardPickerId = Exclude<BoardFilterId, 'period'>;

/** How wide a widget is on the board's grid (every widget is full width below 720 px). */
export const BOARD_SIZES = ['full', 'half', 'third'] as const;
export type BoardSize = (typeof BOARD_SIZES)[number];

/** A URL or path: any text up to 2,000 characters (it is only ever fetched, never put into markup). */
const url = z
  .string(expected('a URL'))
  .check(z.refine((v) => v.length > 0 && v.length <= 2000, expected('a URL of 1 to 2,000 characters')));
const filterId = z.literal(BOARD_FILTERS, expected('"period", "region", "channel" or "store"'));

const boardFilterSchema = z.object(
  {
    id: filterId,
    label: z.optional(label),
    values: z.optional(url),
    asOf: z.optional(isoDate),
  },
  expected('a filter object'),
);

/** The board schema for widgets of `kinds` (the registry's). */
export function boardSchemaFor<K extends string>(kinds: readonly [K, ...K[]]) {
  const kind = z.literal(kinds, expected(kinds.map((k) => `"${k}"`).join(', ')));
  const widget = z.object(
    {
      id,
      kind,
      src: url,
      title: z.optional(label),
      filters: z.optional(arrayOf(filterId, 'filter ids')),
      select: z.optional(z.catchall(z.object({}, expected('an object')), filterId)),
      size: z.optional(z.literal(BOARD_SIZES, expected('"full", "half" or "third"'))),
    },
    expected('a widget object'),
  );
  return z
    .object(
      {
        kind: kindLiteral('board'),
        version,
        title: z.optional(label),
        subtitle: z.optional(label),
        locale: z.optional(z.string(expected('a BCP 47 locale such as "pt-BR"'))),
        filters: z.optional(arrayOf(boardFilterSchema, 'filters')),
        widgets: arrayOf(widget, 'widgets', 1),
      },
      expected('a board manifest (an object)'),
    )
    .check(
      z.superRefine((doc, ctx) => {
        const c = ctx as unknown as Ctx;
        const filters = doc.filters ?? [];
        checkUniqueIds(c, filters, ['filters']);
        checkUniqueIds(c, doc.widgets, ['widgets']);
        const declared = new Set<string>(filters.map((f) => f.id));
        doc.widgets.forEach((w, i) => {
          (w.filters ?? []).forEach((f, j) => {
            if (!declared.has(f))
              addIssue(c, ['widgets', i, 'filters', j], `expected a declared filter, got "${f}"`, f);
          });
          for (const [type, f] of Object.entries(w.select ?? {}))
            if (!declared.has(f))
              addIssue(c, ['widgets', i, 'select', type], `expected a declared filter, got "${f}"`, f);
        });
      }),
    );
}

/** A board filter as the manifest declares it. */
export interface BoardFilterSpec {
  id: BoardFilterId;
  label?: string;
  /** Where the picker's values come from (`/kpi/values/region`); none: the picker is not offered. */
  values?: string;
  /** The period filter's "today", for presets over historical data (`2018-08-31`); default today. */
  asOf?: string;
}

/** A widget on a board. */
export interface BoardWidgetSpec<K extends string = string> {
  id: string;
  kind: K;
  src: string;
  title?: string;
  filters?: BoardFilterId[];
  select?: Record<string, BoardFilterId>;
  size?: BoardSize;
}

/** A board manifest. */
export interface BoardManifest<K extends string = string> {
  kind: 'board';
  version: 1;
  title?: string;
  subtitle?: string;
  locale?: string;
  filters?: BoardFilterSpec[];
  widgets: BoardWidgetSpec<K>[];
}

/** The published JSON Schema's descriptions of the board manifest. */
export const BOARD_DOCS = {
  description:
    'A dashboard: widgets of the other kinds, each loaded from its src, with filters shared across them ' +
    '(read by <kpi-board>).',
  fields: {
    title: "The board's title.",
    subtitle: 'A line under the title.',
    locale: 'The locale of the board and every widget on it (BCP 47, e.g. pt-BR); default the page language.',
    filters: 'The filters the filter bar offers, in order.',
    'filters[].id': 'period (a date range), region, channel or store (multi-select pickers).',
    'filters[].label': "The filter's name on screen (default a built-in name in the board's language).",
    'filters[].values':
      "Where a picker's values come from: a URL answering [{ id, label, group?, count }] " +
      '(kpi-kit serve: /kpi/values/<field>); a picker without it is not offered. Ignored on the period.',
    'filters[].asOf':
      'The period filter only (ignored on the others): the day its presets count back from (default today).',
    widgets: 'The widgets, in reading order.',
    'widgets[].id': "The widget's id on the board (unique).",
    'widgets[].kind': 'The kind of KPI document the widget shows.',
    'widgets[].src': "The document's URL; the board appends the widget's filters as query parameters.",
    'widgets[].title':
      'Makes the widget’s cell a region with this name (by default the widget alone is a region, named by its ' +
      'kind and its title).',
    'widgets[].filters': 'The board filters this widget gets (from, to, region, channel, store).',
    'widgets[].filters[]': 'A filter id the board declares.',
    'widgets[].select':
      'Cross-filtering: a kpi-select detail type of this widget (region, channel…) → the board filter it sets.',
    'widgets[].select{}': 'A filter id the board declares.',
    'widgets[].size': 'full, half or third of the board width (full below 720 px; default full).',
  },
} as const;
