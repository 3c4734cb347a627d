import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { SizeController } from '../../src/core/size-controller.js';
import { Memo } from '../../src/core/memo.js';
import { toggleGroup } from '../../src/core/parts.js';
import { lineGeometry } from '../../src/layout/line.js';
import { axisRoom, labelInset } from '../../src/layout/columns.js';
import { gridKey, isPick } from '../../src/core/keys.js';
import { RowWindow, keepingFocus } from '../../src/core/row-window.js';
import { cohortSchema, type CohortDoc } from '../../src/schema/cohort.js';
import {
  cohortIsEmpty, computeCohort, modesFor, resolveMode, shadeAverage, shadeCells,
  type CohortMode, type CohortModel, type CohortScaleMode,
} from '../../src/compute/cohort.js';
import { PaletteProbe, paletteProbeStyles } from '../../src/core/palette.js';
import {
  cohortCurve, cohortHead, curveStart, cohortLegend, cohortRow, cohortTip, modeName, type CohortCellView,
} from '../../src/view/cohort.js';
import { cohortStrings, type CohortGridMessages } from './strings.js';
import { cohortStyles } from './kpi-cohort-grid.styles.js';

/** The row index of the average row in keyboard navigation. */
const AVERAGE = -1;
/** Rows moved by PageUp / PageDown. */
const PAGE_ROWS = 10;
/** Row height in em of the widget's font (32 px at 14 px): fixed, so the rows in view follow from the scroll position. */
const ROW_EM = 2.3;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;
/** Up to this many cohorts every row is rendered; beyond it only the rows in view. */
const VIRTUAL_MIN = 40;

interface CellStyle { bg: string; fg: string }

/**
 * A retention and LTV cohort grid: one row per acquisition cohort with its size,
 * one column per period since acquisition, a weighted-average row, and cells
 * shaded on a colour scale with text that stays readable on every shade.
 * A real `<table>` with the ARIA grid keyboard pattern.
 *
 * Keyboard: the grid holds one tab stop; arrows, Home, End, Ctrl+Home/End and PageUp/PageDown
 * move it, Enter or Space picks a cell, focus shows its tooltip and Escape closes it. When the
 * active row scrolls out of the rendered rows, the stop moves to the average row.
 *
 * @summary Cohort grid for a `cohort` KPI document.
 * @tag kpi-cohort-grid
 *
 * @attr mode - `percent` (default for customers), `count`, `churn`; for revenue, `ltv` (default) or `revenue`.
 * @attr scale - `global` (default): one colour scale for the grid; `row`: each cohort against itself.
 * @attr curve - Show the average curve above the grid.
 *
 * @fires kpi-select - A cell was picked: `detail: { type: 'cell', id: cohortId, period }`, or `{ type: 'average', id: 'average', period }`.
 * @fires kpi-error - The document is invalid or could not be loaded.
 *
 * @csspart base - The card.
 * @csspart header - Title, subtitle, period and controls.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - Loading, empty, error and stale panels.
 * @csspart chart - The average curve.
 * @csspart table - The grid table.
 * @csspart row - A cohort row.
 * @csspart cell - A period cell.
 * @csspart label - A cohort label.
 * @csspart value - The size column.
 * @csspart legend - The colour legend.
 *
 * @cssprop --kpi-cohort-max-height - Height of the scrolling grid (default 30rem).
 * @cssprop --kpi-cohort-label-width - Width of the sticky cohort column (default 8.5rem).
 * @cssprop --kpi-cohort-cell-width - Minimum width of a period cell (default 4.25rem).
 * @cssprop --kpi-heat-low - Shade of the lowest value.
 * @cssprop --kpi-heat-high - Shade of the highest value.
 */
