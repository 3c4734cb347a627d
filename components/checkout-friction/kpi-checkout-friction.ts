import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { gridKey, isPick } from '../../src/core/keys.js';
import { Memo } from '../../src/core/memo.js';
import { PaletteProbe, paletteProbeStyles } from '../../src/core/palette.js';
import { checkoutFrictionSchema, type CheckoutFrictionDoc } from '../../src/schema/checkout-friction.js';
import {
  checkoutIsEmpty, computeBreakdown, computeCheckout, frictionMap, rankCauses,
  type BreakdownStep, type FlowModel, type FlowStep, type FrictionCell, type RankedCause,
} from '../../src/compute/checkout-friction.js';
import { NO_VALUE, formatCurrency, formatDuration, formatInteger, formatPercent, formatPointsDelta } from '../../src/format/index.js';
import { checkoutStrings, type CheckoutFrictionMessages } from './strings.js';
import { checkoutStyles } from './kpi-checkout-friction.styles.js';

/** How many causes the ranked list shows. */
const TOP_CAUSES = 8;

/**
 * Where the checkout loses buyers, why, and what it costs: the flow of checkout
 * steps with abandonment, time and revenue at risk (the costliest step
 * highlighted), a friction map of steps × causes, the ranked causes by count or
 * by revenue at risk, and breakdowns (device, payment method, …) against the whole.
 *
 * @summary Checkout abandonment and its causes for a `checkout-friction` KPI document.
 * @tag kpi-checkout-friction
 *
 * @attr breakdown - The breakdown shown, as `dimension:valueId` (e.g. `device:mobile`); empty for all shoppers.
 * @attr rank-by - Rank causes by `count` (default) or `revenue`.
 *
 * @fires kpi-select - A step, map cell or cause was picked: `{ type: 'step', id }`, `{ type: 'cell', id: stepId, category }` or `{ type: 'friction', id, step }`.
 * @fires kpi-error - The document is invalid or could not be loaded.
 *
 * @csspart base - The card.
 * @csspart header - Title, subtitle, period and controls.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - Loading, empty, error and stale panels.
 * @csspart chart - The flow of steps.
 * @csspart row - A step in the flow, or a cause.
 * @csspart table - The friction map.
 * @csspart cell - A friction map cell.
 * @csspart bar - An abandonment or cause bar.
 * @csspart value - A headline number.
 * @csspart delta - A breakdown's difference from all shoppers.
 * @csspart legend - Notes under the widget.
 *
 * @cssprop --kpi-checkout-loss-color - Colour of abandonment bars (defaults to `--kpi-color-negative`).
 * @cssprop --kpi-heat-low - Shade of the smallest friction count.
 * @cssprop --kpi-heat-high - Shade of the largest friction count.
 */
export class KpiCheckoutFriction extends KpiElement<'checkout-friction', CheckoutFrictionMessages> {
  static override styles = [...KpiElement.styles, paletteProbeStyles, checkoutStyles];
  static override strings = checkoutStrings;
  static override schema = checkoutFrictionSchema;
  /** Lit's reactive properties (declared here rather than with decorators: a smaller build). */
  static override properties: PropertyDeclarations = {
    breakdown: { reflect: true },
    rankBy: { attribute: 'rank-by', reflect: true },
    activeCell: { state: true },
  };

  protected readonly kind = 'checkout-friction' as const;

  /** `dimension:valueId`, or empty for all shoppers. */
  breakdown = '';
  /** How causes are ranked. */
  rankBy: 'count' | 'revenue' = 'count';

  private activeCell: { r: number; c: number } | null = null;

  readonly #probe = new PaletteProbe(this);
  readonly #flowMemo = new Memo<FlowModel>();
  readonly #mapMemo = new Memo<ReturnType<typeof frictionMap>>();

  protected isEmpty(doc: CheckoutFrictionDoc): boolean {
    return checkoutIsEmpty(doc);
  }

