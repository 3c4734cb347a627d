/**
 * Everything `<kpi-regional-sla>` prints, as plain data. The metric columns are
 * descriptors ({@link SLA_COLUMNS}): the same entry drives the header, the cells,
 * the sort key and the CSV export, so a new column (a P95, say)
 * is one entry here plus its field in the cell.
 */
import type { RegionalSlaDoc, SlaMetric, SlaUnit } from '../schema/regional-sla.js';
import type { RegionalSlaMessages } from '../i18n/en/regional-sla.js';
import type { TextKey, Translator } from '../i18n/index.js';
import {
  metricStatusCounts,
  type SlaCell,
  type SlaRow,
  type SlaStatus,
  type SlaSummary,
  type SortDir,
  type SortKey,
} from '../compute/regional-sla.js';
import { targetBar } from '../layout/columns.js';
import { formatInUnit, formatInteger, formatPercent, type DurationUnit } from '../format/index.js';

export interface SlaOptions {
  locale: string;
  t: Translator<RegionalSlaMessages>;
}

/** One column shown for every metric. */
export interface SlaColumn {
  /** The cell field it shows; with the metric id, its sort key (`<metricId>:<field>`). */
  field: 'p50' | 'p90' | 'breach';
  /** Durations are written in the metric's unit; rates as percentages. */
  kind: 'duration' | 'percent';
  /** The short header, and the long name (CSV headers, screen readers). */
  header: TextKey<RegionalSlaMessages>;
  long: TextKey<RegionalSlaMessages>;
  /** The column that carries the status icon and the target bar. */
  status?: boolean;
}

export const SLA_COLUMNS: readonly SlaColumn[] = [
  { field: 'p50', kind: 'duration', header: 'p50', long: 'p50Long' },
  { field: 'p90', kind: 'duration', header: 'p90', long: 'p90Long', status: true },
  { field: 'breach', kind: 'percent', header: 'breach', long: 'breachLong' },
];

/** The status names' message keys. */
export const STATUS_TEXT: Record<SlaStatus, 'within' | 'atRisk' | 'breached'> = {
  within: 'within',
  'at-risk': 'atRisk',
  breached: 'breached',
};
export const STATUSES: readonly SlaStatus[] = ['within', 'at-risk', 'breached'];

/**
 * Every p50 and p90 with one decimal: one precision for the table's durations, so a row reads
 * "6.1 days" beside "12.0 days" (measured percentiles are rarely whole), never "12 days".
 */
export const DURATION_DIGITS = 1;

const UNIT: Record<SlaUnit, DurationUnit> = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' };
/** The bar's scale ends at this multiple of the target (the target line sits at 40%). */
const BAR_SPAN = 2.5;

export interface SlaCellView {
  /** The column's text (or `noData`). */
  text: string;
  /** For the status column of a cell with data: its status, its name for screen readers and its bar. */
  status?: { status: SlaStatus; name: string; bar: ReturnType<typeof targetBar> };
  numeric: boolean;
  /** The metric has no status for this row (no p50 or p90): the cell is dimmed. */
  missing: boolean;
}

/** A number of the column in the metric's terms. */
function columnText(col: SlaColumn, metric: SlaMetric, cell: SlaCell, o: SlaOptions): string {
  const v = cell[col.field];
  if (v === null) return o.t('noData');
  return col.kind === 'percent'
    ? formatPercent(o.locale, v, 1)
    : formatInUnit(o.locale, v, UNIT[metric.unit], DURATION_DIGITS);
}

/** The cells of one metric, one per column. */
export function metricCells(metric: SlaMetric, cell: SlaCell, o: SlaOptions): SlaCellView[] {
  return SLA_COLUMNS.map((col) => {
    const text = columnText(col, metric, cell, o);
    const numeric = !col.status;
    const missing = cell.status === null;
    if (!col.status || cell.status === null) return { text, numeric, missing };
    return {
      text,
      numeric,
      missing,
      status: {
        status: cell.status,
        name: o.t(STATUS_TEXT[cell.status]),
        bar: targetBar(metric.target, cell.p50, cell.p90, BAR_SPAN),
      },
    };
  });
}

export interface SlaHeaderView {
  metrics: { label: string; target: string }[];
  /** Sortable column headers, in table order. */
  /** `context`: the metric a column belongs to, for screen readers (three columns per metric share their names). */
  columns: {
    key: SortKey;
    label: string;
    numeric: boolean;
    wide?: boolean;
    sticky?: boolean;
    context?: string;
    sort: 'ascending' | 'descending' | 'none';
  }[];
}

