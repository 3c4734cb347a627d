/** A data table as plain text: what the screen-reader tables behind the charts show. */
export interface TableView {
  caption: string;
  /** Column headers. */
  head: string[];
  /** Each row: its header cell, then its cells. */
  rows: { head: string; cells: string[] }[];
}

/** The column whose sort button holds a header row's one Tab stop: the sorted column, else the first. */
export function sortTabStop(sorts: readonly ('ascending' | 'descending' | 'none')[]): number {
  return Math.max(
    0,
    sorts.findIndex((s) => s !== 'none'),
  );
}
