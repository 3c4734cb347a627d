/**
 * Everything `<kpi-checkout-friction>` prints, as plain data: the headline, the flow,
 * the friction map, the ranked causes and the screen-reader table.
 */
import type { CheckoutFrictionDoc, FrictionCategory } from '../schema/checkout-friction.js';
import type { CheckoutFrictionMessages } from '../i18n/en/checkout-friction.js';
import type { Translator } from '../i18n/index.js';
import type { TableView } from './table.js';
import { tone, type Tone } from '../compute/common.js';
import {
  computeBreakdown,
  rankCauses,
  type BreakdownStep,
  type FlowModel,
  type FlowStep,
  type FrictionCell,
} from '../compute/checkout-friction.js';
import {
  NO_VALUE,
  formatCurrency,
  formatDuration,
  formatInteger,
  formatPercent,
  formatPointsDelta,
} from '../format/index.js';

export interface CheckoutOptions {
  locale: string;
  t: Translator<CheckoutFrictionMessages>;
}

/** The causes listed. */
export const TOP_CAUSES = 8;

/** A friction category's name: the categories are message keys themselves (the type checks every one has a message). */
const categoryName = (c: FrictionCategory, o: CheckoutOptions) => o.t(c);

const money = (doc: CheckoutFrictionDoc, v: number | null, loc: string, compact = false) =>
  formatCurrency(loc, v, doc.currency, compact ? { compact: true } : { digits: 0 });
/** A share as a bar length, in % of the track to one decimal. */
const barPct = (share: number) => Math.round(Math.max(0, Math.min(1, share)) * 1000) / 10;

/** The breakdown a `breakdown` attribute names (`dimension:valueId`), or null for all shoppers or an unknown one. */
export function selectedBreakdown(
  doc: CheckoutFrictionDoc,
  key: string,
  whole: FlowModel,
): { label: string; steps: BreakdownStep[]; model: FlowModel } | null {
  const i = key.indexOf(':');
  if (i < 0) return null;
  const dimension = key.slice(0, i);
  const valueId = key.slice(i + 1);
  const b = doc.breakdowns?.find((x) => x.dimension === dimension);
  const v = b?.values.find((x) => x.id === valueId);
  const r = computeBreakdown(doc, dimension, valueId, whole);
  return r && b && v ? { label: `${b.label}: ${v.label}`, ...r } : null;
}

export interface FlowStepView {
  id: string;
  label: string;
  top: boolean;
  /** Null when the breakdown does not report this step. */
  data: {
    rate: string;
    delta: { text: string; tone: Tone } | null;
    bar: number;
    facts: [string, string][];
    risk: string;
  } | null;
  over: string | null;
}

export interface CheckoutView {
  tiles: { label: string; value: string; sub: string }[];
  flow: FlowStepView[];
  table: TableView;
}

/** The headline, the flow (of all shoppers or of one breakdown value, against all) and its table. */
export function checkoutView(
  doc: CheckoutFrictionDoc,
  whole: FlowModel,
  breakdown: { label: string; steps: BreakdownStep[]; model: FlowModel } | null,
  o: CheckoutOptions,
): CheckoutView {
  const { t, locale: loc } = o;
  const model = breakdown ? breakdown.model : whole;
  const top = whole.topLossIndex === null ? null : whole.steps[whole.topLossIndex];
  const suffix = breakdown ? ` · ${breakdown.label}` : '';
  const rows: (FlowStep | BreakdownStep)[] = breakdown ? breakdown.steps : whole.steps;
  return {
    tiles: [
      {
        label: t('abandonment') + suffix,
        value: formatPercent(loc, model.abandonment),
        sub: t('abandonmentSub', { completed: formatInteger(loc, model.completed), count: model.started }),
      },
      {
        label: t('atRisk') + suffix,
        value: money(doc, model.revenueAtRisk, loc, true),
        sub: top ? t('atRiskSub', { step: top.label }) : NO_VALUE,
      },
    ],
    flow: whole.steps.map((w, i) => {
      const s = rows[i]!;
      const known = !breakdown || (s as BreakdownStep).known;
      const delta = breakdown ? (s as BreakdownStep).abandonmentDelta : null;
      const facts: [string, string][] = [
        [t('entered'), formatInteger(loc, s.entered)],
        [t('exited'), formatInteger(loc, s.exited)],
      ];
      if (s.medianSeconds !== null) facts.push([t('time'), formatDuration(loc, s.medianSeconds)]);
      return {
        id: w.id,
        label: w.label,
        top: w.isTopLoss,
        data: known
          ? {
              rate: formatPercent(loc, s.abandonment),
              // More abandonment than all shoppers is worse.
              delta:
                delta === null
                  ? null
                  : { text: t('vsAll', { delta: formatPointsDelta(loc, delta) }), tone: tone(delta, 0, 'lower') },
              bar: barPct(s.abandonment ?? 0),
              facts,
              risk: money(doc, s.revenueAtRisk, loc),
            }
          : null,
        over:
          !breakdown && w.overCounted
            ? t('overCounted', { observations: formatInteger(loc, w.frictionObservations), count: w.exited })
            : null,
      };
    }),
    table: {
      caption: t('flowCaption', { title: doc.title ?? '' }),
      head: [t('step'), t('entered'), t('exited'), t('rate'), t('time'), t('revenue')],
      rows: rows.map((s, i) => ({
        head: whole.steps[i]!.isTopLoss ? `${whole.steps[i]!.label} (${t('topLoss')})` : whole.steps[i]!.label,
        cells: [
          formatInteger(loc, s.entered),
          formatInteger(loc, s.exited),
          formatPercent(loc, s.abandonment),
          formatDuration(loc, s.medianSeconds),
          `${money(doc, s.revenueAtRisk, loc)} (${t(s.revenueGiven ? 'given' : 'estimated')})`,
        ],
      })),
    },
  };
}

