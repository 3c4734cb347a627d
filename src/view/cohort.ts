/**
 * Everything `<kpi-cohort-grid>` prints, as plain data: headers, cell texts, the
 * tooltip, the legend and the curve's labels. Rows are made one at a time, so a
 * grid of thousands of cohorts formats only the rows in view.
 */
import type { CohortDoc } from '../schema/cohort.js';
import type { CohortGridMessages } from '../i18n/en/cohort.js';
import type { Translator } from '../i18n/index.js';
import {
  cohortCells,
  domainOf,
  rawValue,
  skipsPeriodZero,
  type CohortMode,
  type CohortModel,
} from '../compute/cohort.js';
import {
  NO_VALUE,
  formatCurrency,
  formatInteger,
  formatPercent,
  formatValue,
  styleFor,
  type ValueFormat,
  type ValueOptions,
} from '../format/index.js';

export interface CohortOptions {
  locale: string;
  t: Translator<CohortGridMessages>;
}

/**
 * The period units' axis names (explicit: no key is built from a value). Modes are message keys themselves (checked by
 * the type).
 */
const AXIS = { day: 'dayAxis', week: 'weekAxis', month: 'monthAxis' } as const satisfies Record<
  CohortDoc['periodUnit'],
  keyof CohortGridMessages
>;

export const modeName = (mode: CohortMode, o: CohortOptions) => o.t(mode);

/**
 * How each mode's values are written: rates to one decimal ("<0.1%" for tiny ones), counts compact past 100,000, money
 * compact past 10,000 and with cents below 100.
 */
const MODE_FORMAT = {
  percent: ['percent', { percentDigits: 1 }],
  churn: ['percent', { percentDigits: 1 }],
  count: ['integer', { compact: true }],
  revenue: ['currency', { compact: true, centsBelow: 100 }],
  ltv: ['currency', { compact: true, centsBelow: 100 }],
} as const satisfies Record<CohortMode, readonly [ValueFormat, ValueOptions]>;

const gridStyles = new WeakMap<object, ValueOptions>();

/**
 * A value of the grid in its mode (empty when there is none), through the kit's one value formatter,
 * in the grid's one style: every cell, average, legend and curve label of the mode alike (compact for
 * all or none, cents for all or none; {@link styleFor} over the model's values, worked out once).
 */
export function formatCohortValue(
  model: Pick<CohortModel, 'mode' | 'rows' | 'average'>,
  v: number | null,
  currency: string | undefined,
  loc: string,
): string {
  if (v === null) return '';
  const [format, options] = MODE_FORMAT[model.mode];
  let style = gridStyles.get(model);
  if (!style)
    gridStyles.set(
      model,
      (style = styleFor(format, [...model.average, ...model.rows.flatMap((r) => r.cells)], options)),
    );
  return formatValue(loc, format, v, { ...style, currency });
}

/** "Month 3", "Semana 3", … */
export function periodName(doc: Pick<CohortDoc, 'periodUnit'>, k: number, o: CohortOptions): string {
  return o.t(doc.periodUnit, { n: formatInteger(o.locale, k) });
}

export interface CohortCellView {
  /** The value, or empty when there is none. */
  text: string;
  /**
   * Said to screen readers instead of an empty cell: "not defined", or "not yet" at the first period that has not come
   * (the later ones of the row are blank: a row says "not yet" once, not once per period; the tooltip says it too).
   */
  missing: string | null;
}

export interface CohortRowView {
  label: string;
  size: string;
  cells: CohortCellView[];
}

export interface CohortHeadView {
  caption: string;
  axis: string;
  periods: { short: string; long: string }[];
  average: CohortRowView & { title: string };
}

/** The header, the period columns and the average row. */
export function cohortHead(doc: CohortDoc, model: CohortModel, o: CohortOptions): CohortHeadView {
  const { t } = o;
  const isRate = model.mode === 'percent' || model.mode === 'churn' || model.mode === 'ltv';
  return {
    caption: t('caption', { title: doc.title ?? modeName(model.mode, o) }),
    axis: t(AXIS[doc.periodUnit]),
    periods: Array.from({ length: model.periods }, (_, k) => ({
      short: formatInteger(o.locale, k),
      long: periodName(doc, k, o),
    })),
    average: {
      label: t(isRate ? 'weightedAverage' : 'average'),
      title: t('averageOf', { count: model.rows.length }),
      size: formatInteger(o.locale, model.totalSize),
      cells: model.average.map((v) => ({
        text: formatCohortValue(model, v, doc.currency, o.locale),
        missing: v === null ? t('notYet') : null,
      })),
    },
  };
}

