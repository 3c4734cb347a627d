/**
 * The regional SLA table's view model: the document's rows, then the filter, the sort, the groups and the totals, each
 * worked out only when what it depends on changed. `<kpi-regional-sla>` holds one and asks it.
 */
import { labelRanks } from '../compute/common.js';
import {
  filterRows,
  labelsRepeat,
  layoutItems,
  metricStatusCounts,
  slaRows,
  sortRows,
  summarise,
  type SlaItem,
  type SlaRow,
  type SlaSummary,
  type SortKey,
} from '../compute/regional-sla.js';
import type { RegionalSlaDoc } from '../schema/regional-sla.js';
import { ViewModel } from './view-model.js';

/** What the table depends on: the document (its version says when it changed) and the element's state. */
export interface SlaTableInput {
  doc: RegionalSlaDoc;
  version: number;
  filter: string;
  sort: SortKey;
  dir: 'ascending' | 'descending';
  grouped: boolean;
  /** The page's language (the labels' order). */
  loc: string;
  /** The label of the rows without a group, and of the totals row, in that language. */
  noGroup: string;
  total: string;
}

export class SlaTableModel extends ViewModel {
  /** How many orders of the document's rows were worked out (filtered or sorted anew). */
  #orders = 0;

  /** The document's rows, in its order. */
  rows(s: SlaTableInput): SlaRow[] {
    return this.derive('rows', [s.version], () => {
      this.#orders = 0;
      return slaRows(s.doc);
    });
  }

  /** The rows the filter keeps, in document order: what the totals and status counts are of (no sort changes them). */
  filtered(s: SlaTableInput): SlaRow[] {
    const rows = this.rows(s);
    return this.derive('filtered', [rows, s.filter], () => filterRows(rows, s.filter));
  }

  /** The rows shown: filtered, then sorted. */
  shown(s: SlaTableInput): SlaRow[] {
    const filtered = this.filtered(s);
    return this.derive('shown', [filtered, s.sort, s.dir, s.loc], () => {
      const rows = this.rows(s);
      // The first two orders of a document (the first render's, the first sort's) break their ties with the
      // collator (~12,000 label comparisons for 5,000 regions by volume); a table sorted again gets every
      // label's rank once (~60,000, ~10 ms), then compares numbers. Not on the first sort: that one stays
      // within one 50 ms task.
      const ranks =
        ++this.#orders > 2 ? this.derive('ranks', [rows, s.loc], () => labelRanks(rows, (r) => r, s.loc)) : undefined;
      return sortRows(filtered, s.sort, s.dir, s.loc, ranks);
    });
  }

  /** The table's lines: the rows shown, under their group's subtotal when grouped. */
  items(s: SlaTableInput): SlaItem[] {
    const shown = this.shown(s);
    return this.derive('items', [shown, s.grouped, s.noGroup], () =>
      layoutItems(shown, s.doc.metrics, s.grouped, s.noGroup),
    );
  }

  /** What a render needs to know of the whole document, worked out once per document (not per scroll frame). */
  facts(s: SlaTableInput): { groups: boolean; repeat: boolean } {
    return this.derive('facts', [s.version], () => ({
      groups: s.doc.regions.some((r) => r.group),
      repeat: labelsRepeat(this.rows(s)),
    }));
  }

  /** The totals row, of the rows the filter keeps. */
  total(s: SlaTableInput): SlaSummary {
    const rows = this.filtered(s);
    return this.derive('total', [rows, s.total], () => summarise(s.total, rows, s.doc.metrics));
  }

  /** How many of the rows the filter keeps are within, at risk and breached, per metric. */
  counts(s: SlaTableInput): ReturnType<typeof metricStatusCounts> {
    const rows = this.filtered(s);
    return this.derive('counts', [rows], () => metricStatusCounts(rows, s.doc.metrics));
  }
}
