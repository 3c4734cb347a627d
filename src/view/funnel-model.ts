/**
 * The funnel's view model: the document's steps (of everyone, of each segment, of the comparison) and the views of
 * them the element draws, each worked out only when what it depends on changed. `<kpi-funnel>` holds one and asks it.
 */
import {
  computeComparison,
  computeFunnel,
  computeSegments,
  type FunnelModel,
  type FunnelSegmentModel,
} from '../compute/funnel.js';
import type { FunnelDoc } from '../schema/funnel.js';
import {
  compactView,
  funnelView,
  multiplesView,
  type CompactView,
  type FunnelOptions,
  type FunnelView,
  type MultiplesView,
} from './funnel.js';
import { ViewModel } from './view-model.js';

export class FunnelViewModel extends ViewModel {
  /** Everyone's steps (`version` says when the document changed). */
  total(doc: FunnelDoc, version: number): FunnelModel {
    return this.derive('total', [version], () => computeFunnel(doc));
  }

  /** Each segment's steps. */
  segments(doc: FunnelDoc, version: number): FunnelSegmentModel[] {
    return this.derive('segments', [version], () => computeSegments(doc));
  }

  /** The segment `id`, when the document has it. */
  segment(doc: FunnelDoc, version: number, id: string): FunnelSegmentModel | undefined {
    return id ? this.segments(doc, version).find((s) => s.id === id) : undefined;
  }

  /** One funnel: everyone's, with the comparison, or a segment's on everyone's scale. */
  view(doc: FunnelDoc, version: number, segment: FunnelSegmentModel | undefined, o: FunnelOptions): FunnelView {
    const total = this.total(doc, version);
    const cmp = this.derive('comparison', [version], () => computeComparison(doc, total));
    return this.derive('view', [version, segment, o.percentOf, o.scale, o.locale], () =>
      funnelView(doc, total, cmp, segment, o),
    );
  }

  /** Every segment side by side. */
  multiples(doc: FunnelDoc, version: number, o: FunnelOptions): MultiplesView {
    return multiplesView(doc, this.total(doc, version), this.segments(doc, version), o);
  }

  /** The compact card. */
  compact(doc: FunnelDoc, version: number, o: FunnelOptions): CompactView {
    return compactView(doc, this.total(doc, version), o);
  }
}
