/**
 * Everything `<kpi-forecast>` prints, as plain data: the headline tiles, the model
 * in plain words, the period labels and tooltips, the screen-reader table and the
 * pipeline. Made once per document and locale.
 */
import type { ForecastDoc } from '../schema/forecast.js';
import type { ForecastMessages } from '../i18n/en/forecast.js';
import type { Translator } from '../i18n/index.js';
import type { TableView } from './table.js';
import { tone, type Tone } from '../compute/common.js';
import type { ForecastOutlook } from '../compute/forecast-doc.js';
import type { EtsParams } from '../compute/ets.js';
import {
  safeLocale,
  formatDate,
  formatDateRange,
  formatNumber,
  formatPercent,
  formatValue,
  styleFor,
} from '../format/index.js';

export interface ForecastViewOptions {
  locale: string;
  t: Translator<ForecastMessages>;
}

export interface ForecastTile {
  label: string;
  value: string;
  sub: string;
  tone: Tone;
}

export interface PipelineSegment {
  key: 'closed' | 'commit' | 'bestCase' | 'open';
  label: string;
  value: string;
  /** Width in percent of the bar (the larger of the stack and the quota). */
  pct: number;
}

export interface ForecastView {
  outlook: ForecastOutlook;
  tiles: ForecastTile[];
  /** The model in plain words, with its typical error. */
  model: string | null;
  /** Why a simpler model was used. */
  note: string | null;
  /** The technical details: ETS code and parameters, backtest errors. */
  details: [string, string][];
  /** The interval's coverage ("80%"). */
  level: string;
  /** Short period labels (axis). */
  ticks: string[];
  /** Each period's tooltip: its name, then label/value pairs. */
  tips: { title: string; rows: [string, string][]; text: string }[];
  /** The labels of the axis's ticks, in one format (compact for all or none). */
  axis: (ticks: readonly number[]) => string[];
  table: TableView;
  pipeline: {
    title: string;
    segments: PipelineSegment[];
    quotaPct: number;
    quota: string;
    coverage: string | null;
  } | null;
}

const GREEK: [keyof EtsParams, string][] = [
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['phi', 'φ'],
];

/** `ETS(A,Ad,N)` from `AAdN`. */
export const etsLabel = (code: string) => `ETS(${code[0]},${code.slice(1, -1)},${code[code.length - 1]})`;

