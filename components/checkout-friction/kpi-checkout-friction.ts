import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { gridKey, isPick } from '../../src/core/keys.js';
import { RovingFocus } from '../../src/core/roving-focus.js';
import { CheckoutViewModel } from '../../src/view/checkout-friction-model.js';
import { hiddenTable, toggleGroup } from '../../src/core/parts.js';
import { PaletteProbe, paletteProbeStyles } from '../../src/core/palette.js';
import { checkoutFrictionSchema, type CheckoutFrictionDoc } from '../../src/schema/checkout-friction.js';
import { checkoutIsEmpty, type frictionMap, type FlowModel } from '../../src/compute/checkout-friction.js';
import { causesView, cellDetail, checkoutView, mapView, selectedBreakdown } from '../../src/view/checkout-friction.js';
import { checkoutStrings, type CheckoutFrictionMessages } from '../../src/i18n/en/checkout-friction.js';
import { checkoutStyles } from './kpi-checkout-friction.styles.js';

/** How many causes the ranked list shows. */

/**
 * Where the checkout loses buyers, why, and what it costs: the flow of checkout
 * steps with abandonment, time and revenue at risk (the costliest step
 * highlighted), a friction map of steps × causes, the ranked causes by count or
 * by revenue at risk, and breakdowns (device, payment method, …) against the whole.
 *
 * Keyboard: the flow's steps, the friction map and the top causes hold one tab stop each; arrows,
 * Home and End move it (Ctrl+Home/End in the map), Enter or Space picks.
 *
 * @summary Checkout abandonment and its causes for a `checkout-friction` KPI document.
 * @tag kpi-checkout-friction
 *
 * @attr breakdown - The breakdown shown, as `dimension:valueId` (e.g. `device:mobile`); empty for all shoppers.
 * @attr rank-by - Rank causes by `count` (default) or `revenue`.
 *
 * @fires kpi-select - A step, map cell or cause was picked: `{ type: 'step', id }`, `{ type: 'cell', id: stepId,
 * category }` or `{ type: 'friction', id, step }`.
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
  /**
   * The step or cause that holds the tab stop of its list (roving tabindex: one stop for the flow, one for the causes).
   */
  readonly #focus = new RovingFocus(this);

  readonly #probe = new PaletteProbe(this);
  /** The flow and the map: worked out in the view model, once per document. */
  readonly #model = new CheckoutViewModel();

  protected isEmpty(doc: CheckoutFrictionDoc): boolean {
    return checkoutIsEmpty(doc);
  }

  #flow(doc: CheckoutFrictionDoc): FlowModel {
    return this.#model.flow(doc, this.docVersion);
  }

  #map(doc: CheckoutFrictionDoc): ReturnType<typeof frictionMap> {
    return this.#model.map(doc, this.docVersion);
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
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector(`td[data-r="${to.r}"][data-c="${to.c}"]`) as HTMLElement | null)?.focus(),
    );
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
      ${
        breakdowns.length > 0
          ? html`<label>${this.t('breakdown')}
            <select .value=${this.breakdown} @change=${(e: Event) => {
              this.breakdown = (e.target as HTMLSelectElement).value;
            }}>
              <option value="" ?selected=${!this.breakdown}>${this.t('everyone')}</option>
              ${breakdowns.map(
                (b) =>
                  html`<optgroup label=${b.label}>${b.values.map((v) => {
                    const key = `${b.dimension}:${v.id}`;
                    return html`<option value=${key} ?selected=${this.breakdown === key}>${v.label}</option>`;
                  })}</optgroup>`,
              )}
            </select>
          </label>`
          : nothing
      }
    </div>`;
  }

  protected renderReady(doc: CheckoutFrictionDoc): TemplateResult {
    const whole = this.#flow(doc);
    const o = this.viewOptions;
    const view = checkoutView(doc, whole, selectedBreakdown(doc, this.breakdown, whole), o);
    const causes = causesView(doc, whole, this.rankBy === 'revenue' ? 'revenue' : 'count', o);
    const flowStop = this.#focus.stop(view.flow.map((s) => s.id));
    const causeStop = this.#focus.stop(causes.map((c) => c.id));
    return html`
      <div class="summary">
        ${view.tiles.map(
          (k) => html`<div class="kpi">
          <span class="kpi-label">${k.label}</span>
          <span class="kpi-value" part="value">${k.value}</span>
          <span class="kpi-sub">${k.sub}</span>
        </div>`,
        )}
      </div>
      <h3 class="section">${this.t('flow')}</h3>
      <ol part="chart" class="flow" @keydown=${this.#focus.keydown()}>
        ${view.flow.map(
          (s) => html`<li class="flow-item">
          <button type="button" part="row" class=${classNames({ step: true, top: s.top })}
            data-key=${s.id} data-mark=${s.id} tabindex=${s.id === flowStop ? 0 : -1}
            @focus=${() => this.#focus.focused(s.id)} @click=${() => this.select({ type: 'step', id: s.id })}>
            <span class="step-top"
              ><span class="step-label">${s.label}</span
              >${s.top ? html`<span class="badge">${this.t('topLoss')}</span>` : nothing}</span
            >
            ${
              s.data
                ? html`<span class="rate-line"><span class="rate" part="value">${s.data.rate}</span>
                  <span class="sr-only">${this.t('stepRate')}</span>
                  ${s.data.delta ? delta(s.data.delta) : nothing}</span>
                ${barTrack('mark bar-loss', s.data.bar)}
                <span class="facts">${s.data.facts.map(([k, v]) => html`<span>${k} <b>${v}</b></span>`)}</span>
                <span class="risk">${this.t('revenue')} <b>${s.data.risk}</b></span>`
                : html`<span class="nodata">${this.t('noData')}</span>`
            }
            ${s.over ? html`<span class="over">${s.over}</span>` : nothing}
          </button>
        </li>`,
        )}
      </ol>
      <div class="lower">
        <section class="map-wrap" aria-labelledby="map-h">
          <h3 class="section" id="map-h">${this.t('map')}</h3>
          ${this.#renderMap(doc)}
        </section>
        <section class="causes-wrap" aria-labelledby="causes-h">
          <div class="section-row">
            <h3 class="section" id="causes-h">${this.t('causes')}</h3>
            ${toggleGroup(this.t('rankBy'), [
              {
                text: this.t('byCount'),
                pressed: this.rankBy !== 'revenue',
                pick: () => {
                  this.rankBy = 'count';
                },
              },
              {
                text: this.t('byRevenue'),
                pressed: this.rankBy === 'revenue',
                pick: () => {
                  this.rankBy = 'revenue';
                },
              },
            ])}
          </div>
          <ol class="causes" @keydown=${this.#focus.keydown()}>
            ${causes.map(
              (c) => html`<li>
              <button type="button" part="row" class="cause" data-key=${c.id}
                data-mark=${c.id} tabindex=${c.id === causeStop ? 0 : -1}
                @focus=${() => this.#focus.focused(c.id)}
                @click=${() => this.select({ type: 'friction', id: c.id, step: c.stepId })}>
                <span class="cause-head"
                  ><span class="cause-label">${c.label}</span
                  ><span class="cause-value" aria-hidden="true">${c.value}</span
                  ><span class="sr-only"> ${c.spoken}</span></span
                >
                ${barTrack('mark bar-cause', c.bar, 'thin')}
                <span class="cause-sub">${c.sub}</span>
              </button>
            </li>`,
            )}
          </ol>
        </section>
      </div>
      ${hiddenTable(view.table)}
    `;
  }

  #renderMap(doc: CheckoutFrictionDoc): TemplateResult {
    const m = this.#map(doc);
    const view = mapView(doc, m, this.viewOptions);
    const shade = this.#probe.shader();
    const active = this.activeCell ?? { r: 0, c: m.cells[0]?.findIndex((x) => x !== null) ?? 0 };
    // The details of the cell that holds the tab stop: the first cell's until one is picked, so the box is never empty.
    const activeCell = m.cells[active.r]?.[active.c] ?? null;
    const detail = activeCell ? cellDetail(doc, activeCell, this.viewOptions) : null;
    return html`<div class="map-scroll">
      <table part="table" class="map" role="grid" aria-label=${view.caption}
        @keydown=${(e: KeyboardEvent) => this.#onMapKey(e, doc.steps.length, m.categories.length)}>
        <thead><tr>${view.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>
          ${view.rows.map(
            (row, r) => html`<tr>
            <th scope="row">${row.label}</th>
            ${row.cells.map((cell, c) => {
              const tab = active.r === r && active.c === c ? 0 : -1;
              const focus = () => {
                this.activeCell = { r, c };
              };
              if (!cell)
                return html`<td part="cell" class="empty" data-r=${r} data-c=${c} tabindex=${tab}
                  @focus=${focus} @mouseenter=${focus}><span class="sr-only">${this.t('emptyCell')}</span></td>`;
              const s = shade(cell.shade);
              return html`<td part="cell" data-r=${r} data-c=${c} tabindex=${tab}
                ${styleProps(s ? { background: s.bg, color: s.fg } : {})}
                @focus=${focus} @mouseenter=${focus} @click=${() => this.#pickCell(r, c)}>${cell.text}</td>`;
            })}
          </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="cell-detail" role="status">${
      detail
        ? html`<strong>${detail.title}</strong>
      <ul>${detail.frictions.map(([label, count]) => html`<li><span>${label}</span><b>${count}</b></li>`)}</ul>`
        : nothing
    }</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-checkout-friction': KpiCheckoutFriction;
  }
}

/** A step's change against the compared period. */
const delta = (d: { tone: string; text: string }) => html`<span part="delta" class=${d.tone}>${d.text}</span>`;

/** A bar in its track, `pct` wide. */
const barTrack = (cls: string, pct: number, track = '') =>
  html`<span class=${`bar-track ${track}`.trim()} aria-hidden="true"
    ><span part="bar" class=${cls} ${styleProps({ width: `${pct}%` })}></span
  ></span>`;
