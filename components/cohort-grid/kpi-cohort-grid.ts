import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { SizeController } from '../../src/core/size-controller.js';
import { Memo } from '../../src/core/memo.js';
import { lineGeometry } from '../../src/layout/line.js';
import { gridKey, isPick } from '../../src/core/keys.js';
import { RowWindow, keepingFocus } from '../../src/core/row-window.js';
import { cohortSchema, type CohortDoc } from '../../src/schema/cohort.js';
import {
  cohortIsEmpty, computeCohort, domainOf, modesFor, rawValue, resolveMode, shadeAverage, shadeCells,
  type CohortMode, type CohortModel, type CohortScaleMode,
} from '../../src/compute/cohort.js';
import { PaletteProbe, paletteProbeStyles } from '../../src/core/palette.js';
import { NO_VALUE, formatCompact, formatCurrency, formatInteger, formatNumber, formatPercent } from '../../src/format/index.js';
import { cohortStrings, type CohortGridMessages } from './strings.js';
import { cohortStyles } from './kpi-cohort-grid.styles.js';

/** The row index of the average row in keyboard navigation. */
const AVERAGE = -1;
/** Rows moved by PageUp / PageDown. */
const PAGE_ROWS = 10;
/** Fixed row height (px), so the rows in view follow from the scroll position. */
const ROW_H = 32;
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
  readonly #rows = new RowWindow(this, ROW_H, OVERSCAN, 30);

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

  // ---------------------------------------------------------------- formatting

  #formatCell(doc: CohortDoc, mode: CohortMode, v: number | null): string {
    if (v === null) return '';
    switch (mode) {
      case 'percent':
      case 'churn':
        if (v > 0 && v < 0.001) return `<${formatPercent(this.loc, 0.001, 1)}`;
        return formatPercent(this.loc, v, 1);
      case 'count':
        return Math.abs(v) >= 100000 ? formatCompact(this.loc, v) : Number.isInteger(v) ? formatInteger(this.loc, v) : formatNumber(this.loc, v, 1);
      case 'revenue':
      case 'ltv':
        return Math.abs(v) >= 10000
          ? formatCurrency(this.loc, v, doc.currency, { compact: true })
          : formatCurrency(this.loc, v, doc.currency, { digits: Math.abs(v) < 100 && v !== 0 ? 2 : 0 });
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    keepingFocus(this.renderRoot, 'td[data-c]', () => this.#cellAt(this.activeCell.r, this.activeCell.c), () => super.update(changed));
  }

  #periodName(doc: CohortDoc, k: number): string {
    return this.t(doc.periodUnit, { n: formatInteger(this.loc, k) });
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
    if (r !== null && c !== null) rules.push(`td[data-r="${r}"][data-c="${c}"] { box-shadow: inset 0 0 0 2px var(--_hl); }`);
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
    const focused = this.renderRoot.querySelector('td[data-c]:focus');
    if (focused) return;
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
    if (next && this.renderRoot.contains(next)) return;
    this.#setHighlight(null, null);
    this.tip = null;
  }

  async #moveTo(r: number, c: number): Promise<void> {
    this.activeCell = { r, c };
    const scroller = this.renderRoot.querySelector('.scroller') as HTMLElement | null;
    if (scroller && r >= 0) {
      // Scroll so the row sits below the sticky header and average row, then render it and focus it without
      // letting the browser scroll again.
      const head = (this.renderRoot.querySelector('thead') as HTMLElement | null)?.offsetHeight ?? ROW_H;
      const avg = (this.renderRoot.querySelector('tr.avg') as HTMLElement | null)?.offsetHeight ?? ROW_H;
      const top = r * ROW_H;
      const visible = scroller.clientHeight - head - avg;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + ROW_H > scroller.scrollTop + visible) scroller.scrollTop = top + ROW_H - visible;
      this.#rows.measure(scroller);
    }
    await this.updateComplete;
    const target = this.#cellAt(r, c);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  #onKeydown(event: KeyboardEvent): void {
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
      <div class="seg-toggle" role="group" aria-label=${this.t('mode')}>
        ${modes.map((m) => html`<button type="button" aria-pressed=${m === mode ? 'true' : 'false'} @click=${() => { this.mode = m; }}>${this.t(m)}</button>`)}
      </div>
      <div class="seg-toggle" role="group" aria-label=${this.t('scale')}>
        <button type="button" aria-pressed=${this.scale !== 'row' ? 'true' : 'false'} @click=${() => { this.scale = 'global'; }}>${this.t('scaleGlobal')}</button>
        <button type="button" aria-pressed=${this.scale === 'row' ? 'true' : 'false'} @click=${() => { this.scale = 'row'; }}>${this.t('scaleRow')}</button>
      </div>
    </div>`;
  }

  protected renderReady(doc: CohortDoc): TemplateResult {
    const model = this.#model(doc);
    const styles = this.#styles(model);
    const mode = model.mode;
    const rowsCount = model.rows.length;
    const isRate = mode === 'percent' || mode === 'churn' || mode === 'ltv';
    const periods = Array.from({ length: model.periods }, (_, k) => k);
    const gridStyle = { '--_hl': 'var(--_text)' };
    const virtual = rowsCount > VIRTUAL_MIN;
    const start = virtual ? Math.min(this.#rows.start, rowsCount) : 0;
    const end = virtual ? Math.min(rowsCount, this.#rows.end) : rowsCount;
    // The grid keeps one tab stop: the active cell, or, when its row is scrolled out of the rendered
    // range, the same column of the average row (always rendered).
    const active = this.activeCell.r === AVERAGE || (this.activeCell.r >= start && this.activeCell.r < end)
      ? this.activeCell
      : { r: AVERAGE, c: this.activeCell.c };
    return html`
      ${this.curve ? this.#renderCurve(doc, model) : nothing}
      <p class="axis">${this.t(`${doc.periodUnit}Axis`)} →</p>
      <div class="gridbox">
        <div class="scroller" ${styleProps(gridStyle)} @scroll=${this.#rows.onScroll}
          @mouseover=${this.#onPointer} @mouseleave=${this.#onLeave} @focusin=${this.#onFocusIn} @focusout=${this.#onFocusOut}
          @keydown=${this.#onKeydown} @click=${this.#onClick}>
          <table part="table" role="grid" aria-label=${this.t('caption', { title: doc.title ?? this.t(mode) })} aria-rowcount=${rowsCount + 2} aria-colcount=${model.periods + 2}>
            <thead>
              <tr aria-rowindex="1">
                <th scope="col" class="corner">${this.t('cohort')}</th>
                <th scope="col" class="sizecol">${this.t('size')}</th>
                ${periods.map((k) => html`<th scope="col" data-c=${k}><span aria-hidden="true">${formatInteger(this.loc, k)}</span><span class="sr-only">${this.#periodName(doc, k)}</span></th>`)}
              </tr>
            </thead>
            <tbody>
              <tr class="avg" data-r=${AVERAGE} aria-rowindex="2">
                <th scope="row" class="rowhead" title=${this.t('averageOf', { count: rowsCount })}>${this.t(isRate ? 'weightedAverage' : 'average')}</th>
                <td class="sizecol">${formatInteger(this.loc, model.totalSize)}</td>
                ${periods.map((k) => this.#renderCell(doc, mode, model.average[k] ?? null, styles.average[k] ?? null, AVERAGE, k, active))}
              </tr>
              ${start > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${model.periods + 2} ${styleProps({ height: `${start * ROW_H}px` })}></td></tr>` : nothing}
              ${model.rows.slice(start, end).map((row, i) => {
                // Rows are recycled by position; update() keeps the focus on the active cell (see keepingFocus).
                const r = start + i;
                return html`<tr part="row" data-r=${r} aria-rowindex=${r + 3}>
                <th scope="row" class="rowhead" part="label" title=${row.label}>${row.label}</th>
                <td class="sizecol" part="value">${formatInteger(this.loc, row.size)}</td>
                ${periods.map((k) => this.#renderCell(doc, mode, row.cells[k] ?? null, styles.cells[r]?.[k] ?? null, r, k, active, rawValue(doc.cohorts[r]!.values, k) !== null))}
              </tr>`;
              })}
              ${end < rowsCount ? html`<tr class="spacer" aria-hidden="true"><td colspan=${model.periods + 2} ${styleProps({ height: `${(rowsCount - end) * ROW_H}px` })}></td></tr>` : nothing}
            </tbody>
          </table>
        </div>
        ${this.tip ? this.#renderTip(doc, model) : nothing}
      </div>
      ${this.#renderLegend(doc, model)}
    `;
  }

  #renderCell(doc: CohortDoc, mode: CohortMode, v: number | null, style: CellStyle | null, r: number, c: number, active: { r: number; c: number }, known = v !== null): TemplateResult {
    const tab = active.r === r && active.c === c ? 0 : -1;
    if (v === null) {
      const label = known ? this.t('notDefined') : this.t('notYet');
      return html`<td part="cell" class="nyet" data-r=${r} data-c=${c} tabindex=${tab}><span class="sr-only">${label}</span></td>`;
    }
    return html`<td part="cell" data-r=${r} data-c=${c} tabindex=${tab} ${styleProps(style ? { background: style.bg, color: style.fg } : {})}>${this.#formatCell(doc, mode, v)}</td>`;
  }

  #renderTip(doc: CohortDoc, model: CohortModel): TemplateResult {
    const tip = this.tip!;
    const c = tip.c;
    const lines: string[] = [];
    let title: string;
    if (tip.r === AVERAGE) {
      title = `${this.t(model.mode === 'count' || model.mode === 'revenue' ? 'average' : 'weightedAverage')} · ${this.#periodName(doc, c)}`;
      lines.push(`${this.t(model.mode)}: ${model.average[c] === null ? NO_VALUE : this.#formatCell(doc, model.mode, model.average[c] ?? null)}`);
      lines.push(this.t('averageOf', { count: model.rows.length }));
    } else {
      const row = doc.cohorts[tip.r];
      if (!row) return html``;
      title = `${row.label} · ${this.#periodName(doc, c)}`;
      const v = rawValue(row.values, c);
      if (v === null) lines.push(this.t('notYet'));
      else if (doc.measure === 'customers') {
        lines.push(this.t('tipRetained', { retained: formatInteger(this.loc, v), count: row.size }));
        const pct = row.size > 0 ? v / row.size : null;
        lines.push(`${this.t('percent')}: ${pct === null ? this.t('notDefined') : formatPercent(this.loc, pct)} · ${this.t('churn')}: ${pct === null ? this.t('notDefined') : formatPercent(this.loc, 1 - pct)}`);
      } else {
        lines.push(this.t('tipRevenue', { revenue: formatCurrency(this.loc, v, doc.currency) }));
        const ltv = model.mode === 'ltv' ? model.rows[tip.r]?.cells[c] : computeCohort({ ...doc, cohorts: [row] }, 'ltv').rows[0]?.cells[c];
        lines.push(this.t('tipLtv', { ltv: ltv === null || ltv === undefined ? this.t('notDefined') : formatCurrency(this.loc, ltv, doc.currency) }));
      }
    }
    const pos = tip.y >= 0 ? { left: `${Math.round(tip.x)}px`, top: `${Math.round(tip.y)}px` } : { left: `${Math.round(tip.x)}px`, bottom: `${Math.round(-tip.y)}px` };
    return html`<div class="tooltip" role="tooltip" ${styleProps(pos)}><strong>${title}</strong>${lines.map((l) => html`<div>${l}</div>`)}</div>`;
  }

  #renderLegend(doc: CohortDoc, model: CohortModel): TemplateResult {
    const d = domainOf(model.rows.map((r) => r.cells), model.mode);
    const gradient = this.#probe.gradient();
    const skipFirst = model.mode !== 'ltv' && model.periods > 1;
    return html`<div part="legend" class="legend">
      <span class="ramp-wrap">
        <span class="ramp-label">${d ? this.#formatCell(doc, model.mode, d[0]) : this.t('legendLow')}</span>
        <span class="ramp" ${styleProps({ background: gradient })}></span>
        <span class="ramp-label">${d ? this.#formatCell(doc, model.mode, d[1]) : this.t('legendHigh')}</span>
        ${this.scale === 'row' ? html`<span class="ramp-label">(${this.t('scaleRow')})</span>` : nothing}
      </span>
      <span><i class="swatch nyet"></i>${this.t('legendNotYet')}</span>
      ${skipFirst ? html`<span class="note">${this.t('legendNote')}</span>` : nothing}
    </div>`;
  }

  #renderCurve(doc: CohortDoc, model: CohortModel): TemplateResult {
    const width = Math.max(240, this.#size.width - 34);
    const height = 120;
    const pad = { l: 44, r: 12, t: 10, b: 22 };
    // Period 0 is ~100% by definition for non-cumulative modes: the curve starts at period 1 so the rest is readable.
    const from = model.mode !== 'ltv' && model.periods > 2 ? 1 : 0;
    const g = lineGeometry(model.average, width, height, pad, from);
    if (g.points.length < 2) return html``;
    const maxX = Math.max(from + 1, model.periods - 1);
    return html`<figure part="chart" class="curve" aria-hidden="true">
      <figcaption>${this.t('curve')} · ${this.t(model.mode)}</figcaption>
      <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}">
        ${svg`
          <line class="gridline" x1=${pad.l} x2=${width - pad.r} y1=${g.y(0)} y2=${g.y(0)}></line>
          <line class="gridline" x1=${pad.l} x2=${width - pad.r} y1=${g.y(g.max)} y2=${g.y(g.max)}></line>
          <text class="tick" x=${pad.l - 6} y=${g.y(g.max) + 4} text-anchor="end">${this.#formatCell(doc, model.mode, g.max)}</text>
          <text class="tick" x=${pad.l - 6} y=${g.y(0) + 4} text-anchor="end">${this.#formatCell(doc, model.mode, 0)}</text>
          <text class="tick" x=${g.x(from)} y=${height - 6} text-anchor="middle">${formatInteger(this.loc, from)}</text>
          <text class="tick" x=${g.x(maxX)} y=${height - 6} text-anchor="middle">${formatInteger(this.loc, maxX)}</text>
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