/**
 * One cohort's row (`r` in the model), with the cells of periods `from` to `to` (end excluded; all by
 * default: a wide grid formats only the columns in view). A null cell is "not yet" when the period
 * has not come, else "not defined".
 */
export function cohortRow(
  doc: CohortDoc,
  model: CohortModel,
  r: number,
  o: CohortOptions,
  from = 0,
  to = model.periods,
): CohortRowView {
  const row = model.rows[r]!;
  const values = doc.cohorts[r]!.values;
  const first = Math.max(0, from);
  return {
    label: row.label,
    size: formatInteger(o.locale, row.size),
    cells: Array.from({ length: Math.max(0, Math.min(to, model.periods) - first) }, (_, i) => {
      const k = first + i;
      const v = row.cells[k] ?? null;
      return {
        text: formatCohortValue(model, v, doc.currency, o.locale),
        missing:
          v !== null
            ? null
            : rawValue(values, k) !== null
              ? o.t('notDefined')
              : k > 0 && rawValue(values, k - 1) === null
                ? ''
                : o.t('notYet'),
      };
    }),
  };
}

/** The tooltip of a cell (`r` = -1: the average row). */
export function cohortTip(
  doc: CohortDoc,
  model: CohortModel,
  r: number,
  c: number,
  o: CohortOptions,
): { title: string; lines: string[] } | null {
  const { t, locale: loc } = o;
  const value = (v: number | null) => (v === null ? NO_VALUE : formatCohortValue(model, v, doc.currency, loc));
  if (r < 0) {
    return {
      title:
        `${t(model.mode === 'count' || model.mode === 'revenue' ? 'average' : 'weightedAverage')} ` +
        `· ${periodName(doc, c, o)}`,
      lines: [
        `${modeName(model.mode, o)}: ${value(model.average[c] ?? null)}`,
        t('averageOf', { count: model.rows.length }),
      ],
    };
  }
  const row = doc.cohorts[r];
  if (!row) return null;
  const title = `${row.label} · ${periodName(doc, c, o)}`;
  const v = rawValue(row.values, c);
  if (v === null) return { title, lines: [t('notYet')] };
  if (doc.measure === 'customers') {
    const pct = row.size > 0 ? v / row.size : null;
    const rate = (x: number | null) => (x === null ? t('notDefined') : formatPercent(loc, x));
    return {
      title,
      lines: [
        t('tipRetained', { retained: formatInteger(loc, v), count: row.size }),
        `${t('percent')}: ${rate(pct)} · ${t('churn')}: ${rate(pct === null ? null : 1 - pct)}`,
      ],
    };
  }
  const ltv = cohortCells(row, c + 1, 'ltv')[c] ?? null;
  return {
    title,
    lines: [
      t('tipRevenue', { revenue: formatCurrency(loc, v, doc.currency) }),
      t('tipLtv', { ltv: ltv === null ? t('notDefined') : formatCurrency(loc, ltv, doc.currency) }),
    ],
  };
}

/** The colour legend: the ends of the scale, and the period-0 note when it applies. */
export function cohortLegend(
  doc: CohortDoc,
  model: CohortModel,
  perRow: boolean,
  o: CohortOptions,
): { low: string; high: string; perRow: string | null; notYet: string; note: string | null } {
  const { t } = o;
  const d = domainOf(
    model.rows.map((r) => r.cells),
    model.mode,
  );
  return {
    low: d ? formatCohortValue(model, d[0], doc.currency, o.locale) : t('legendLow'),
    high: d ? formatCohortValue(model, d[1], doc.currency, o.locale) : t('legendHigh'),
    perRow: perRow ? `(${t('scaleRow')})` : null,
    notYet: t('legendNotYet'),
    note: skipsPeriodZero(model.mode, model.periods) ? t('legendNote') : null,
  };
}

