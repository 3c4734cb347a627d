import type { KpiIssue } from '../schema/parse.js';
import type { KpiKind, KpiSelections } from '../kinds/all.js';

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
