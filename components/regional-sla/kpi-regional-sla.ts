import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { isPick, listKey } from '../../src/core/keys.js';
import { RovingFocus } from '../../src/core/roving-focus.js';
import { nextSort, sortHeader, sortKeys, spacerRow } from '../../src/core/parts.js';
import { partStyles } from '../../src/theme/part-styles.js';
import { RowWindow, keepingFocus, revealSpan } from '../../src/core/row-window.js';
import { regionalSlaSchema, type RegionalSlaDoc } from '../../src/schema/regional-sla.js';
import type { SlaItem, SlaRow, SortDir, SortKey } from '../../src/compute/regional-sla.js';
import { SlaTableModel, type SlaTableInput } from '../../src/view/regional-sla-model.js';
import {
  SLA_COLUMNS,
  STATUSES,
  STATUS_TEXT,
  slaFilterAnnouncement,
  slaHeader,
  slaRowView,
  slaStatusLine,
  slaSummaryRow,
  slaTracks,
} from '../../src/view/regional-sla.js';
import { sortTabStop } from '../../src/view/table.js';
import { slaStrings, type RegionalSlaMessages } from '../../src/i18n/en/regional-sla.js';
import { slaStyles } from './kpi-regional-sla.styles.js';
import { metricHead, slaCells, statusIcon } from './parts.js';

/** Row height in em of the font (44 px at 14 px): fixed, so the scroll position says which rows are in view. */
const ROW_EM = 3.15;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 4;
/** Below this many rows everything is rendered. */
const VIRTUAL_MIN = 120;
/** Rows PageUp/PageDown move the focus by. */
const PAGE_ROWS = 10;
/** After the last keystroke in the filter, how long (ms) before screen readers hear how many regions are shown. */
const SAY_AFTER = 700;

/**
 * SLA performance region by region: for each metric the median, P90 against its
 * target (with a bar and a status shown by colour, icon and text) and the breach
 * rate; sortable, filterable (accent-insensitive), grouped with volume-weighted
 * subtotals, with a totals row and a CSV export of what is shown. Renders only
 * the rows in view, so thousands of regions stay smooth. On phones the table
 * keeps every column (sorting and selection work at every width) in a compact
 * layout that scrolls sideways under its sticky region column.
 *
 * Keyboard: every column header is a sort button; the rows hold one tab stop, moved by Up, Down,
 * PageUp, PageDown, Home and End; Enter or Space picks a region. After a filter, sort or scroll
 * the stop stays on its region while it is shown and in view, else the first region in view.
 *
 * @summary Regional SLA table for a `regional-sla` KPI document.
 * @tag kpi-regional-sla
 *
 * @attr sort - The sorted column: `label`, `group`, `volume` or `<metricId>:p50|p90|breach` (default `volume`).
 * @attr sort-dir - `ascending` or `descending` (default `descending`).
 * @attr filter - Shows the regions whose name or code contains this text (accents and case ignored).
 * @attr grouped - Groups rows by `group`, with subtotals.
 *
 * @fires kpi-select - A region was picked: `detail: { type: 'region', id }`.
 * @fires kpi-error - The document is invalid or could not be loaded.
 *
 * @csspart base - The card.
 * @csspart header - Title, subtitle, period and controls.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - Loading, empty, error and stale panels.
 * @csspart table - The table.
 * @csspart row - A region row.
 * @csspart cell - A metric cell.
 * @csspart bar - A target-vs-actual bar.
 * @csspart label - A region label.
 * @csspart value - A number.
 * @csspart legend - The status legend.
 *
 * @cssprop --kpi-sla-max-height - Height of the scrolling table (default 32rem).
 * @cssprop --kpi-sla-label-width - Width of the sticky region column (default 12rem).
 */
