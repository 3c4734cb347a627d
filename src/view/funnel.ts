/**
 * Everything `<kpi-funnel>` prints, as plain data: texts in the locale, tones and bar
 * lengths. The component only lays this out and handles focus and events.
 */
import type { FunnelDoc } from '../schema/funnel.js';
import type { FunnelMessages } from '../i18n/en/funnel.js';
import type { Translator } from '../i18n/index.js';
import type { TableView } from './table.js';

export type { TableView } from './table.js';
import {
  changeTone,
  conversion,
  type FunnelComparisonModel,
  type FunnelModel,
  type FunnelSegmentModel,
  type FunnelStepModel,
  type PercentOf,
} from '../compute/funnel.js';
import { TINY_BAR_PERCENT, barScale, type FunnelScale } from '../layout/funnel.js';
import {
  NO_VALUE,
  formatCurrency,
  formatDuration,
  formatInteger,
  formatPercent,
  formatPointsDelta,
  formatSignedPercent,
} from '../format/index.js';

export type { Tone } from '../compute/common.js';
import type { Tone } from '../compute/common.js';

export interface FunnelOptions {
  percentOf: PercentOf;
  scale: FunnelScale;
  locale: string;
  t: Translator<FunnelMessages>;
}

/** A bar: its length (% of the track) and whether it is too short to hold anything. */
export interface Bar {
  pct: number;
  tiny: boolean;
}

export interface StepView {
  id: string;
  index: number;
  label: string;
  /** The count, or null when the step has no data (the template shows `noData`). */
  count: string | null;
  /** Conversion in the chosen base. */
  pct: string;
  /** The bar, or null when there is nothing to draw (no data or zero). */
  bar: Bar | null;
  /** Length of the part lost since the previous step (0: none). */
  lostPct: number;
  /** Where the comparison period's marker sits (% of the track), if any. */
  markerPct: number | null;
  /** Change against the comparison period, if any. */
  delta: { text: string; tone: Tone; said: string } | null;
  largest: boolean;
  /** The drop-off line between this step and the previous one (horizontal). */
  drop: { change: string; rise: boolean; time: string | null } | null;
  /** The short drop-off under a vertical column. */
  dropShort: string;
  /** The tooltip's rows. */
  tip: [string, string][];
  /**
   * What the percentage is of ("of the first step"), said after it to screen readers; the change's meaning is
   * `delta.said` ("in conversion against the comparison"; the comparison itself is named once, in the summary). A
   * step button reads "Payment approved 8,661 100% of the first step +0.1 p.p. in conversion against the comparison".
   */
  of: string;
}

export interface SummaryView {
  overallLabel: string;
  overall: string;
  overallSub: string;
  delta: { text: string; tone: Tone; vs: string } | null;
  revenue: { value: string; sub: string } | null;
}

export interface FunnelView {
  summary: SummaryView;
  steps: StepView[];
  /** The long name of the conversion base, for screen readers. */
  baseLong: string;
  vs: string | null;
  legend: { swatch: 'bar' | 'lost' | 'marker'; text: string }[];
  table: TableView;
}

export interface MultiplesView {
  segments: { id: string; label: string; overall: string; steps: StepView[] }[];
  baseLong: string;
  table: TableView;
}

export interface CompactView {
  overall: string;
  sub: string;
  bars: (Bar | null)[];
  table: TableView;
}

const bar = (pct: number, count: number | null): Bar | null =>
  count !== null && count > 0 ? { pct, tiny: pct < TINY_BAR_PERCENT } : null;

function dropText(s: FunnelStepModel, o: FunnelOptions): string {
  return s.riseCount
    ? `+${formatInteger(o.locale, s.riseCount)}`
    : s.dropCount === null
      ? NO_VALUE
      : `${formatInteger(o.locale, s.dropCount)} (${formatPercent(o.locale, s.dropRate)})`;
}

