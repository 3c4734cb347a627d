import type { FunnelDoc, FunnelPartialStep } from '../schema/funnel.js';
import { argMax, diff, ratio, relativeChange, tone, type Tone } from './common.js';

export type PercentOf = 'first' | 'previous';

/** The derived figures of one step. Every number is finite or null ("no data"). */
export interface FunnelStepModel {
  id: string;
  label: string;
  index: number;
  count: number | null;
  value: number | null;
  medianSecondsFromPrevious: number | null;
  /** count ÷ first step's count. */
  ofFirst: number | null;
  /** count ÷ previous step's count (null for the first step). */
  ofPrevious: number | null;
  /** Shoppers lost since the previous step (≥ 0; 0 when the count rose). */
  dropCount: number | null;
  /** dropCount ÷ previous count. */
  dropRate: number | null;
  /** Gained since the previous step when counts rise (open funnels), else 0. */
  riseCount: number | null;
  isLargestDrop: boolean;
}

export interface FunnelComparisonStep {
  count: number | null;
  ofFirst: number | null;
  ofPrevious: number | null;
  /** count now ÷ count then − 1. */
  countChange: number | null;
  /** Conversion now − conversion then, as a fraction (shown in percentage points), for each base. */
  ofFirstDelta: number | null;
  ofPreviousDelta: number | null;
}

export interface FunnelModel {
  steps: FunnelStepModel[];
  /** Overall conversion, last step ÷ first step. */
  overall: number | null;
  /** The last step's `value` (revenue) when given. */
  revenue: number | null;
  largestDropIndex: number | null;
  /** The largest count among steps (and comparison), for scales. */
  maxCount: number;
  hasTimes: boolean;
  hasValues: boolean;
}

export interface FunnelComparisonModel {
  label: string;
  steps: FunnelComparisonStep[];
  overall: number | null;
  /** Overall conversion now − then (fraction). */
  overallDelta: number | null;
}

export interface FunnelSegmentModel {
  id: string;
  label: string;
  model: FunnelModel;
}

/** One step as the maths needs it. */
interface StepInput {
  id: string;
  label: string;
  count: number | null;
  value?: number | undefined;
  medianSecondsFromPrevious?: number | undefined;
}

/** Conversion, drop-off and the largest drop for an ordered list of steps. */
export function computeSteps(steps: readonly StepInput[]): FunnelModel {
  const first = steps[0]?.count ?? null;
  const models: FunnelStepModel[] = steps.map((s, index) => {
    const prev = index > 0 ? (steps[index - 1]?.count ?? null) : null;
    const delta = index > 0 ? diff(prev, s.count) : null;
    const dropCount = delta === null ? null : Math.max(0, delta);
    const riseCount = delta === null ? null : Math.max(0, -delta);
    return {
      id: s.id,
      label: s.label,
      index,
      count: s.count,
      value: s.value ?? null,
      medianSecondsFromPrevious: index > 0 ? (s.medianSecondsFromPrevious ?? null) : null,
      ofFirst: ratio(s.count, first),
      ofPrevious: index > 0 ? ratio(s.count, prev) : null,
      dropCount,
      dropRate: dropCount === null ? null : ratio(dropCount, prev),
      riseCount,
      isLargestDrop: false,
    };
  });
  const largestDropIndex = argMax(models.map((m) => m.dropRate));
  if (largestDropIndex !== null) models[largestDropIndex]!.isLargestDrop = true;
  const last = steps[steps.length - 1];
  return {
    steps: models,
    overall: ratio(last?.count, first),
    revenue: last?.value ?? null,
    largestDropIndex,
    maxCount: Math.max(0, ...steps.map((s) => s.count ?? 0)),
    hasTimes: models.some((m) => m.medianSecondsFromPrevious !== null),
    hasValues: models.some((m) => m.value !== null),
  };
}

/**
 * Lines up partial steps (comparison or segment) with the document's steps by id; a missing step is "no data" (null).
 */
export function alignSteps(doc: Pick<FunnelDoc, 'steps'>, partial: readonly FunnelPartialStep[]): StepInput[] {
  const byId = new Map(partial.map((s) => [s.id, s]));
  return doc.steps.map((s) => {
    const p = byId.get(s.id);
    return {
      id: s.id,
      label: s.label,
      count: p ? p.count : null,
      value: p?.value,
      medianSecondsFromPrevious: p?.medianSecondsFromPrevious,
    };
  });
}

export function computeFunnel(doc: FunnelDoc): FunnelModel {
  const model = computeSteps(doc.steps);
  if (doc.comparison) {
    const cmpMax = Math.max(0, ...doc.comparison.steps.map((s) => s.count ?? 0));
    model.maxCount = Math.max(model.maxCount, cmpMax);
  }
  return model;
}

export function computeComparison(doc: FunnelDoc, current: FunnelModel): FunnelComparisonModel | null {
  if (!doc.comparison) return null;
  const then = computeSteps(alignSteps(doc, doc.comparison.steps));
  return {
    label: doc.comparison.label,
    steps: then.steps.map((t, i) => {
      const now = current.steps[i];
      return {
        count: t.count,
        ofFirst: t.ofFirst,
        ofPrevious: t.ofPrevious,
        countChange: relativeChange(now?.count, t.count),
        ofFirstDelta: diff(now?.ofFirst, t.ofFirst),
        ofPreviousDelta: diff(now?.ofPrevious, t.ofPrevious),
      };
    }),
    overall: then.overall,
    overallDelta: diff(current.overall, then.overall),
  };
}

export function computeSegments(doc: FunnelDoc): FunnelSegmentModel[] {
  return (doc.segments ?? []).map((seg) => ({
    id: seg.id,
    label: seg.label,
    model: computeSteps(alignSteps(doc, seg.steps)),
  }));
}

/** The conversion shown for a step in the chosen base. */
export function conversion(
  step: Pick<FunnelStepModel, 'ofFirst' | 'ofPrevious' | 'index'>,
  percentOf: PercentOf,
): number | null {
  if (percentOf === 'previous') return step.index === 0 ? step.ofFirst : step.ofPrevious;
  return step.ofFirst;
}

/** True when no step has a known count: the widget shows its empty state. */
export function funnelIsEmpty(doc: Pick<FunnelDoc, 'steps'>): boolean {
  return doc.steps.every((s) => s.count === null);
}

/** Whether a change is good: more conversion is better. Null or zero is neutral. */
export function changeTone(delta: number | null): Tone {
  return tone(delta, 0);
}
