import type { KpiIssue } from '../schema/index.js';

/** What a user picked: the ids that identify it within the document. */
export interface KpiSelectDetail {
  /** The kind of thing picked: `step`, `segment`, `cell`, `friction`, `cohort`, `region`, `channel`, … */
  type: string;
  /** The id of the thing picked (step id, region id, channel id, …). */
  id: string;
  /** Further ids that qualify it (segment id, period offset, category, breakdown value, …). */
  [key: string]: string | number | undefined;
}

export interface KpiErrorDetail {
  /** Each problem with its JSON path. */
  issues: KpiIssue[];
  /** Where the bad input came from. */
  source: 'data' | 'src';
}

/** Fired (bubbling, composed) when the user picks a step, cell, row or channel. */
export class KpiSelectEvent extends CustomEvent<KpiSelectDetail> {
  static readonly type = 'kpi-select';
  constructor(detail: KpiSelectDetail) {
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