/** The two header rows: metric names with their targets, then the sortable columns. */
export function slaHeader(
  doc: Pick<RegionalSlaDoc, 'metrics'>,
  showGroup: boolean,
  sort: SortKey,
  dir: SortDir,
  o: SlaOptions,
): SlaHeaderView {
  const { t } = o;
  const col = (
    key: SortKey,
    label: string,
    numeric: boolean,
    extra: { wide?: boolean; sticky?: boolean; context?: string } = {},
  ) => ({ key, label, numeric, ...extra, sort: sort === key ? dir : ('none' as const) });
  return {
    metrics: doc.metrics.map((m) => ({
      label: m.label,
      target: t('target', { value: formatInUnit(o.locale, m.target, UNIT[m.unit]) }),
    })),
    columns: [
      col('label', t('region'), false, { sticky: true }),
      ...(showGroup ? [col('group', t('group'), false)] : []),
      col('volume', t('volume'), true),
      ...doc.metrics.flatMap((m) =>
        SLA_COLUMNS.map((c) =>
          col(`${m.id}:${c.field}`, t(c.header), !c.status, { wide: Boolean(c.status), context: m.label }),
        ),
      ),
    ],
  };
}

/**
 * The grid tracks every row of the table shares (`cols`, for `grid-template-columns`) and the width below which the
 * table scrolls sideways (`min`, a CSS length): rows laid out alone must agree on their columns, so each column has a
 * fixed least width in em (numbers, durations and the group name fit it at any font size) and a share of the rest.
 * The region column is `--_label-w`, the P90 column (status, figure and bar) `--_p90-w`.
 */
export function slaTracks(columns: readonly Pick<SlaHeaderView['columns'][number], 'key' | 'sticky' | 'wide'>[]): {
  cols: string;
  min: string;
} {
  const least = columns.map((c) =>
    c.sticky ? 'var(--_label-w)' : c.wide ? 'var(--_p90-w)' : c.key === 'group' ? '8em' : '6.5em',
  );
  const cols = columns.map((c, i) => (c.sticky ? least[i]! : `minmax(${least[i]}, ${c.wide ? 1.5 : 1}fr)`));
  return { cols: cols.join(' '), min: `calc(${least.join(' + ')})` };
}

export interface SlaRowView {
  id: string;
  label: string;
  sub: string;
  group: string;
  volume: string;
  cells: SlaCellView[];
}

/** One region row (`repeat`: labels repeat across groups, so the group is shown next to the id). */
export function slaRowView(
  doc: Pick<RegionalSlaDoc, 'metrics'>,
  r: SlaRow,
  repeat: boolean,
  showGroup: boolean,
  o: SlaOptions,
): SlaRowView {
  return {
    id: r.id,
    label: r.label,
    sub: repeat && r.group && !showGroup ? `${r.id} · ${r.group}` : r.id,
    group: r.group,
    volume: formatInteger(o.locale, r.volume),
    cells: doc.metrics.flatMap((m) => metricCells(m, r.cells[m.id]!, o)),
  };
}

/** A group's subtotal or the total row. */
export function slaSummaryRow(
  doc: Pick<RegionalSlaDoc, 'metrics'>,
  label: string,
  s: SlaSummary,
  o: SlaOptions,
): SlaRowView {
  return {
    id: '',
    label,
    sub: o.t('subtotal', { count: s.regions }),
    group: '',
    volume: formatInteger(o.locale, s.volume),
    cells: doc.metrics.flatMap((m) => metricCells(m, s.cells[m.id]!, o)),
  };
}

/**
 * How many regions are shown ("1 of 27 regions"), or, when none are, that none match `query`:
 * the status line's count, and what screen readers hear once typing in the filter stops.
 */
export function slaFilterAnnouncement(
  doc: Pick<RegionalSlaDoc, 'regions'>,
  shown: number,
  query: string,
  o: SlaOptions,
): string {
  return shown || !query
    ? o.t('shown', { shown: formatInteger(o.locale, shown), count: doc.regions.length })
    : o.t('noMatches', { query });
}

/**
 * The status line over the table: regions shown, then per metric how many are within, at risk and
 * breached (`counts`, one per metric, when the caller keeps them: they only change with the rows shown).
 */
export function slaStatusLine(
  doc: Pick<RegionalSlaDoc, 'metrics' | 'regions'>,
  shown: readonly SlaRow[],
  o: SlaOptions,
  counts = metricStatusCounts(shown, doc.metrics),
): { count: string; metrics: { label: string; text: string }[] } {
  const { t } = o;
  const n = (v: number) => formatInteger(o.locale, v);
  return {
    count: slaFilterAnnouncement(doc, shown.length, '', o),
    metrics: doc.metrics.map((m, i) => {
      const c = counts[i]!;
      return {
        label: m.label,
        text: t('statusLine', { within: n(c.within), risk: n(c['at-risk']), breached: n(c.breached) }),
      };
    }),
  };
}