/** One step: its texts, bars and tooltip. `cmp` is the comparison (total view only). */
function stepView(
  doc: FunnelDoc,
  model: FunnelModel,
  s: FunnelStepModel,
  scale: (c: number | null) => number,
  cmp: FunnelComparisonModel | null,
  o: FunnelOptions,
): StepView {
  const { locale: loc, t } = o;
  const i = s.index;
  const prevCount = i > 0 ? (model.steps[i - 1]?.count ?? null) : null;
  const c = cmp?.steps[i];
  // The first step's conversion is 100% in both periods, so its change is the change in count.
  const delta = !c ? null : i === 0 ? c.countChange : o.percentOf === 'previous' ? c.ofPreviousDelta : c.ofFirstDelta;
  const pct = scale(s.count);
  const tip: [string, string][] = [
    [t('count'), s.count === null ? t('noData') : formatInteger(loc, s.count)],
    [t('ofFirstLong'), formatPercent(loc, s.ofFirst)],
  ];
  if (i > 0) {
    tip.push([t('ofPreviousLong'), formatPercent(loc, s.ofPrevious)], [t('dropOff'), dropText(s, o)]);
    if (s.medianSecondsFromPrevious !== null)
      tip.push([t('medianTimeLong'), formatDuration(loc, s.medianSecondsFromPrevious, undefined, 'long')]);
  }
  if (s.value !== null) tip.push([t('value'), formatCurrency(loc, s.value, doc.currency)]);
  if (c && cmp)
    tip.push(
      [cmp.label, c.count === null ? t('noData') : formatInteger(loc, c.count)],
      [t('countChange'), formatSignedPercent(loc, c.countChange)],
    );
  const count = s.count === null ? null : formatInteger(loc, s.count);
  const pctText = formatPercent(loc, conversion(s, o.percentOf));
  const deltaText =
    delta === null || !cmp ? null : i === 0 ? formatSignedPercent(loc, delta) : formatPointsDelta(loc, delta);
  return {
    id: s.id,
    index: i,
    label: s.label,
    of: t(o.percentOf === 'previous' ? 'ofPreviousSaid' : 'ofFirstSaid'),
    count,
    pct: pctText,
    bar: bar(pct, s.count),
    lostPct: prevCount !== null && s.count !== null && prevCount > s.count ? scale(prevCount) : 0,
    markerPct: c && c.count !== null ? scale(c.count) : null,
    delta:
      deltaText === null
        ? null
        : { text: deltaText, tone: changeTone(delta!), said: t(i === 0 ? 'deltaCount' : 'deltaConversion') },
    largest: s.isLargestDrop,
    drop:
      i === 0
        ? null
        : {
            rise: Boolean(s.riseCount),
            change: s.riseCount
              ? `↑ ${t('gained', { count: formatInteger(loc, s.riseCount) })}`
              : s.dropCount !== null
                ? `↓ ${t('lost', { count: s.dropCount, rate: formatPercent(loc, s.dropRate) })}`
                : t('noData'),
            time:
              s.medianSecondsFromPrevious === null
                ? null
                : t('medianTime', { time: formatDuration(loc, s.medianSecondsFromPrevious) }),
          },
    dropShort:
      i === 0
        ? ''
        : s.riseCount
          ? `↑ ${formatInteger(loc, s.riseCount)}`
          : s.dropCount !== null
            ? `↓ ${formatPercent(loc, s.dropRate)}`
            : '',
    tip,
  };
}

/** The data table screen readers get (also under the compact variant). */
function stepsTable(
  doc: FunnelDoc,
  model: FunnelModel,
  cmp: FunnelComparisonModel | null,
  segment: FunnelSegmentModel | undefined,
  o: FunnelOptions,
): TableView {
  const { locale: loc, t } = o;
  const title = [doc.title ?? '', segment?.label ?? ''].filter(Boolean).join(' · ');
  const head = [t('step'), t('count'), t('ofFirstLong'), t('ofPreviousLong'), t('dropOff')];
  if (model.hasTimes) head.push(t('medianTimeLong'));
  if (cmp) head.push(cmp.label, t('countChange'));
  if (model.hasValues) head.push(t('value'));
  const rows = model.steps.map((s, i) => {
    // A blank cell says what it is (a bare dash is skipped by screen readers): the first step has no previous one.
    const or = (text: string, why: 'notApplicable' | 'noData' = 'noData') => (text === NO_VALUE ? t(why) : text);
    const first = i === 0;
    const cells = [
      s.count === null ? t('noData') : formatInteger(loc, s.count),
      or(formatPercent(loc, s.ofFirst)),
      first ? t('notApplicable') : or(formatPercent(loc, s.ofPrevious)),
      first ? t('notApplicable') : or(dropText(s, o)),
    ];
    if (model.hasTimes)
      cells.push(
        or(formatDuration(loc, s.medianSecondsFromPrevious, undefined, 'long'), first ? 'notApplicable' : 'noData'),
      );
    if (cmp)
      cells.push(
        or(formatInteger(loc, cmp.steps[i]?.count ?? null)),
        or(formatSignedPercent(loc, cmp.steps[i]?.countChange ?? null)),
      );
    if (model.hasValues) cells.push(or(formatCurrency(loc, s.value, doc.currency)));
    return { head: s.isLargestDrop ? `${s.label} (${t('largestDrop')})` : s.label, cells };
  });
  return { caption: t('caption', { title: title || t('steps') }), head, rows };
}

