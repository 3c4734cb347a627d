import type { KpiIssue, KpiKind } from '../schema/index.js';

/**
 * What each widget's `kpi-select` says the user picked: `type` names the thing, `id` its id in the
 * document, and further fields qualify it. Narrow on `type` (a discriminated union).
 */
export interface KpiSelections {
  /** A step, of one segment when `segment` is set. */
  funnel: { type: 'step'; id: string; segment?: string };
  /** A step, a cell of the friction map (step × category), or a friction cause at its step. */
  'checkout-friction': { type: 'step'; id: string } | { type: 'cell'; id: string; category: string } | { type: 'friction'; id: string; step: string };
  /** A cohort's cell at period offset `period`, or the average row's (`id: 'average'`). */
  cohort: { type: 'cell'; id: string; period: number } | { type: 'average'; id: 'average'; period: number };
  'regional-sla': { type: 'region'; id: string };
  channels: { type: 'channel'; id: string };
  /** A period, by its first day (`2026-11-01`). */
  forecast: { type: 'period'; id: string };
}

/** What a user picked, in any widget (`KpiSelections[kind]` for one widget). */
export type KpiSelectDetail = KpiSelections[KpiKind];

export interface KpiErrorDetail {
  /** Each problem with its JSON path. */
  issues: KpiIssue[];
  /** Where the bad input came from. */
  source: 'data' | 'src';
}

/** Fired (bubbling, composed) when the user picks a step, cell, row, channel or period. */
export class KpiSelectEvent<D extends KpiSelectDetail = KpiSelectDetail> extends CustomEvent<D> {
  static readonly type = 'kpi-select';
  constructor(detail: D) {
    super(KpiSelectEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** Fired (bubbling, composed) when the input cannot be shown: invalid document, bad JSON or a failed load. */
export class KpiErrorEvent extends CustomEvent<KpiErrorDetail> {
  static readonly type = 'kpi-error';
  constructor(detail: KpiErrorDetail) {
    super(KpiErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpi-select': KpiSelectEvent;
    'kpi-error': KpiErrorEvent;
  }
}
