import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { SizeController } from '../../src/core/size-controller.js';
import { gridKey, isPick } from '../../src/core/keys.js';
import { ColumnWindow, RowWindow, keepingFocus, revealSpan } from '../../src/core/row-window.js';
import { cohortSchema, type CohortDoc } from '../../src/schema/cohort.js';
import {
  cohortIsEmpty,
  modesFor,
  resolveMode,
  type CohortMode,
  type CohortModel,
  type CohortScaleMode,
} from '../../src/compute/cohort.js';
import { PaletteProbe, paletteProbeStyles } from '../../src/core/palette.js';
import { CohortViewModel, type CellStyle } from '../../src/view/cohort-model.js';
import {
  cohortHead,
  cohortLegend,
  cohortRow,
  cohortTip,
  WINDOW_MIN,
  cohortWindow,
  highlightRules,
  isDrawn,
  modeName,
  type CohortCellView,
} from '../../src/view/cohort.js';
import { periodHead, renderCell, renderControls, renderLegend, renderTip } from './parts.js';
import { spacerRow } from '../../src/core/parts.js';
import type { CurveCode } from '../../src/lazy/cohort-curve.js';
import { GridMarks } from '../../src/core/grid-marks.js';
import { cohortStrings, type CohortGridMessages } from '../../src/i18n/en/cohort.js';
import { cohortStyles } from './kpi-cohort-grid.styles.js';

/** The row index of the average row in keyboard navigation. */
const AVERAGE = -1;
/** Rows moved by PageUp / PageDown. */
const PAGE_ROWS = 10;
/** Row height in em of the font (32 px at 14 px): fixed, so the scroll position says which rows are in view. */
const ROW_EM = 2.3;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;
/** Period columns rendered left and right of the ones in view. */
const COL_OVERSCAN = 3;

/** The average curve's code, loaded the first time a grid shows it. */
let curveCode: CurveCode | undefined;