/** The friction map's header and cell texts (`shade` in 0–1, for the colour scale). */
export function mapView(
  doc: CheckoutFrictionDoc,
  map: { categories: FrictionCategory[]; cells: (FrictionCell | null)[][]; max: number },
  o: CheckoutOptions,
): {
  caption: string;
  head: string[];
  rows: { label: string; cells: ({ text: string; shade: number } | null)[] }[];
} {
  const { t } = o;
  return {
    caption: t('mapCaption'),
    head: [t('step'), ...map.categories.map((c) => categoryName(c, o))],
    rows: doc.steps.map((s, r) => ({
      label: s.label,
      cells: map.cells[r]!.map((cell) =>
        cell ? { text: formatInteger(o.locale, cell.count), shade: map.max > 0 ? cell.count / map.max : 0 } : null,
      ),
    })),
  };
}

/** What the detail box under the map says about one cell: its step and category, and its frictions by count. */
export function cellDetail(
  doc: CheckoutFrictionDoc,
  cell: FrictionCell,
  o: CheckoutOptions,
): { title: string; frictions: [string, string][] } {
  const step = doc.steps.find((s) => s.id === cell.stepId);
  return {
    title: `${step?.label ?? ''} · ${categoryName(cell.category, o)}`,
    frictions: cell.frictions.map((f) => [f.label, formatInteger(o.locale, f.count)]),
  };
}

export interface CauseView {
  id: string;
  stepId: string;
  label: string;
  /** The ranked figure, as shown ("3,900", "R$624.6K"), and as said, with what it counts ("3,900 reports"). */
  value: string;
  spoken: string;
  bar: number;
  sub: string;
}

/** The top causes, ranked by count or by their share of the revenue at risk, with bars against the first. */
export function causesView(
  doc: CheckoutFrictionDoc,
  whole: FlowModel,
  by: 'count' | 'revenue',
  o: CheckoutOptions,
): CauseView[] {
  const { t, locale: loc } = o;
  const causes = rankCauses(doc, whole, by).slice(0, TOP_CAUSES);
  const measure = (c: (typeof causes)[number]) => (by === 'revenue' ? (c.revenueAtRisk ?? 0) : c.count);
  const top = Math.max(1, ...causes.map(measure));
  return causes.map((c) => {
    const reports = t('reports', { count: c.count });
    const atRisk = `${t('revenue')}: ${money(doc, c.revenueAtRisk, loc, true)}`;
    return {
      id: c.id,
      stepId: c.stepId,
      label: c.label,
      value: by === 'revenue' ? money(doc, c.revenueAtRisk, loc, true) : formatInteger(loc, c.count),
      spoken: by === 'revenue' ? atRisk : reports,
      bar: barPct(measure(c) / top),
      sub:
        `${t('causeLine', { step: c.stepLabel, category: categoryName(c.category, o) })} ` +
        `· ${by === 'revenue' ? reports : atRisk}`,
    };
  });
}
