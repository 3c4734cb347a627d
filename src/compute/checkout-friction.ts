import { FRICTION_CATEGORIES, type CheckoutFrictionDoc, type FrictionCategory } from '../schema/checkout-friction.js';
import { argMax, diff, ratio, sumKnown } from './common.js';

export interface FlowStep {
  id: string;
  label: string;
  entered: number;
  exited: number;
  continued: number;
  /** exited ÷ entered; null when nobody entered. */
  abandonment: number | null;
  medianSeconds: number | null;
  /** The step's `revenueLost`, else exited × averageOrderValue; null when neither is known. */
  revenueAtRisk: number | null;
  /** Whether the revenue figure came from the document (`revenueLost`) rather than the estimate. */
  revenueGiven: boolean;
  /** Sum of the step's friction counts (observations; a shopper can hit several). */
  frictionObservations: number;
  /** True when the friction counts add up to more than the exits. */
  overCounted: boolean;
  isTopLoss: boolean;
}

export interface FlowModel {
  steps: FlowStep[];
  /** Shoppers who entered the first step. */
  started: number | null;
  /** Shoppers who continued past the last step. */
  completed: number | null;
  /** 1 − completed ÷ started. */
  abandonment: number | null;
  revenueAtRisk: number | null;
  topLossIndex: number | null;
}

interface FlowInput {
  id: string;
  label: string;
  entered: number;
  exited: number;
  medianSeconds?: number | undefined;
  revenueLost?: number | undefined;
  frictions?: { count: number }[] | undefined;
}

/** Revenue at risk: the step's `revenueLost`, else exited × average order value. */
export function revenueAtRisk(
  exited: number,
  revenueLost: number | undefined,
  averageOrderValue: number | undefined,
): number | null {
  if (revenueLost !== undefined) return revenueLost;
  if (averageOrderValue === undefined) return null;
  const v = exited * averageOrderValue;
  return Number.isFinite(v) ? v : null;
}

export function computeFlow(steps: readonly FlowInput[], averageOrderValue: number | undefined): FlowModel {
  const out: FlowStep[] = steps.map((s) => {
    const observations = (s.frictions ?? []).reduce((n, f) => n + f.count, 0);
    return {
      id: s.id,
      label: s.label,
      entered: s.entered,
      exited: s.exited,
      continued: s.entered - s.exited,
      abandonment: ratio(s.exited, s.entered),
      medianSeconds: s.medianSeconds ?? null,
      revenueAtRisk: revenueAtRisk(s.exited, s.revenueLost, averageOrderValue),
      revenueGiven: s.revenueLost !== undefined,
      frictionObservations: observations,
      overCounted: observations > s.exited,
      isTopLoss: false,
    };
  });
  const topLossIndex = argMax(out.map((s) => s.revenueAtRisk));
  if (topLossIndex !== null) out[topLossIndex]!.isTopLoss = true;
  const first = out[0];
  const last = out[out.length - 1];
  const started = first ? first.entered : null;
  const completed = last ? last.continued : null;
  const done = ratio(completed, started);
  return {
    steps: out,
    started,
    completed,
    abandonment: done === null ? null : 1 - done,
    revenueAtRisk: sumKnown(out.map((s) => s.revenueAtRisk)),
    topLossIndex,
  };
}

export function computeCheckout(doc: CheckoutFrictionDoc): FlowModel {
  return computeFlow(doc.steps, doc.averageOrderValue);
}

export interface BreakdownStep extends FlowStep {
  /** This value's abandonment − the whole checkout's, at the same step (fraction; positive is worse). */
  abandonmentDelta: number | null;
  /** False when the breakdown value does not report this step ("no data"). */
  known: boolean;
}

/** The flow for one breakdown value, step by step against the whole. A step the value lacks is "no data". */
export function computeBreakdown(
  doc: CheckoutFrictionDoc,
  dimension: string,
  valueId: string,
  whole: FlowModel,
): { steps: BreakdownStep[]; model: FlowModel } | null {
  const b = doc.breakdowns?.find((x) => x.dimension === dimension);
  const v = b?.values.find((x) => x.id === valueId);
  if (!b || !v) return null;
  const byId = new Map(v.steps.map((s) => [s.id, s]));
  const present = doc.steps.filter((s) => byId.has(s.id)).map((s) => ({ ...byId.get(s.id)!, label: s.label }));
  const model = computeFlow(present, doc.averageOrderValue);
  const modelById = new Map(model.steps.map((s) => [s.id, s]));
  const steps = whole.steps.map((w) => {
    const m = modelById.get(w.id);
    if (!m) {
      return {
        ...w,
        entered: 0,
        exited: 0,
        continued: 0,
        abandonment: null,
        medianSeconds: null,
        revenueAtRisk: null,
        revenueGiven: false,
        frictionObservations: 0,
        overCounted: false,
        isTopLoss: false,
        abandonmentDelta: null,
        known: false,
      };
    }
    return { ...m, abandonmentDelta: diff(m.abandonment, w.abandonment), known: true };
  });
  return { steps, model };
}

export interface FrictionCell {
  stepId: string;
  category: FrictionCategory;
  count: number;
  frictions: { id: string; label: string; count: number }[];
}

/** The friction map: steps × categories; a cell with no frictions is null (visibly empty, not zero). */
export function frictionMap(doc: CheckoutFrictionDoc): {
  categories: FrictionCategory[];
  cells: (FrictionCell | null)[][];
  max: number;
} {
  let max = 0;
  const cells = doc.steps.map((s) =>
    FRICTION_CATEGORIES.map((category) => {
      const frictions = (s.frictions ?? []).filter((f) => f.category === category);
      if (frictions.length === 0) return null;
      const count = frictions.reduce((n, f) => n + f.count, 0);
      max = Math.max(max, count);
      return {
        stepId: s.id,
        category,
        count,
        frictions: frictions
          .map((f) => ({ id: f.id, label: f.label, count: f.count }))
          .sort((a, b) => b.count - a.count),
      };
    }),
  );
  return { categories: [...FRICTION_CATEGORIES], cells, max };
}

export interface RankedCause {
  id: string;
  label: string;
  category: FrictionCategory;
  stepId: string;
  stepLabel: string;
  count: number;
  /**
   * The step's revenue at risk shared out by count: count ÷ max(frictions
   * observed, exits). Over-counted steps share all of it; steps whose exits
   * are not all explained keep the rest unassigned.
   */
  revenueAtRisk: number | null;
}

export function rankCauses(doc: CheckoutFrictionDoc, flow: FlowModel, by: 'count' | 'revenue'): RankedCause[] {
  const out: RankedCause[] = [];
  doc.steps.forEach((s, i) => {
    const step = flow.steps[i]!;
    const denom = Math.max(step.frictionObservations, step.exited);
    for (const f of s.frictions ?? []) {
      const share = ratio(f.count, denom);
      out.push({
        id: f.id,
        label: f.label,
        category: f.category,
        stepId: s.id,
        stepLabel: s.label,
        count: f.count,
        revenueAtRisk: share === null || step.revenueAtRisk === null ? null : share * step.revenueAtRisk,
      });
    }
  });
  const key = (c: RankedCause) => (by === 'revenue' ? (c.revenueAtRisk ?? -1) : c.count);
  return out.sort((a, b) => key(b) - key(a) || b.count - a.count || a.label.localeCompare(b.label));
}

export function checkoutIsEmpty(doc: Pick<CheckoutFrictionDoc, 'steps'>): boolean {
  return doc.steps.length === 0;
}