/** Where the average curve starts: after period 0 when the rule says so and at least two points remain. */
export function curveStart(model: Pick<CohortModel, 'mode' | 'periods'>): number {
  return skipsPeriodZero(model.mode, model.periods) && model.periods > 2 ? 1 : 0;
}

/** The average curve's labels, given the top of its scale. */
export function cohortCurve(
  doc: CohortDoc,
  model: CohortModel,
  max: number,
  o: CohortOptions,
): { from: number; last: number; caption: string; max: string; zero: string; firstTick: string; lastTick: string } {
  const from = curveStart(model);
  const last = Math.max(from + 1, model.periods - 1);
  return {
    from,
    last,
    caption: `${o.t('curve')} · ${modeName(model.mode, o)}`,
    max: formatCohortValue(model, max, doc.currency, o.locale),
    zero: formatCohortValue(model, 0, doc.currency, o.locale),
    firstTick: formatInteger(o.locale, from),
    lastTick: formatInteger(o.locale, last),
  };
}

/**
 * The CSS that marks cohort row `r` and period column `c` of the grid (null: not that one), for the
 * grid's constructed stylesheet: rings along the row and the column, and round the cell where they
 * meet, with a halo of the surface inside it so it stands out of the darkest shade too.
 */
export function highlightRules(r: number | null, c: number | null): string {
  const rules: string[] = [];
  if (r !== null)
    rules.push(`tr[data-r="${r}"] > * { box-shadow: inset 0 2px 0 var(--_hl), inset 0 -2px 0 var(--_hl); }`);
  if (c !== null) rules.push(`[data-c="${c}"] { box-shadow: inset 2px 0 0 var(--_hl), inset -2px 0 0 var(--_hl); }`);
  if (r !== null && c !== null)
    rules.push(
      `td[data-r="${r}"][data-c="${c}"] { box-shadow: inset 0 0 0 2px var(--_hl), inset 0 0 0 4px var(--_surface); }`,
    );
  return rules.join('\n');
}

/** Up to this many cohorts every row is drawn, and up to this many periods every column; beyond, only those in view. */
export const WINDOW_MIN = 40;

/** The cells a windowed grid draws: cohort rows `start`–`end` and period columns `from`–`to` (ends excluded). */
export interface DrawnCells {
  start: number;
  end: number;
  from: number;
  to: number;
}

/**
 * What the grid draws and where its one tab stop sits. Up to {@link WINDOW_MIN} cohorts (periods) every row
 * (column) is drawn; beyond, those of the row (column) window. `trail` counts the columns left out
 * after the drawn ones (`from` those before), `span` is a full-width cell's colspan (cohort, size,
 * the spacer cells and the columns drawn). The tab stop is the active cell, or, when its row is not
 * drawn, the same column of the average row (`r` = -1, always drawn); its column, the nearest one drawn.
 */
export function cohortWindow(
  rows: number,
  periods: number,
  rowWindow: { start: number; end: number },
  colWindow: { start: number; end: number },
  active: { r: number; c: number },
): DrawnCells & { trail: number; span: number; wide: boolean; stop: { r: number; c: number } } {
  const start = rows > WINDOW_MIN ? Math.min(rowWindow.start, rows) : 0;
  const end = rows > WINDOW_MIN ? Math.max(start, Math.min(rows, rowWindow.end)) : rows;
  const wide = periods > WINDOW_MIN;
  const from = wide ? Math.min(colWindow.start, periods) : 0;
  const to = wide ? Math.max(from, Math.min(periods, colWindow.end)) : periods;
  return {
    start,
    end,
    from,
    to,
    wide,
    trail: periods - to,
    span: 2 + to - from + (from > 0 ? 1 : 0) + (to < periods ? 1 : 0),
    stop: {
      r: active.r < 0 || (active.r >= start && active.r < end) ? active.r : -1,
      c: Math.max(from, Math.min(active.c, to - 1)),
    },
  };
}

/** Whether cell (`r`, `c`) is drawn (`r` = -1: the average row, always drawn). */
export function isDrawn(w: DrawnCells, r: number, c: number): boolean {
  return (r < 0 || (r >= w.start && r < w.end)) && c >= w.from && c < w.to;
}