  #flow(doc: CheckoutFrictionDoc): FlowModel {
    return this.#flowMemo.get([this.docVersion], () => computeCheckout(doc));
  }

  #map(doc: CheckoutFrictionDoc): ReturnType<typeof frictionMap> {
    return this.#mapMemo.get([this.docVersion], () => frictionMap(doc));
  }

  #selectedBreakdown(doc: CheckoutFrictionDoc): { label: string; steps: BreakdownStep[]; model: FlowModel } | null {
    if (!this.breakdown) return null;
    const i = this.breakdown.indexOf(':');
    const dim = this.breakdown.slice(0, i);
    const value = this.breakdown.slice(i + 1);
    const b = doc.breakdowns?.find((x) => x.dimension === dim);
    const v = b?.values.find((x) => x.id === value);
    const r = computeBreakdown(doc, dim, value, this.#flow(doc));
    return r && b && v ? { label: `${b.label}: ${v.label}`, ...r } : null;
  }

  #money(doc: CheckoutFrictionDoc, v: number | null, compact = false): string {
    return formatCurrency(this.loc, v, doc.currency, compact ? { compact: true } : { digits: 0 });
  }

  // ---------------------------------------------------------------- keyboard on the map

  #onMapKey(event: KeyboardEvent, rows: number, cols: number): void {
    const td = (event.target as HTMLElement).closest('td[data-r]') as HTMLElement | null;
    if (!td || !this.doc) return;
    const r = Number(td.dataset['r']);
    const c = Number(td.dataset['c']);
    if (isPick(event.key)) {
      event.preventDefault();
      this.#pickCell(r, c);
      return;
    }
    const to = gridKey(event.key, event.ctrlKey, r, c, { rows, cols });
    if (!to) return;
    event.preventDefault();
    this.activeCell = to;
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`td[data-r="${to.r}"][data-c="${to.c}"]`) as HTMLElement | null)?.focus());
  }

  #pickCell(r: number, c: number): void {
    const doc = this.doc;
    if (!doc) return;
    const m = this.#map(doc);
    const step = doc.steps[r];
    const category = m.categories[c];
    if (step && category) this.select({ type: 'cell', id: step.id, category });
  }

  // ---------------------------------------------------------------- rendering

  protected override renderControls(doc: CheckoutFrictionDoc): TemplateResult | typeof nothing {
    const breakdowns = doc.breakdowns ?? [];
    return html`<div class="controls">
      ${breakdowns.length > 0
        ? html`<label>${this.t('breakdown')}
            <select .value=${this.breakdown} @change=${(e: Event) => { this.breakdown = (e.target as HTMLSelectElement).value; }}>
              <option value="" ?selected=${!this.breakdown}>${this.t('everyone')}</option>
              ${breakdowns.map((b) => html`<optgroup label=${b.label}>${b.values.map((v) => {
                const key = `${b.dimension}:${v.id}`;
                return html`<option value=${key} ?selected=${this.breakdown === key}>${v.label}</option>`;
              })}</optgroup>`)}
            </select>
          </label>`
        : nothing}
    </div>`;
  }

  protected renderReady(doc: CheckoutFrictionDoc): TemplateResult {
    const whole = this.#flow(doc);
    const b = this.#selectedBreakdown(doc);
    const model = b ? b.model : whole;
    const top = whole.topLossIndex === null ? null : whole.steps[whole.topLossIndex];
    return html`
      <div class="summary">
        <div class="kpi">
          <span class="kpi-label">${this.t('abandonment')}${b ? ` · ${b.label}` : ''}</span>
          <span class="kpi-value" part="value">${formatPercent(this.loc, model.abandonment)}</span>
          <span class="kpi-sub">${this.t('abandonmentSub', { completed: formatInteger(this.loc, model.completed), count: model.started })}</span>
        </div>
        <div class="kpi">
          <span class="kpi-label">${this.t('atRisk')}${b ? ` · ${b.label}` : ''}</span>
          <span class="kpi-value" part="value">${this.#money(doc, model.revenueAtRisk, true)}</span>
          <span class="kpi-sub">${top ? this.t('atRiskSub', { step: top.label }) : NO_VALUE}</span>
        </div>
      </div>
      <h3 class="section">${this.t('flow')}</h3>
      ${this.#renderFlow(doc, whole, b?.steps ?? null)}
      <div class="lower">
        <section class="map-wrap" aria-labelledby="map-h">
          <h3 class="section" id="map-h">${this.t('map')}</h3>
          ${this.#renderMap(doc)}
        </section>
        <section class="causes-wrap" aria-labelledby="causes-h">
          <div class="section-row">
            <h3 class="section" id="causes-h">${this.t('causes')}</h3>
            <div class="seg-toggle" role="group" aria-label=${this.t('rankBy')}>
              <button type="button" aria-pressed=${this.rankBy !== 'revenue' ? 'true' : 'false'} @click=${() => { this.rankBy = 'count'; }}>${this.t('byCount')}</button>
              <button type="button" aria-pressed=${this.rankBy === 'revenue' ? 'true' : 'false'} @click=${() => { this.rankBy = 'revenue'; }}>${this.t('byRevenue')}</button>
            </div>
          </div>
          ${this.#renderCauses(doc, whole)}
        </section>
      </div>
      ${this.#renderFlowTable(doc, whole, b?.steps ?? null)}
    `;
  }

  #renderFlow(doc: CheckoutFrictionDoc, whole: FlowModel, breakdown: BreakdownStep[] | null): TemplateResult {
    return html`<ol part="chart" class="flow">
      ${whole.steps.map((w, i) => {
        const s: FlowStep | BreakdownStep = breakdown ? breakdown[i]! : w;
        const known = !breakdown || (s as BreakdownStep).known;
        const delta = breakdown ? (s as BreakdownStep).abandonmentDelta : null;
        return html`<li class="flow-item">
          <button type="button" part="row" class=${classNames({ step: true, top: w.isTopLoss })} @click=${() => this.select({ type: 'step', id: w.id })}>
            <span class="step-top"><span class="step-label">${w.label}</span>${w.isTopLoss ? html`<span class="badge">${this.t('topLoss')}</span>` : nothing}</span>
            ${known
              ? html`<span class="rate-line"><span class="rate" part="value">${formatPercent(this.loc, s.abandonment)}</span>
                  ${delta !== null ? html`<span part="delta" class=${delta > 0 ? 'worse' : delta < 0 ? 'better' : 'neutral'}>${this.t('vsAll', { delta: formatPointsDelta(this.loc, delta) })}</span>` : nothing}</span>
                <span class="bar-track" aria-hidden="true"><span part="bar" class="bar-loss" ${styleProps({ width: `${Math.round((s.abandonment ?? 0) * 1000) / 10}%` })}></span></span>
                <span class="facts">
                  <span>${this.t('entered')} <b>${formatInteger(this.loc, s.entered)}</b></span>
                  <span>${this.t('exited')} <b>${formatInteger(this.loc, s.exited)}</b></span>
                  ${s.medianSeconds !== null ? html`<span>${this.t('time')} <b>${formatDuration(this.loc, s.medianSeconds)}</b></span>` : nothing}
                </span>
                <span class="risk">${this.t('revenue')} <b>${this.#money(doc, s.revenueAtRisk)}</b></span>`
              : html`<span class="nodata">${this.t('noData')}</span>`}
            ${!breakdown && w.overCounted ? html`<span class="over">${this.t('overCounted', { observations: formatInteger(this.loc, w.frictionObservations), exits: formatInteger(this.loc, w.exited) })}</span>` : nothing}
          </button>
        </li>`;
      })}
    </ol>`;
  }

  #renderMap(doc: CheckoutFrictionDoc): TemplateResult {
    const m = this.#map(doc);
    const shade = this.#probe.shader();
    const active = this.activeCell ?? { r: 0, c: m.cells[0]?.findIndex((x) => x !== null) ?? 0 };
    const activeCell = this.activeCell ? m.cells[this.activeCell.r]?.[this.activeCell.c] ?? null : null;
    return html`<div class="map-scroll">
      <table part="table" class="map" role="grid" aria-label=${this.t('mapCaption')}
        @keydown=${(e: KeyboardEvent) => this.#onMapKey(e, doc.steps.length, m.categories.length)}>
        <thead><tr><th scope="col">${this.t('step')}</th>${m.categories.map((c) => html`<th scope="col">${this.t(c)}</th>`)}</tr></thead>
        <tbody>
          ${doc.steps.map((s, r) => html`<tr>
            <th scope="row">${s.label}</th>
            ${m.cells[r]!.map((cell, c) => this.#renderMapCell(cell, r, c, active, shade, m.max))}
          </tr>`)}
        </tbody>
      </table>
    </div>
    <div class="cell-detail" role="status">${activeCell ? this.#renderCellDetail(doc, activeCell) : nothing}</div>`;
  }

  #renderMapCell(cell: FrictionCell | null, r: number, c: number, active: { r: number; c: number }, shade: ReturnType<PaletteProbe['shader']>, max: number): TemplateResult {
    const tab = active.r === r && active.c === c ? 0 : -1;
    const focus = () => { this.activeCell = { r, c }; };
    if (!cell) {
      return html`<td part="cell" class="empty" data-r=${r} data-c=${c} tabindex=${tab} @focus=${focus} @mouseenter=${focus}><span class="sr-only">${this.t('emptyCell')}</span></td>`;
    }
    const s = shade(max > 0 ? cell.count / max : 0);
    return html`<td part="cell" data-r=${r} data-c=${c} tabindex=${tab} ${styleProps(s ? { background: s.bg, color: s.fg } : {})}
      @focus=${focus} @mouseenter=${focus} @click=${() => this.#pickCell(r, c)}>${formatInteger(this.loc, cell.count)}</td>`;
  }

  #renderCellDetail(doc: CheckoutFrictionDoc, cell: FrictionCell): TemplateResult {
    const step = doc.steps.find((s) => s.id === cell.stepId);
    return html`<strong>${step?.label ?? ''} · ${this.t(cell.category)}</strong>
      <ul>${cell.frictions.map((f) => html`<li><span>${f.label}</span><b>${formatInteger(this.loc, f.count)}</b></li>`)}</ul>`;
  }

  #renderCauses(doc: CheckoutFrictionDoc, whole: FlowModel): TemplateResult {
    const causes = rankCauses(doc, whole, this.rankBy === 'revenue' ? 'revenue' : 'count').slice(0, TOP_CAUSES);
    const byRevenue = this.rankBy === 'revenue';
    const top = Math.max(1, ...causes.map((c) => (byRevenue ? (c.revenueAtRisk ?? 0) : c.count)));
    return html`<ol class="causes">
      ${causes.map((c: RankedCause) => {
        const v = byRevenue ? (c.revenueAtRisk ?? 0) : c.count;
        return html`<li>
          <button type="button" part="row" class="cause" @click=${() => this.select({ type: 'friction', id: c.id, step: c.stepId })}>
            <span class="cause-head"><span class="cause-label">${c.label}</span>
              <span class="cause-value">${byRevenue ? this.#money(doc, c.revenueAtRisk, true) : formatInteger(this.loc, c.count)}</span></span>
            <span class="bar-track thin" aria-hidden="true"><span part="bar" class="bar-cause" ${styleProps({ width: `${Math.round((v / top) * 1000) / 10}%` })}></span></span>
            <span class="cause-sub">${this.t('causeLine', { step: c.stepLabel, category: this.t(c.category) })} · ${byRevenue ? this.t('reports', { count: c.count }) : this.#money(doc, c.revenueAtRisk, true)}</span>
          </button>
        </li>`;
      })}
    </ol>`;
  }

  #renderFlowTable(doc: CheckoutFrictionDoc, whole: FlowModel, breakdown: BreakdownStep[] | null): TemplateResult {
    const rows = breakdown ?? whole.steps;
    return html`<div class="sr-only"><table>
      <caption>${this.t('flowCaption', { title: doc.title ?? '' })}</caption>
      <thead><tr><th scope="col">${this.t('step')}</th><th scope="col">${this.t('entered')}</th><th scope="col">${this.t('exited')}</th>
        <th scope="col">${this.t('rate')}</th><th scope="col">${this.t('time')}</th><th scope="col">${this.t('revenue')}</th></tr></thead>
      <tbody>${rows.map((s, i) => html`<tr>
        <th scope="row">${whole.steps[i]!.label}${whole.steps[i]!.isTopLoss ? ` (${this.t('topLoss')})` : ''}</th>
        <td>${formatInteger(this.loc, s.entered)}</td><td>${formatInteger(this.loc, s.exited)}</td>
        <td>${formatPercent(this.loc, s.abandonment)}</td><td>${formatDuration(this.loc, s.medianSeconds)}</td>
        <td>${this.#money(doc, s.revenueAtRisk)} (${this.t(s.revenueGiven ? 'given' : 'estimated')})</td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-checkout-friction': KpiCheckoutFriction;
  }
}
