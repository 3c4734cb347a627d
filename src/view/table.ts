/** A data table as plain text: what the screen-reader tables behind the charts show. */
export interface TableView {
  caption: string;
  /** Column headers. */
  head: string[];
  /** Each row: its header cell, then its cells. */
  rows: { head: string; cells: string[] }[];
}