export class KpiRegionalSla extends KpiElement<'regional-sla', RegionalSlaMessages> {
  static override styles = [...KpiElement.styles, partStyles, slaStyles];
  static override strings = slaStrings;
  static override schema = regionalSlaSchema;
  /** Lit's reactive properties (declared here rather than with decorators: a smaller build). */
  static override properties: PropertyDeclarations = {
    sort: { reflect: true },
    sortDir: { attribute: 'sort-dir', reflect: true },
    filter: { reflect: true },
    grouped: { type: Boolean, reflect: true },
    said: { state: true },
  };

  protected readonly kind = 'regional-sla' as const;

  /** The sorted column. */
  sort: SortKey = 'volume';
  /** The sort direction. */
  sortDir: SortDir = 'descending';
  /** The filter text. */
  filter = '';
  /** Group rows by `group`, with subtotals. */
  grouped = false;

  /** The region that holds the table's tab stop: the focused one while it is drawn, else the first drawn. */
  readonly #focus = new RovingFocus(this);
  /** What the live region says: the regions shown, once typing in the filter stops. */
  private said = '';
  #sayTimer?: unknown;

  /** The rows, filtered, sorted, grouped and totalled: worked out in the view model, only when their inputs change. */
  readonly #table = new SlaTableModel();
  /** The rows in view (long tables): a screenful of the default 32rem box and the overscan (16), then measured. */
  readonly #rowWindow = new RowWindow(this, ROW_EM, OVERSCAN, 16);

  protected isEmpty(doc: RegionalSlaDoc): boolean {
    return doc.regions.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A filter typed (not the first one set): speak once typing stops.
    if (changed.get('filter') !== undefined) {
      this.clock.clearTimeout(this.#sayTimer);
      this.#sayTimer = this.clock.setTimeout(() => {
        if (this.doc)
          this.said = slaFilterAnnouncement(this.doc, this.shownRows().length, this.filter, this.viewOptions);
      }, SAY_AFTER);
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    // Rows are recycled by position; keep the focus on the focused region (see keepingFocus). Ids: [A-Za-z0-9_.:-].
    keepingFocus(
      this.renderRoot,
      'tr.region',
      () => this.renderRoot.querySelector(`tr[data-id="${this.#focus.key}"]`),
      () => super.update(changed),
    );
  }

  // ---------------------------------------------------------------- derived data