/**
 * A retention and LTV cohort grid: one row per acquisition cohort with its size,
 * one column per period since acquisition, a weighted-average row, and cells
 * shaded on a colour scale with text that stays readable on every shade.
 * A real `<table>` with the ARIA grid keyboard pattern.
 *
 * Keyboard: the grid holds one tab stop; arrows, Home, End, Ctrl+Home/End and PageUp/PageDown
 * move it, Enter or Space picks a cell, focus shows its tooltip and Escape closes it. When the
 * active row scrolls out of the rendered rows, the stop moves to the average row; when its column
 * scrolls out of the drawn ones (over 40 periods), to the nearest drawn column.
 *
 * @summary Cohort grid for a `cohort` KPI document.
 * @tag kpi-cohort-grid
 *
 * @attr mode - `percent` (default for customers), `count`, `churn`; for revenue, `ltv` (default) or `revenue`.
 * @attr scale - `global` (default): one colour scale for the grid; `row`: each cohort against itself.
 * @attr curve - Show the average curve above the grid.
 *
 * @fires kpi-select - A cell was picked: `detail: { type: 'cell', id: cohortId, period }`, or
 *   `{ type: 'average', id: 'average', period }`.
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
  };

  protected readonly kind = 'cohort' as const;

  /** Display mode; falls back to the measure's default when the measure does not offer it. */
  mode?: CohortMode;
  /** Colour scale: one for the whole grid, or one per cohort. */
  scale: CohortScaleMode = 'global';
  /** Show the average curve above the grid. */
  curve = false;

  private activeCell: { r: number; c: number } = { r: 0, c: 0 };
  /** The cohort rows in view (when the grid is large). */
  // 24 rows: a screenful of the default 30rem box plus the overscan; the row window measures the real box.
  // The columns are measured with the rows (scroll, resize, keyboard), so one render serves both.
  readonly #rows = Object.assign(new RowWindow(this, ROW_EM, OVERSCAN, 24), {
    measureColumns: (el: HTMLElement) => this.#measureColumns(el),
  });
  /** The period columns in view (when there are many): first 24 of 4.25rem (68 px), then measured with the rows. */
  readonly #cols = new ColumnWindow(24, 68, COL_OVERSCAN);

  readonly #size = new SizeController(this);
  /** The cohorts and their colours: worked out in the view model, only when their inputs change. */
  readonly #view = new CohortViewModel();
  /** The row and column marks and the tooltip, as the pointer or the focus moves. */
  readonly #marks = new GridMarks(this, highlightRules, (r, c) => {
    this.activeCell = { r, c };
  });
  readonly #probe = new PaletteProbe(this);
  #curveLoad?: Promise<void>;

  /** Resolves once rendered, with the curve when it shows one. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.#curveLoad && !curveCode ? this.#curveLoad.then(() => super.getUpdateComplete()) : done;
  }

  protected isEmpty(doc: CohortDoc): boolean {
    return cohortIsEmpty(doc);
  }

  /** The mode in effect for the current document. */
  get effectiveMode(): CohortMode {
    return this.doc ? resolveMode(this.doc.measure, this.mode) : (this.mode ?? 'percent');
  }

  protected override firstUpdated(): void {
    const root = this.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#marks.sheet];
  }

  #model(doc: CohortDoc): CohortModel {
    return this.#view.model(doc, this.docVersion, this.effectiveMode);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The curve's code loads the first time a grid shows it; the grid shows meanwhile (without it, if it cannot load).
    if (this.curve && !curveCode)
      this.#curveLoad ??= import('../../src/lazy/cohort-curve.js').then(
        (m) => {
          curveCode = m;
          this.requestUpdate();
        },
        () => {},
      );
    // A tooltip whose cell leaves the drawn rows or columns closes with this render, not in another one.
    const t = this.#marks.tip;
    if (t && this.doc && !isDrawn(this.#window(this.#model(this.doc)), t.r, t.c)) this.#marks.tip = null;
  }

  protected override update(changed: PropertyValues<this>): void {
    keepingFocus(
      this.renderRoot,
      'td[data-c]',
      () => this.#cellAt(this.activeCell.r, this.activeCell.c),
      () => super.update(changed),
    );
  }

  // ---------------------------------------------------------------- interaction

  #periods(): number {
    return this.doc ? this.#model(this.doc).periods : 0;
  }

  #window(model: CohortModel): ReturnType<typeof cohortWindow> {
    return cohortWindow(model.rows.length, model.periods, this.#rows, this.#cols, this.activeCell);
  }

  /** Width of the sticky cohort and size columns, in px. */
  #stickyWidth(): number {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('thead .corner, thead .sizecol')].reduce(
      (w, th) => w + th.offsetWidth,
      0,
    );
  }

  /** Windows the period columns like the rows (many periods only): true when the window moved or the width changed. */
  #measureColumns(el: HTMLElement): boolean {
    const n = this.#periods();
    const th = this.renderRoot.querySelector('thead th[data-c]') as HTMLElement | null;
    return n > WINDOW_MIN && this.#cols.measure(el, n, th?.offsetWidth ?? 0, this.#stickyWidth());
  }

  #cellAt(r: number, c: number): HTMLElement | null {
    return this.renderRoot.querySelector(`td[data-r="${r}"][data-c="${c}"]`);
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
      scroller.scrollTop = revealSpan(r * rowH, rowH, scroller.scrollTop, scroller.clientHeight - head - avg);
    }
    if (scroller) {
      // Columns too, when only those in view are drawn (the focus's scrollIntoView below corrects any rounding).
      if (this.#periods() > WINDOW_MIN)
        scroller.scrollLeft = revealSpan(
          c * this.#cols.width,
          this.#cols.width,
          scroller.scrollLeft,
          scroller.clientWidth - this.#stickyWidth(),
        );
      this.#rows.measure(scroller);
    }
    await this.updateComplete;
    const target = this.#cellAt(r, c);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // The render may have moved the focus already (its focusin skipped): mark the cell and show its tooltip here.
    if (target) this.#marks.mark(r, c, target);
  }

  #onKeydown(event: KeyboardEvent): void {
    // Escape closes the tooltip the focus opened (and only that: a dialog around the widget stays open).
    if (event.key === 'Escape' && this.#marks.closeTip()) {
      event.stopPropagation();
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
    const to = gridKey(event.key, event.ctrlKey, r, c, {
      rows: model.rows.length + 1,
      cols: model.periods,
      firstRow: AVERAGE,
      page: PAGE_ROWS,
    });
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
    const mode = this.effectiveMode;
    const modes = modesFor(doc.measure).map((m) => ({
      text: modeName(m, this.viewOptions),
      pressed: m === mode,
      pick: () => {
        this.mode = m;
      },
    }));
    return renderControls(
      (k) => this.t(k),
      modes,
      this.scale === 'row',
      (scale) => {
        this.scale = scale;
      },
    );
  }

  protected renderReady(doc: CohortDoc): TemplateResult {
    const model = this.#model(doc);
    const styles = this.#view.styles(model, this.scale === 'row' ? 'row' : 'global', this.#probe.version, () =>
      this.#probe.shader(),
    );
    const o = this.viewOptions;
    const head = cohortHead(doc, model, o);
    const rowsCount = model.rows.length;
    const periods = model.periods;
    // Many cohorts or periods: only the rows and columns in view, the columns between two spacer cells
    // as wide as the columns left out; one tab stop, on a drawn cell (see cohortWindow).
    const { start, end, from, to, trail, span, wide, stop: active } = this.#window(model);
    const colIndex = (k: number) => (wide ? k + 3 : nothing);
    const gap = (n: number) =>
      n > 0
        ? html`<td class="gap" aria-hidden="true" ${styleProps({ minWidth: `${n * this.#cols.width}px` })}></td>`
        : nothing;
    const legend = cohortLegend(doc, model, this.scale === 'row', o);
    const at = this.#marks.tip;
    const tip = at ? cohortTip(doc, model, at.r, at.c, o) : null;
    const cells = (list: CohortCellView[], shades: (CellStyle | null)[] | undefined, r: number) =>
      list.map((cell, i) =>
        renderCell(
          cell,
          shades?.[from + i] ?? null,
          r,
          from + i,
          active.r === r && active.c === from + i ? 0 : -1,
          Boolean(at),
          colIndex(from + i),
        ),
      );
    const curveWidth = Math.max(240, this.#size.width - 34);
    const rowHeight = this.#rows.rowHeight;
    return html`
      ${this.curve && curveCode ? curveCode.renderCurve(doc, model, curveWidth, this.#size.tick, o) : nothing}
      <p class="axis">${head.axis} <span aria-hidden="true">→</span></p>
      <div class="gridbox">
        <div class="scroller" ${styleProps({ '--_hl': 'var(--_text)', '--_row': `${rowHeight}px` })}
          @scroll=${this.#rows.onScroll} @mouseover=${this.#marks.onPointer} @mouseleave=${this.#marks.onLeave}
          @focusin=${this.#marks.onFocusIn} @focusout=${this.#marks.onFocusOut}
          @keydown=${this.#onKeydown} @click=${this.#onClick}>
          <table part="table" role="grid" aria-label=${head.caption}
            aria-rowcount=${rowsCount + 2} aria-colcount=${periods + 2}>
            <thead>
              <tr aria-rowindex="1">
                <th scope="col" class="corner" aria-colindex=${colIndex(-2)}>${this.t('cohort')}</th>
                <th scope="col" class="sizecol" aria-colindex=${colIndex(-1)}>${this.t('size')}</th>
                ${gap(from)}
                ${head.periods.slice(from, to).map((p, i) => periodHead(p, from + i, colIndex(from + i)))}
                ${gap(trail)}
              </tr>
            </thead>
            <tbody>
              <tr class="avg" data-r=${AVERAGE} aria-rowindex="2">
                <th scope="row" class="rowhead" title=${head.average.title}
                  aria-colindex=${colIndex(-2)}>${head.average.label}</th>
                <td class="sizecol" aria-colindex=${colIndex(-1)}>${head.average.size}</td>
                ${gap(from)}${cells(head.average.cells.slice(from, to), styles.average, AVERAGE)}${gap(trail)}
              </tr>
              ${spacerRow(span, start, rowHeight)}
              ${Array.from({ length: end - start }, (_, i) => {
                // Rows are recycled by position; update() keeps the focus on the active cell (see keepingFocus).
                const r = start + i;
                const row = cohortRow(doc, model, r, o, from, to);
                return html`<tr part="row" data-r=${r} data-mark=${doc.cohorts[r]!.id} aria-rowindex=${r + 3}>
                <th scope="row" class="rowhead" part="label" title=${row.label}
                  aria-colindex=${colIndex(-2)}>${row.label}</th>
                <td class="sizecol" part="value" aria-colindex=${colIndex(-1)}>${row.size}</td>
                ${gap(from)}${cells(row.cells, styles.cells[r], r)}${gap(trail)}
              </tr>`;
              })}
              ${spacerRow(span, rowsCount - end, rowHeight)}
            </tbody>
          </table>
        </div>
        ${tip && at ? renderTip(tip, at) : nothing}
      </div>
      ${renderLegend(legend, this.#probe.gradient())}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-cohort-grid': KpiCohortGrid;
  }
}