const baseLong = (o: FunnelOptions) => (o.percentOf === 'previous' ? o.t('ofPreviousLong') : o.t('ofFirstLong'));

/**
 * The funnel of the total (`segment` undefined, with the comparison period) or of one segment.
 * `total` sets the bar scale, so a segment's bars stay comparable with the total's.
 */
export function funnelView(
  doc: FunnelDoc,
  total: FunnelModel,
  cmp: FunnelComparisonModel | null,
  segment: FunnelSegmentModel | undefined,
  o: FunnelOptions,
): FunnelView {
  const { locale: loc, t } = o;
  const model = segment ? segment.model : total;
  const shownCmp = segment ? null : cmp;
  const scale = barScale(total.maxCount, o.scale);
  const first = model.steps[0];
  const last = model.steps[model.steps.length - 1];
  const overallDelta = shownCmp?.overallDelta ?? null;
  return {
    summary: {
      overallLabel: segment ? `${t('overall')} · ${segment.label}` : t('overall'),
      overall: formatPercent(loc, model.overall),
      overallSub: t('overallSub', {
        first: formatInteger(loc, first?.count ?? null),
        last: formatInteger(loc, last?.count ?? null),
      }),
      delta:
        shownCmp && overallDelta !== null
          ? {
              text: formatPointsDelta(loc, overallDelta),
              tone: changeTone(overallDelta),
              vs: t('vs', { label: shownCmp.label }),
            }
          : null,
      revenue:
        model.revenue === null
          ? null
          : {
              value: formatCurrency(loc, model.revenue, doc.currency, { compact: true }),
              sub: t('revenueSub', { step: last?.label ?? '' }),
            },
    },
    steps: model.steps.map((s) => stepView(doc, model, s, scale, shownCmp, o)),
    baseLong: baseLong(o),
    vs: shownCmp ? t('vs', { label: shownCmp.label }) : null,
    legend: [
      { swatch: 'bar', text: shownCmp ? t('thisPeriod') : t('count') },
      { swatch: 'lost', text: t('lostLegend') },
      ...(shownCmp ? [{ swatch: 'marker' as const, text: shownCmp.label }] : []),
    ],
    table: stepsTable(doc, model, shownCmp, segment, o),
  };
}

/** Every segment side by side, each on its own scale, with one table of counts and conversions. */
export function multiplesView(
  doc: FunnelDoc,
  total: FunnelModel,
  segments: readonly FunnelSegmentModel[],
  o: FunnelOptions,
): MultiplesView {
  const { locale: loc, t } = o;
  const cell = (s: FunnelStepModel | undefined) =>
    s && s.count !== null
      ? `${formatInteger(loc, s.count)} (${formatPercent(loc, conversion(s, o.percentOf))})`
      : t('noData');
  return {
    segments: segments.map((seg) => {
      const scale = barScale(seg.model.maxCount, o.scale);
      return {
        id: seg.id,
        label: seg.label,
        overall: formatPercent(loc, seg.model.overall),
        steps: seg.model.steps.map((s) => stepView(doc, seg.model, s, scale, null, o)),
      };
    }),
    baseLong: baseLong(o),
    table: {
      caption: t('caption', { title: `${doc.title ?? t('steps')} · ${t('compare')} (${baseLong(o)})` }),
      head: [t('step'), t('total'), ...segments.map((s) => s.label)],
      rows: total.steps.map((s, i) => ({
        head: s.label,
        cells: [cell(s), ...segments.map((seg) => cell(seg.model.steps[i]))],
      })),
    },
  };
}

/** The compact variant: headline and bars only (and the table for screen readers). */
export function compactView(doc: FunnelDoc, model: FunnelModel, o: FunnelOptions): CompactView {
  const scale = barScale(model.maxCount, o.scale);
  const first = model.steps[0];
  const last = model.steps[model.steps.length - 1];
  return {
    overall: formatPercent(o.locale, model.overall),
    sub: [
      model.revenue !== null ? formatCurrency(o.locale, model.revenue, doc.currency, { compact: true }) : '',
      o.t('overallSub', { first: first?.label ?? '', last: last?.label ?? '' }),
    ]
      .filter(Boolean)
      .join(' · '),
    bars: model.steps.map((s) => bar(scale(s.count), s.count)),
    table: stepsTable(doc, model, null, undefined, o),
  };
}