/** Derives the whole view from the document and its outlook (`forecastOutlook`, from the forecast engine). */
export function forecastView(doc: ForecastDoc, o: ForecastOutlook, { locale, t }: ForecastViewOptions): ForecastView {
  const better = doc.metric.better ?? 'higher';
  // The widget's money reads alike: tiles and axis compact for all or none, the table with cents for all or none.
  const f = doc.metric.format;
  const shown = o.rows.flatMap((row) => [
    row.actual,
    row.target,
    row.forecast?.value,
    row.forecast?.lower,
    row.forecast?.upper,
  ]);
  const tileStyle = styleFor(f, shown, { currency: doc.currency, compact: true });
  const cellStyle = styleFor(f, shown, { currency: doc.currency });
  const fmt = (v: number | null | undefined, compact = true) =>
    formatValue(locale, f, v, compact ? tileStyle : cellStyle);
  const pct = (v: number | null) => formatPercent(locale, v, 0);
  const g = doc.granularity;
  const shortLabel = (p: string) =>
    formatDate(
      locale,
      p,
      g === 'day' || g === 'week' ? { day: 'numeric', month: 'short' } : { month: 'short', year: 'numeric' },
    );
  const longLabel = ({ period: p, last }: { period: string; last: string }) =>
    g === 'day'
      ? formatDate(locale, p)
      : g === 'month'
        ? formatDate(locale, p, { month: 'long', year: 'numeric' })
        : formatDateRange(locale, p, last);
  const levelText = formatPercent(locale, o.level, 0);
  const range = (f: { lower: number; upper: number }) =>
    t('range', { lower: fmt(f.lower), upper: fmt(f.upper), level: levelText });

  const tiles: ForecastTile[] = [];
  const c = o.close;
  if (c) {
    tiles.push({
      label: t('projected'),
      value: fmt(c.projected),
      // Without a target, what is in so far.
      sub:
        c.target === null
          ? `${t('running')}: ${fmt(c.soFar)}`
          : t('ofTarget', { pct: pct(c.projectedAttainment), target: fmt(c.target) }),
      tone: tone(c.projected, c.target, better),
    });
    if (c.gap !== null) {
      tiles.push({
        label: t('gap'),
        value: t(c.gap >= 0 === (better === 'higher') ? 'ahead' : 'short', { value: fmt(Math.abs(c.gap)) }),
        sub: t('soFar', { value: fmt(c.soFar), pct: pct(c.attainment) }),
        tone: tone(c.projected, c.target, better),
      });
    }
    const p = c.pacing;
    if (p && p.requiredPerDay !== null && better === 'higher') {
      tiles.push({
        label: t('required'),
        value: p.requiredPerDay === 0 ? t('reached') : fmt(p.requiredPerDay),
        sub: t('daysLeft', { count: p.remainingDays }),
        tone: 'neutral',
      });
    }
  }
  if (o.next !== null) {
    const row = o.rows[o.next]!;
    tiles.push({
      label: t('next', { period: longLabel(row) }),
      value: fmt(row.forecast!.value),
      sub: range(row.forecast!),
      tone: 'neutral',
    });
  }

  const r = o.result;
  let model: string | null = null;
  if (o.source === 'provided') model = t('provided');
  else if (r) {
    const name =
      r.model === 'naive'
        ? t('naive')
        : r.model === 'seasonal-naive'
          ? t('seasonalNaive')
          : etsWords(r.model, t, locale);
    model =
      o.typicalError === null
        ? name
        : `${name} · ${t('typical', { pct: formatPercent(locale, o.typicalError, o.typicalError < 0.1 ? 1 : 0) })}`;
  }
  const details: [string, string][] = [];
  if (r) {
    // The naive models have no code or parameters: the model line already names them.
    if (r.params)
      details.push([
        t('code'),
        `${etsLabel(r.model)} · ${GREEK.filter(([k]) => r.params![k] !== undefined)
          .map(([k, s]) => `${s} ${formatNumber(locale, r.params![k] as number, 4)}`)
          .join(' · ')}`,
      ]);
    if (r.accuracy)
      details.push([
        t('errors'),
        `${formatNumber(locale, r.accuracy.mase, 2)} · ` +
          formatPercent(locale, r.accuracy.smape === null ? null : r.accuracy.smape / 100, 1),
      ]);
  }
  // How the running period's one estimate relates to the model's own (oneEstimate, in the outlook).
  if (c?.model != null) details.push([t('running'), t('oneEstimate', { model: fmt(c.model) })]);

  // A blank cell says what it is ("not yet", "no target", "no forecast"): a bare dash is skipped by screen readers.
  const cell = (v: number | null | undefined, blank: 'notYet' | 'noTarget' | 'noForecast') =>
    v == null ? t(blank) : fmt(v, false);
  // The running period's row says its projected close and the gap, as the tiles do (the table alone must not read as
  // a period under target that will close over it).
  const projection = (i: number) =>
    c && c.index === i
      ? `: ${t('projected')} ${fmt(c.projected, false)}` +
        (c.gap === null
          ? ''
          : `, ${t(c.gap >= 0 === (better === 'higher') ? 'ahead' : 'short', { value: fmt(Math.abs(c.gap), false) })}`)
      : '';
  const table: TableView = {
    caption: t('caption', { title: doc.metric.label }),
    head: [
      t('period'),
      t('actual'),
      t('target'),
      t('forecast'),
      `${t('lower')} (${levelText})`,
      `${t('upper')} (${levelText})`,
    ],
    rows: o.rows.map((row, i) => ({
      head: longLabel(row) + (row.partial ? ` (${t('running')}${projection(i)})` : ''),
      cells: [
        cell(row.actual, 'notYet'),
        cell(row.target, 'noTarget'),
        cell(row.forecast?.value, 'noForecast'),
        cell(row.forecast?.lower, 'noForecast'),
        cell(row.forecast?.upper, 'noForecast'),
      ],
    })),
  };
  // A tooltip is the cells its period has, plus the projected close of the running period.
  const tips = o.rows.map((row, i) => {
    const values = [row.actual, row.target, row.forecast?.value, row.forecast?.lower, row.forecast?.upper];
    const rows = values.flatMap((v, k): [string, string][] => (v == null ? [] : [[table.head[k + 1]!, fmt(v, false)]]));
    const r = { head: longLabel(row) + (row.partial ? ` (${t('running')})` : '') };
    if (c && c.index === i) rows.splice(1, 0, [t('projected'), fmt(c.projected, false)]);
    // The same in one line, for the slider's aria-valuetext.
    return { title: r.head, rows, text: [r.head, ...rows.map(([k, d]) => `${k}: ${d}`)].join('; ') };
  });

  const pm = o.pipeline;
  let pipeline: ForecastView['pipeline'] = null;
  if (pm) {
    const scale = Math.max(pm.total, pm.quota) || 1;
    const money = (v: number) => formatValue(locale, 'currency', v, { currency: doc.currency, compact: true });
    pipeline = {
      title: t('pipeline'),
      segments: (['closed', 'commit', 'bestCase', 'open'] as const).map((key) => ({
        key,
        label: t(key),
        value: money(pm[key]),
        pct: (pm[key] / scale) * 100,
      })),
      quotaPct: (pm.quota / scale) * 100,
      quota: `${t('quota')} ${money(pm.quota)} · ${pct(pm.attainment)}`,
      coverage: pm.coverage === null ? null : t('coverage', { ratio: `${formatNumber(locale, pm.coverage, 1)}×` }),
    };
  }
  return {
    outlook: o,
    tiles,
    model,
    details,
    tips,
    table,
    pipeline,
    level: levelText,
    note: r?.fallback ? t(r.fallback === 'too-short' ? 'tooShort' : 'notPositive') : null,
    ticks: o.rows.map((row) => shortLabel(row.period)),
    // One format for every tick of the axis.
    axis: (ticks) => {
      const style = styleFor(f, ticks, { currency: doc.currency, compact: true });
      return ticks.map((v) => formatValue(locale, f, v, style));
    },
  };
}

/** "Exponential smoothing (level, damped trend and seasonal pattern)". */
function etsWords(code: string, t: Translator<ForecastMessages>, locale: string): string {
  const parts = [
    t('partLevel'),
    ...(code[1] === 'A' ? [t(code[2] === 'd' ? 'partDamped' : 'partTrend')] : []),
    ...(code.endsWith('N') ? [] : [t('partSeason')]),
  ];
  return t('ets', { parts: new Intl.ListFormat(safeLocale(locale)).format(parts) });
}