  /** What the table depends on, for the view model. */
  #input(doc: RegionalSlaDoc): SlaTableInput {
    const dir = this.sortDir === 'ascending' ? 'ascending' : 'descending';
    const { filter, sort, grouped, loc } = this;
    return {
      doc,
      version: this.docVersion,
      filter,
      sort,
      dir,
      grouped,
      loc,
      noGroup: this.t('noGroup'),
      total: this.t('total'),
    };
  }

  /** The rows shown: filtered, then sorted. */
  shownRows(): SlaRow[] {
    return this.doc ? this.#table.shown(this.#input(this.doc)) : [];
  }

  // ---------------------------------------------------------------- CSV

  /**
   * The rows shown (filtered and sorted) as CSV text in the page's locale conventions (what `export('csv')` saves);
   * empty without data. Async: the export code loads on first use.
   */
  async toCSV(): Promise<string> {
    await this.updateComplete;
    return this.state === 'ready' ? (await this.export('csv')).text() : '';
  }

  /** The CSV export's rows: those shown, filtered and sorted. */
  protected override exportShown(): unknown {
    return this.shownRows();
  }

  // ---------------------------------------------------------------- interaction

  #setSort(key: SortKey): void {
    ({ sort: this.sort, dir: this.sortDir } = nextSort(this.sort, this.sortDir, key, ['label', 'group']));
  }

  #pickRow(id: string): void {
    this.#focus.focused(id);
    this.select({ type: 'region', id });
  }

  async #onRowKey(event: KeyboardEvent): Promise<void> {
    const tr = (event.target as HTMLElement).closest('tr[data-index]') as HTMLElement | null;
    if (!tr) return;
    const index = Number(tr.dataset['index']);
    const doc = this.doc;
    if (!doc) return;
    const items = this.#table.items(this.#input(doc));
    if (isPick(event.key)) {
      event.preventDefault();
      const item = items[index];
      if (item?.type === 'region') this.#pickRow(item.row.id);
      return;
    }
    let next = listKey(event.key, index, items.length, PAGE_ROWS, true);
    if (next === null) return;
    event.preventDefault();
    // The totals row: Ctrl+End, or End on the last row (issue #40: the total is not the last of hundreds of lines).
    if (event.key === 'End' && (event.ctrlKey || next === index)) {
      (this.renderRoot.querySelector('tr.totals') as HTMLElement | null)?.focus();
      return;
    }
    // Skip group header rows in the direction of travel (End: back to the last region).
    const dir = event.key === 'End' || (event.key !== 'Home' && next < index) ? -1 : 1;
    while (items[next]?.type === 'group' && items[next + dir]) next += dir;
    const item = items[next];
    if (!item || item.type !== 'region') return;
    this.#focus.focused(item.row.id);
    const scroller = this.renderRoot.querySelector('.scroller') as HTMLElement | null;
    if (scroller) {
      const rowH = this.#rowWindow.rowHeight;
      const top = next * rowH;
      const header = (this.renderRoot.querySelector('thead') as HTMLElement | null)?.offsetHeight ?? 0;
      const footer = (this.renderRoot.querySelector('tfoot') as HTMLElement | null)?.offsetHeight ?? 0;
      scroller.scrollTop = revealSpan(top, rowH + header + footer, scroller.scrollTop, scroller.clientHeight);
      this.#rowWindow.measure(scroller);
    }
    await this.updateComplete;
    (this.renderRoot.querySelector(`tr[data-index="${next}"]`) as HTMLElement | null)?.focus();
  }

  // ---------------------------------------------------------------- rendering

  protected override renderControls(doc: RegionalSlaDoc): TemplateResult {
    const hasGroups = this.#table.facts(this.#input(doc)).groups;
    return html`<div class="controls">
      <label class="search"><span class="sr-only">${this.t('filter')}</span>
        <input type="search" .value=${this.filter}
          placeholder=${this.t('filterPlaceholder')} aria-label=${this.t('filter')}
          @input=${(e: Event) => {
            this.filter = (e.target as HTMLInputElement).value;
          }} />
      </label>
      ${
        hasGroups
          ? html`<button type="button" class="btn" aria-pressed=${this.grouped ? 'true' : 'false'} @click=${() => {
              this.grouped = !this.grouped;
            }}>${this.t('grouped')}</button>`
          : nothing
      }
    </div>`;
  }

  protected renderReady(doc: RegionalSlaDoc): TemplateResult {
    const input = this.#input(doc);
    const shown = this.#table.shown(input);
    const line = slaStatusLine(doc, shown, this.viewOptions, this.#table.counts(input));
    return html`
      <div class="summary">
        <span class="count">${line.count}</span>
        ${line.metrics.map((m) => html`<span class="metric-status"><strong>${m.label}</strong> ${m.text}</span>`)}
      </div>
      ${
        shown.length === 0
          ? html`<p class="nomatch">${this.t('noMatches', { query: this.filter })}</p>`
          : this.#renderTable(doc)
      }
      <span class="sr-only" role="status">${this.said}</span>
      <p part="legend" class="legend">
        ${STATUSES.map((s) => html`<span>${statusIcon(s)}${this.t(STATUS_TEXT[s])}</span>`)}
        <span class="note">${this.t('weighted')}</span>
      </p>
    `;
  }

  #renderTable(doc: RegionalSlaDoc): TemplateResult {
    const input = this.#input(doc);
    const items = this.#table.items(input);
    const virtual = items.length > VIRTUAL_MIN;
    const start = virtual ? Math.min(this.#rowWindow.start, Math.max(0, items.length - 1)) : 0;
    const end = virtual ? Math.min(items.length, this.#rowWindow.end) : items.length;
    const { groups, repeat } = this.#table.facts(input);
    const showGroupCol = !this.grouped && groups;
    const head = slaHeader(
      doc,
      showGroupCol,
      this.sort,
      this.sortDir === 'ascending' ? 'ascending' : 'descending',
      this.viewOptions,
    );
    const cols = head.columns.length;
    const sortStop = sortTabStop(head.columns.map((c) => c.sort));
    const total = slaSummaryRow(doc, this.t('total'), this.#table.total(input), this.viewOptions);
    // One tab stop that always lands on a row that is drawn: the focused region while it is shown and in
    // view, else the first region in view (a filter, a sort or a scroll can take the focused one away).
    const drawn = items.slice(start, end);
    const focusId = this.#focus.stop(drawn.filter((i) => i.type === 'region').map((i) => i.key));
    const rowH = this.#rowWindow.rowHeight;
    const sortTh = (c: (typeof head.columns)[number], k: number) => {
      const sticky = Boolean(c.sticky);
      const cls = classNames({ sticky, 'label-col': sticky, num: c.numeric, 'p90-col': Boolean(c.wide) });
      return sortHeader(c.label, c.sort, () => this.#setSort(c.key), cls, c.context, k === sortStop ? 0 : -1);
    };
    const tracks = slaTracks(head.columns);
    const grid = { '--_row': `${rowH}px`, '--_cols': tracks.cols, '--_minw': tracks.min };
    return html`<div class="scroller" ${styleProps(grid)}
      @scroll=${this.#rowWindow.onScroll} @keydown=${this.#onRowKey}>
      <table part="table" aria-rowcount=${items.length + 3} aria-colcount=${cols}>
        <caption class="sr-only">${this.t('caption', { title: doc.title ?? '' })}</caption>
        <thead>
          <tr aria-rowindex="1" class="h1">
            <td class="sticky corner"></td>
            <td colspan=${showGroupCol ? 2 : 1} class=${showGroupCol ? 'span2' : ''}></td>
            ${head.metrics.map((m) => metricHead(m.label, m.target, SLA_COLUMNS.length))}
          </tr>
          <tr aria-rowindex="2" class="h2" @keydown=${sortKeys}>
            ${head.columns.map(sortTh)}
          </tr>
        </thead>
        <tbody>
          ${spacerRow(cols, start, rowH)}
          ${drawn.map((item, i) => this.#renderItem(doc, item, start + i, showGroupCol, repeat, focusId))}
          ${spacerRow(cols, items.length - end, rowH)}
        </tbody>
        <tfoot>
          <tr class="totals" data-index=${items.length} tabindex="-1" aria-rowindex=${items.length + 3}>
            <th scope="row" class="sticky label-col">${total.label}<span class="sub">${total.sub}</span></th>
            ${showGroupCol ? html`<td></td>` : nothing}
            <td class="num">${total.volume}</td>
            ${slaCells(total)}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  #renderItem(
    doc: RegionalSlaDoc,
    item: SlaItem,
    index: number,
    showGroupCol: boolean,
    repeat: boolean,
    focusId: string,
  ): TemplateResult {
    if (item.type === 'group') {
      const g = slaSummaryRow(doc, item.label, item.summary, this.viewOptions);
      return html`<tr class="group" data-index=${index} aria-rowindex=${index + 3}>
        <th scope="row" class="sticky label-col">${g.label}<span class="sub">${g.sub}</span></th>
        <td class="num">${g.volume}</td>
        ${slaCells(g)}
      </tr>`;
    }
    const r = slaRowView(doc, item.row, repeat, showGroupCol, this.viewOptions);
    return html`<tr part="row" class="region" data-index=${index} data-id=${r.id}
      data-mark=${r.id} aria-rowindex=${index + 3}
      tabindex=${r.id === focusId ? 0 : -1} @click=${() => this.#pickRow(r.id)}
      @focus=${() => this.#focus.focused(r.id)}>
      <th scope="row" class="sticky label-col" part="label">
        <span class="name">${r.label}</span><span class="sub">${r.sub}</span>
      </th>
      ${showGroupCol ? html`<td class="grp">${r.group}</td>` : nothing}
      <td class="num" part="value">${r.volume}</td>
      ${slaCells(r)}
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-regional-sla': KpiRegionalSla;
  }
}