export class KpiCohortGrid extends KpiElement<'cohort', CohortGridMessages> {
  static override styles = [...KpiElement.styles, paletteProbeStyles, cohortStyles];
  static override strings = cohortStrings;
  static override schema = cohortSchema;
  /** Lit's reactive properties (declared here rather than with decorators: a smaller build). */
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    scale: { reflect: true },
    curve: { type: Boolean, reflect: true },
    activeCell: { state: true },
    tip: { state: true },
  };

  protected readonly kind = 'cohort' as const;

  /** Display mode; falls back to the measure's default when the measure does not offer it. */
  mode?: CohortMode;
  /** Colour scale: one for the whole grid, or one per cohort. */
  scale: CohortScaleMode = 'global';
  /** Show the average curve above the grid. */
  curve = false;

  private activeCell: { r: number; c: number } = { r: 0, c: 0 };
  private tip: { r: number; c: number; x: number; y: number } | null = null;
  /** The cohort rows in view (when the grid is large). */
  // 24 rows: a screenful of the default 30rem box plus the overscan; the row window measures the real box.
  readonly #rows = new RowWindow(this, ROW_EM, OVERSCAN, 24);

  readonly #size = new SizeController(this);
  readonly #modelMemo = new Memo<CohortModel>();
  readonly #styleMemo = new Memo<{ cells: (CellStyle | null)[][]; average: (CellStyle | null)[] }>();
  #highlight?: CSSStyleSheet;
  readonly #probe = new PaletteProbe(this);

  protected isEmpty(doc: CohortDoc): boolean {
    return cohortIsEmpty(doc);
  }

  /** The mode in effect for the current document. */
  get effectiveMode(): CohortMode {
    return this.doc ? resolveMode(this.doc.measure, this.mode) : (this.mode ?? 'percent');
  }

  protected override firstUpdated(): void {
    if (this.shadowRoot && 'adoptedStyleSheets' in this.shadowRoot && typeof CSSStyleSheet === 'function') {
      try {
        this.#highlight = new CSSStyleSheet();
        this.shadowRoot.adoptedStyleSheets = [...this.shadowRoot.adoptedStyleSheets, this.#highlight];
      } catch {
        this.#highlight = undefined;
      }
    }
  }

  #model(doc: CohortDoc): CohortModel {
    const mode = this.effectiveMode;
    return this.#modelMemo.get([this.docVersion, mode], () => computeCohort(doc, mode));
  }

  #styles(model: CohortModel): { cells: (CellStyle | null)[][]; average: (CellStyle | null)[] } {
    const scale = this.scale === 'row' ? 'row' : 'global';
    return this.#styleMemo.get([model, scale, this.#probe.version], () => {
      const styleFor = this.#probe.shader();
      const cells = shadeCells(model, scale).map((row) => row.map(styleFor));
      const average = shadeAverage(model, scale).map(styleFor);
      return { cells, average };
    });
  }

  protected override update(changed: PropertyValues<this>): void {
    keepingFocus(this.renderRoot, 'td[data-c]', () => this.#cellAt(this.activeCell.r, this.activeCell.c), () => super.update(changed));
  }

  // ---------------------------------------------------------------- interaction

  #cellAt(r: number, c: number): HTMLElement | null {
    return this.renderRoot.querySelector(`td[data-r="${r}"][data-c="${c}"]`);
  }

  #setHighlight(r: number | null, c: number | null): void {
    if (!this.#highlight) return;
    const rules: string[] = [];
    if (r !== null) rules.push(`tr[data-r="${r}"] > * { box-shadow: inset 0 2px 0 var(--_hl), inset 0 -2px 0 var(--_hl); }`);
    if (c !== null) rules.push(`[data-c="${c}"] { box-shadow: inset 2px 0 0 var(--_hl), inset -2px 0 0 var(--_hl); }`);
    // The ring has a halo of the surface inside it, so it stands out of the darkest cell too.
    if (r !== null && c !== null) rules.push(`td[data-r="${r}"][data-c="${c}"] { box-shadow: inset 0 0 0 2px var(--_hl), inset 0 0 0 4px var(--_surface); }`);
    try {
      this.#highlight.replaceSync(rules.join('\n'));
    } catch {
      // Highlighting is a nicety; never fail over it.
    }
  }

  #onPointer(event: Event): void {
    const cell = (event.target as Element).closest?.('td[data-c], th[data-c]') as HTMLElement | null;
    if (!cell) return;
    const r = cell.dataset['r'] !== undefined ? Number(cell.dataset['r']) : null;
    const c = Number(cell.dataset['c']);
    this.#setHighlight(r, c);
    if (r !== null && cell.tagName === 'TD') this.#showTip(r, c, cell);
  }

  #onLeave(): void {
    if (!this.renderRoot.querySelector('td[data-c]:focus')) this.#unmark();
  }

  /** No highlight, no tooltip. */
  #unmark(): void {
    this.#setHighlight(null, null);
    this.tip = null;
  }

  #showTip(r: number, c: number, cell: HTMLElement): void {
    const box = this.renderRoot.querySelector('.gridbox') as HTMLElement | null;
    if (!box) return;
    const a = cell.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const x = Math.max(0, Math.min(a.left - b.left, b.width - 240));
    const below = a.top - b.top < b.height / 2;
    this.tip = { r, c, x, y: below ? a.bottom - b.top + 4 : -(b.bottom - a.top + 4) };
  }

  #onFocusIn(event: FocusEvent): void {
    const cell = event.target as HTMLElement;
    if (cell.tagName !== 'TD' || cell.dataset['c'] === undefined) return;
    const r = Number(cell.dataset['r']);
    const c = Number(cell.dataset['c']);
    this.activeCell = { r, c };
    this.#setHighlight(r, c);
    this.#showTip(r, c, cell);
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.#unmark();
  }

  async #moveTo(r: number, c: number): Promise<void> {
    this.activeCell = { r, c };
    const scroller = this.renderRoot.querySelector('.scroller') as HTMLElement | null;
    if (scroller && r >= 0) {
      // Scroll so the row sits below the sticky header and average row, then render it and focus it without
      // letting the browser scroll again.
      const rowH = this.#rows.rowHeight;
      const head = (this.renderRoot.querySelector('thead') as HTMLElement | null)?.offsetHeight ?? rowH;
      const avg = (this.renderRoot.querySelector('tr.avg') as HTMLElement | null)?.offsetHeight ?? rowH;
      const top = r * rowH;
      const visible = scroller.clientHeight - head - avg;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + rowH > scroller.scrollTop + visible) scroller.scrollTop = top + rowH - visible;
      this.#rows.measure(scroller);
    }
    await this.updateComplete;
    const target = this.#cellAt(r, c);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  #onKeydown(event: KeyboardEvent): void {
    // Escape closes the tooltip the focus opened (and only that: a dialog around the widget stays open).
    if (event.key === 'Escape' && this.tip) {
      event.stopPropagation();
      this.tip = null;
      return;
    }
    const doc = this.doc;
    const cell = event.target as HTMLElement;
    if (!doc || cell.tagName !== 'TD' || cell.dataset['c'] === undefined) return;
    const r = Number(cell.dataset['r']);
    const c = Number(cell.dataset['c']);
    if (isPick(event.key)) {
      event.preventDefault();
      this.#pick(doc, r, c);
      return;
    }
    const model = this.#model(doc);
    const to = gridKey(event.key, event.ctrlKey, r, c, { rows: model.rows.length + 1, cols: model.periods, firstRow: AVERAGE, page: PAGE_ROWS });
    if (!to) return;
    event.preventDefault();
    void this.#moveTo(to.r, to.c);
  }

  #pick(doc: CohortDoc, r: number, c: number): void {
    if (r === AVERAGE) this.select({ type: 'average', id: 'average', period: c });
    else {
      const row = doc.cohorts[r];
      if (row) this.select({ type: 'cell', id: row.id, period: c });
    }
  }

  #onClick(event: Event): void {
    const cell = (event.target as Element).closest?.('td[data-c]') as HTMLElement | null;
    if (!cell || !this.doc) return;
    const r = Number(cell.dataset['r']);
    const c = Number(cell.dataset['c']);
    this.activeCell = { r, c };
    this.#pick(this.doc, r, c);
  }

  // ---------------------------------------------------------------- rendering

  protected override renderControls(doc: CohortDoc): TemplateResult {
    const modes = modesFor(doc.measure);
    const mode = this.effectiveMode;
    return html`<div class="controls">
      ${toggleGroup(this.t('mode'), modes.map((m) => ({ text: modeName(m, this.viewOptions), pressed: m === mode, pick: () => { this.mode = m; } })))}
      ${toggleGroup(this.t('scale'), [
        { text: this.t('scaleGlobal'), pressed: this.scale !== 'row', pick: () => { this.scale = 'global'; } },
        { text: this.t('scaleRow'), pressed: this.scale === 'row', pick: () => { this.scale = 'row'; } },
      ])}
    </div>`;
  }

  protected renderReady(doc: CohortDoc): TemplateResult {
    const model = this.#model(doc);
    const styles = this.#styles(model);
    const o = this.viewOptions;
    const head = cohortHead(doc, model, o);
    const rowsCount = model.rows.length;
    const virtual = rowsCount > VIRTUAL_MIN;
    const start = virtual ? Math.min(this.#rows.start, rowsCount) : 0;
    const end = virtual ? Math.min(rowsCount, this.#rows.end) : rowsCount;
    // The grid keeps one tab stop: the active cell, or, when its row is scrolled out of the rendered
    // range, the same column of the average row (always rendered).
    const active = this.activeCell.r === AVERAGE || (this.activeCell.r >= start && this.activeCell.r < end)
      ? this.activeCell
      : { r: AVERAGE, c: this.activeCell.c };
    const legend = cohortLegend(doc, model, this.scale === 'row', o);
    const tip = this.tip ? cohortTip(doc, model, this.tip.r, this.tip.c, o) : null;
    return html`
      ${this.curve ? this.#renderCurve(doc, model) : nothing}
      <p class="axis">${head.axis} →</p>
      <div class="gridbox">
        <div class="scroller" ${styleProps({ '--_hl': 'var(--_text)', '--_row': `${this.#rows.rowHeight}px` })} @scroll=${this.#rows.onScroll}
          @mouseover=${this.#onPointer} @mouseleave=${this.#onLeave} @focusin=${this.#onFocusIn} @focusout=${this.#onFocusOut}
          @keydown=${this.#onKeydown} @click=${this.#onClick}>
          <table part="table" role="grid" aria-label=${head.caption} aria-rowcount=${rowsCount + 2} aria-colcount=${model.periods + 2}>
            <thead>
              <tr aria-rowindex="1">
                <th scope="col" class="corner">${this.t('cohort')}</th>
                <th scope="col" class="sizecol">${this.t('size')}</th>
                ${head.periods.map((p, k) => html`<th scope="col" data-c=${k}><span aria-hidden="true">${p.short}</span><span class="sr-only">${p.long}</span></th>`)}
              </tr>
            </thead>
            <tbody>
              <tr class="avg" data-r=${AVERAGE} aria-rowindex="2">
                <th scope="row" class="rowhead" title=${head.average.title}>${head.average.label}</th>
                <td class="sizecol">${head.average.size}</td>
                ${head.average.cells.map((cell, k) => this.#renderCell(cell, styles.average[k] ?? null, AVERAGE, k, active))}
              </tr>
              ${start > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${model.periods + 2} ${styleProps({ height: `${start * this.#rows.rowHeight}px` })}></td></tr>` : nothing}
              ${Array.from({ length: end - start }, (_, i) => {
                // Rows are recycled by position; update() keeps the focus on the active cell (see keepingFocus).
                const r = start + i;
                const row = cohortRow(doc, model, r, o);
                return html`<tr part="row" data-r=${r} aria-rowindex=${r + 3}>
                <th scope="row" class="rowhead" part="label" title=${row.label}>${row.label}</th>
                <td class="sizecol" part="value">${row.size}</td>
                ${row.cells.map((cell, k) => this.#renderCell(cell, styles.cells[r]?.[k] ?? null, r, k, active))}
              </tr>`;
              })}
              ${end < rowsCount ? html`<tr class="spacer" aria-hidden="true"><td colspan=${model.periods + 2} ${styleProps({ height: `${(rowsCount - end) * this.#rows.rowHeight}px` })}></td></tr>` : nothing}
            </tbody>
          </table>
        </div>
        ${tip && this.tip ? html`<div class="tooltip" role="tooltip" ${styleProps(this.tip.y >= 0
          ? { left: `${Math.round(this.tip.x)}px`, top: `${Math.round(this.tip.y)}px` }
          : { left: `${Math.round(this.tip.x)}px`, bottom: `${Math.round(-this.tip.y)}px` })}><strong>${tip.title}</strong>${tip.lines.map((l) => html`<div>${l}</div>`)}</div>` : nothing}
      </div>
      <div part="legend" class="legend">
        <span class="ramp-wrap">
          <span class="ramp-label">${legend.low}</span>
          <span class="ramp" ${styleProps({ background: this.#probe.gradient() })}></span>
          <span class="ramp-label">${legend.high}</span>
          ${legend.perRow ? html`<span class="ramp-label">${legend.perRow}</span>` : nothing}
        </span>
        <span><i class="swatch nyet"></i>${legend.notYet}</span>
        ${legend.note ? html`<span class="note">${legend.note}</span>` : nothing}
      </div>
    `;
  }

  #renderCell(cell: CohortCellView, style: CellStyle | null, r: number, c: number, active: { r: number; c: number }): TemplateResult {
    const tab = active.r === r && active.c === c ? 0 : -1;
    if (cell.missing !== null) return html`<td part="cell" class="nyet" data-r=${r} data-c=${c} tabindex=${tab}><span class="sr-only">${cell.missing}</span></td>`;
    return html`<td part="cell" data-r=${r} data-c=${c} tabindex=${tab} ${styleProps(style ? { background: style.bg, color: style.fg } : {})}>${cell.text}</td>`;
  }

  #renderCurve(doc: CohortDoc, model: CohortModel): TemplateResult {
    const width = Math.max(240, this.#size.width - 34);
    const height = 120;
    // Room for the labels follows their text and font size (a reader's 200% text doubles it).
    const tick = this.#size.tick;
    const room = axisRoom(tick);
    const pad = { l: 44, r: 12, t: room.above, b: room.below };
    let g = lineGeometry(model.average, width, height, pad, curveStart(model));
    if (g.points.length < 2) return html``;
    const v = cohortCurve(doc, model, g.max, this.viewOptions);
    pad.l = labelInset([v.max, v.zero], tick);
    // The last period's label is centred on the last point.
    pad.r = Math.max(12, labelInset([v.lastTick], tick, 0, 4) / 2);
    g = lineGeometry(model.average, width, height, pad, curveStart(model));
    return html`<figure part="chart" class="curve" aria-hidden="true">
      <figcaption>${v.caption}</figcaption>
      <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}">
        ${svg`
          <line class="gridline" x1=${pad.l} x2=${width - pad.r} y1=${g.y(0)} y2=${g.y(0)}></line>
          <line class="gridline" x1=${pad.l} x2=${width - pad.r} y1=${g.y(g.max)} y2=${g.y(g.max)}></line>
          <text class="tick" x=${pad.l - 6} y=${g.y(g.max) + room.yShift} text-anchor="end">${v.max}</text>
          <text class="tick" x=${pad.l - 6} y=${g.y(0) + room.yShift} text-anchor="end">${v.zero}</text>
          <text class="tick" x=${g.x(v.from)} y=${height - room.baseline} text-anchor="middle">${v.firstTick}</text>
          <text class="tick" x=${g.x(v.last)} y=${height - room.baseline} text-anchor="middle">${v.lastTick}</text>
          <path class="line" d=${g.d}></path>
          ${g.points.map(([cx, cy]) => svg`<circle class="dot" cx=${cx} cy=${cy} r="2.5"></circle>`)}
        `}
      </svg>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-cohort-grid': KpiCohortGrid;
  }
}
