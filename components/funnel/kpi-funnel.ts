import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { SizeController } from '../../src/core/size-controller.js';
import { hiddenTable, toggleGroup } from '../../src/core/parts.js';
import { tooltipStyles } from '../../src/theme/tooltip.js';
import { RovingFocus } from '../../src/core/roving-focus.js';
import { TooltipController } from '../../src/core/tooltip.js';
import { funnelSchema, type FunnelDoc } from '../../src/schema/funnel.js';
import { funnelIsEmpty, type PercentOf } from '../../src/compute/funnel.js';
import { columnsTooNarrow, type FunnelScale } from '../../src/layout/funnel.js';
import type { FunnelOptions, FunnelView, StepView } from '../../src/view/funnel.js';
import { FunnelViewModel } from '../../src/view/funnel-model.js';
import { funnelStrings, type FunnelMessages } from '../../src/i18n/en/funnel.js';
import { funnelStyles } from './kpi-funnel.styles.js';
import { tipPlacement } from '../../src/layout/tip.js';
import { bar, clockIcon, delta, legendEntry, marker, percent, stepDrop, stepTooltip } from './parts.js';

/** The selector value that shows every segment side by side. */
const MULTIPLES = '\u0000multiples';

/**
 * A conversion funnel: one bar per step with its count and conversion (as % of the
 * first or of the previous step), the drop-off and median time between steps, the
 * largest drop marked, an optional comparison period, and segments (one at a time
 * or side by side). Screen readers get the whole funnel as a table.
 *
 * Keyboard: the steps hold one tab stop; arrows (across small multiples too), Home and
 * End move it, Enter or Space picks a step, focus shows its tooltip and Escape closes it.
 * The stop stays on the focused step while it is shown, else the first step shown.
 *
 * @summary Conversion funnel for a `funnel` KPI document.
 * @tag kpi-funnel
 *
 * @attr percent-of - `first` (default) or `previous`: the base of each step's conversion.
 * @attr orientation - `horizontal` (default) or `vertical`.
 * @attr variant - `default` or `compact` (bars and headline only, for KPI strips).
 * @attr scale - `linear` (default) or `log`: a log scale keeps tiny steps visible.
 * @attr segment - The id of the segment to show; empty for the total.
 * @attr multiples - Show every segment side by side (small multiples).
 *
 * @fires kpi-select - A step was picked (click or Enter): `detail: { type: 'step', id, segment? }`.
 * @fires kpi-error - The document is invalid or could not be loaded.
 *
 * @csspart base - The card.
 * @csspart header - Title, subtitle, period and controls.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - Loading, empty, error and stale panels.
 * @csspart chart - The bars.
 * @csspart row - One step (a button).
 * @csspart bar - A step's bar.
 * @csspart label - A step's label.
 * @csspart value - A count or headline number.
 * @csspart delta - A change against the comparison period.
 * @csspart drop - The drop-off line between two steps (what was lost, the median time, the largest drop).
 * @csspart marker - Where the comparison period's count sits on a bar.
 * @csspart legend - The legend under the chart.
 * @csspart table - The data table (visually hidden).
 *
 * @cssprop --kpi-funnel-bar-color - Bar colour (defaults to `--kpi-color-accent`).
 * @cssprop --kpi-funnel-lost-color - Colour of the part lost since the previous step.
 * @cssprop --kpi-funnel-track-color - Bar track colour.
 * @cssprop --kpi-funnel-bar-height - Bar thickness in the horizontal orientation (default 14px).
 * @cssprop --kpi-funnel-column-height - Column height in the vertical orientation (default 180px).
 * @cssprop --kpi-funnel-comparison-color - Colour of the comparison marker.
 */
export class KpiFunnel extends KpiElement<'funnel', FunnelMessages> {
  static override styles = [...KpiElement.styles, tooltipStyles, funnelStyles];
  static override strings = funnelStrings;
  static override schema = funnelSchema;
  /** Lit's reactive properties (declared here rather than with decorators: a smaller build). */
  static override properties: PropertyDeclarations = {
    percentOf: { attribute: 'percent-of', reflect: true },
    orientation: { reflect: true },
    variant: { reflect: true },
    scale: { reflect: true },
    segment: { reflect: true },
    multiples: { type: Boolean, reflect: true },
  };

  protected readonly kind = 'funnel' as const;

  /** The base of each step's conversion. */
  percentOf: PercentOf = 'first';
  /** Bars left to right (`horizontal`) or bottom to top (`vertical`). */
  orientation: 'horizontal' | 'vertical' = 'horizontal';
  /** `compact`: bars and headline only. */
  variant: 'default' | 'compact' = 'default';
  /** Bar scale. */
  scale: FunnelScale = 'linear';
  /** The id of the segment shown, or empty for the total. */
  segment = '';
  /** Show every segment side by side. */
  multiples = false;

  /** The step under the pointer or keyboard focus (shows the tooltip). */
  readonly #tip = new TooltipController<{ index: number; segment: string; top: number; above: boolean }>(this, () =>
    Boolean(this.renderRoot.querySelector('.step:focus-visible, .step:focus')),
  );
  /** The step that holds the tab stop (roving tabindex). */
  readonly #focus = new RovingFocus(this);

  readonly #size = new SizeController(this, (s) => columnsTooNarrow(s.width));
  /** The steps and their views: worked out in the view model, only when their inputs change. */
  readonly #view = new FunnelViewModel();

  protected isEmpty(doc: FunnelDoc): boolean {
    return funnelIsEmpty(doc);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((['segment', 'multiples', 'data', 'src'] as const).some((k) => changed.has(k))) this.#tip.value = null;
  }

  get #percentBase(): PercentOf {
    return this.percentOf === 'previous' ? 'previous' : 'first';
  }

  get #showMultiples(): boolean {
    return this.multiples && this.variant !== 'compact';
  }

  #options(): FunnelOptions {
    return { ...this.viewOptions, percentOf: this.#percentBase, scale: this.scale === 'log' ? 'log' : 'linear' };
  }

  // ---------------------------------------------------------------- events

  #pick(step: StepView, segment: string): void {
    this.select(segment ? { type: 'step', id: step.id, segment } : { type: 'step', id: step.id });
  }

  /** The tooltip of a step, from focus, or from the pointer (`pointer`: leaving goes back to the focused step). */
  #showTip(index: number, segment: string, target: HTMLElement, pointer = false): void {
    const chart = this.renderRoot.querySelector('.chart') as HTMLElement | null;
    if (!chart) return;
    // Below the row in the top half of the chart, above it in the bottom half, so it stays inside the card.
    const { above, offset } = tipPlacement(target.getBoundingClientRect(), chart.getBoundingClientRect());
    this.#tip[pointer ? 'point' : 'show']({ index, segment, top: offset, above });
  }

  #onKeydown(event: KeyboardEvent): void {
    // Escape closes the tooltip the focus opened (and only that: a dialog around the widget stays open).
    if (this.#tip.escape(event)) return;
    this.#focus.keydown('button.step')(event);
  }

  #onSegmentChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value === MULTIPLES) {
      this.multiples = true;
      this.segment = '';
    } else {
      this.multiples = false;
      this.segment = value;
    }
  }

  // ---------------------------------------------------------------- rendering

  protected override renderHeader(doc: FunnelDoc): TemplateResult {
    if (this.variant === 'compact') return html``;
    return super.renderHeader(doc);
  }

  protected override renderControls(doc: FunnelDoc): TemplateResult | typeof nothing {
    if (this.variant === 'compact') return nothing;
    const segments = doc.segments ?? [];
    const selected = this.#showMultiples
      ? MULTIPLES
      : (this.#view.segment(doc, this.docVersion, this.segment)?.id ?? '');
    return html`<div class="controls">
      ${toggleGroup(this.t('base'), [
        {
          text: this.t('ofFirst'),
          pressed: this.#percentBase === 'first',
          pick: () => {
            this.percentOf = 'first';
          },
        },
        {
          text: this.t('ofPrevious'),
          pressed: this.#percentBase === 'previous',
          pick: () => {
            this.percentOf = 'previous';
          },
        },
      ])}
      ${
        segments.length > 0
          ? html`<label>${this.t('segment')}
            <select @change=${this.#onSegmentChange} .value=${selected}>
              <option value="" ?selected=${selected === ''}>${this.t('total')}</option>
              ${segments.map((s) => html`<option value=${s.id} ?selected=${selected === s.id}>${s.label}</option>`)}
              <option value=${MULTIPLES} ?selected=${selected === MULTIPLES}>${this.t('compare')}</option>
            </select>
          </label>`
          : nothing
      }
    </div>`;
  }

  protected renderReady(doc: FunnelDoc): TemplateResult {
    const o = this.#options();
    if (this.variant === 'compact') return this.#renderCompact(doc, o);
    if (this.#showMultiples && (doc.segments?.length ?? 0) > 0) return this.#renderMultiples(doc, o);
    const seg = this.#view.segment(doc, this.docVersion, this.segment);
    const view = this.#view.view(doc, this.docVersion, seg, o);
    const segment = seg?.id ?? '';
    const s = view.summary;
    return html`
      <div class="summary">
        <div class="kpi">
          <span class="kpi-label">${s.overallLabel}</span>
          <span class="kpi-value" part="value">${s.overall}</span>
          <span class="kpi-sub"
            >${s.overallSub}${s.delta ? html` · ${delta(s.delta.tone, s.delta.text)} ${s.delta.vs}` : nothing}</span
          >
        </div>
        ${
          s.revenue
            ? html`<div class="kpi">
              <span class="kpi-label">${this.t('revenue')}</span>
              <span class="kpi-value" part="value">${s.revenue.value}</span>
              <span class="kpi-sub">${s.revenue.sub}</span>
            </div>`
            : nothing
        }
      </div>
      ${this.#renderChart(view, segment)}
      <div part="legend" class="legend" aria-hidden="true">
        ${view.legend.map(legendEntry)}
      </div>
      ${hiddenTable(view.table, true)}
    `;
  }

  #effectiveOrientation(): 'horizontal' | 'vertical' {
    if (this.orientation !== 'vertical') return 'horizontal';
    return columnsTooNarrow(this.#size.width) ? 'horizontal' : 'vertical';
  }

  // Each step button says its figures in order, each followed by its meaning for screen readers (StepView.of,
  // delta.said): the visible text stays in its name, as WCAG's label-in-name asks.
  #renderChart(view: FunnelView, segment: string): TemplateResult {
    const orientation = this.#effectiveOrientation();
    const items: TemplateResult[] = [];
    // One tab stop: the focused step while it is drawn (a segment change redraws every step), else the first.
    const keys = view.steps.map((s) => `${segment}:${s.id}`);
    const stop = this.#focus.stop(keys);
    for (const s of view.steps) {
      if (s.drop && orientation === 'horizontal') items.push(this.#renderDrop(s));
      items.push(this.#renderStep(s, view, segment, orientation, stop));
    }
    const tip = this.#tip.value;
    const active = tip && tip.segment === segment ? view.steps[tip.index] : undefined;
    return html`<div part="chart" class=${classNames({ chart: true, [orientation]: true })}>
      <div class="steps" role="group" aria-label=${this.t('steps')} @keydown=${this.#onKeydown}>${items}</div>
      ${active && tip ? stepTooltip(active, tip.top, tip.above) : nothing}
    </div>`;
  }

  #renderDrop(s: StepView): TemplateResult {
    const drop = s.drop!;
    return html`<div part="drop" class=${classNames({ drop: true, largest: s.largest })} aria-hidden="true">
      <span class=${classNames({ rise: drop.rise })}>${drop.change}</span>
      ${drop.time !== null ? html`<span>${clockIcon}${drop.time}</span>` : nothing}
      ${s.largest ? html`<span class="badge">${this.t('largestDrop')}</span>` : nothing}
    </div>`;
  }

  #renderStep(
    s: StepView,
    view: FunnelView,
    segment: string,
    orientation: 'horizontal' | 'vertical',
    stop: string | undefined,
  ): TemplateResult {
    const key = `${segment}:${s.id}`;
    const i = s.index;
    const tabbable = key === stop;
    const dim = orientation === 'vertical' ? 'height' : 'width';
    const pos = orientation === 'vertical' ? 'bottom' : 'left';
    const isActive = this.#tip.value?.index === i && this.#tip.value.segment === segment;
    return html`<button
      type="button" part="row" data-key=${key} data-mark=${s.id}
      class=${classNames({ step: true, largest: s.largest, active: isActive })}
      tabindex=${tabbable ? 0 : -1}
      @click=${() => this.#pick(s, segment)}
      @focus=${(e: FocusEvent) => {
        this.#focus.focused(key);
        this.#showTip(i, segment, e.currentTarget as HTMLElement);
      }}
      @blur=${() => this.#tip.close()}
      @mouseenter=${(e: MouseEvent) => this.#showTip(i, segment, e.currentTarget as HTMLElement, true)}
      @mouseleave=${() => this.#tip.leave()}
    >
      <span class="step-head">
        <span part="label">${s.label}</span>
        <span class="nums">
          <span part="value" class="count">${s.count ?? html`<span class="nodata">${this.t('noData')}</span>`}</span>
          ${percent(s.pct, s.of)}
          ${s.delta ? delta(s.delta.tone, s.delta.text, s.delta.said) : nothing}
        </span>
      </span>
      <span class="track" aria-hidden="true">
        ${s.lostPct > 0 ? html`<span class="lost" ${styleProps({ [dim]: `${s.lostPct}%` })}></span>` : nothing}
        ${bar(s.bar, dim)}
        ${s.markerPct !== null ? marker(pos, s.markerPct) : nothing}
      </span>
      ${orientation === 'vertical' ? stepDrop(s.dropShort, s.largest && i > 0) : nothing}
    </button>`;
  }

  #renderMultiples(doc: FunnelDoc, o: FunnelOptions): TemplateResult {
    const view = this.#view.multiples(doc, this.docVersion, o);
    const keys = view.segments.flatMap((seg) => seg.steps.map((s) => `${seg.id}:${s.id}`));
    const stop = this.#focus.stop(keys);
    return html`
      <div part="chart" class="chart">
        <div class="multiples" role="group" aria-label=${this.t('compare')} @keydown=${this.#onKeydown}>
          ${view.segments.map(
            (seg) => html`<section class="multiple" data-mark=${seg.id} aria-label=${seg.label}>
            <h3>${seg.label}</h3>
            <div class="kpi-value" part="value">${seg.overall}</div>
            <div class="steps">
              ${seg.steps.map((s) => {
                const key = `${seg.id}:${s.id}`;
                return html`<button type="button" part="row" data-key=${key} data-mark=${s.id} class="step"
                  tabindex=${key === stop ? 0 : -1}
                  @click=${() => this.#pick(s, seg.id)} @focus=${() => this.#focus.focused(key)}>
                  <span class="step-head">
                    <span part="label">${s.label}</span>
                    <span class="nums">${
                      s.count === null
                        ? html`<span class="nodata">${this.t('noData')}</span>`
                        : html`<span part="value" class="count">${s.count}</span>${percent(s.pct, s.of)}`
                    }</span>
                  </span>
                  <span class="track" aria-hidden="true">${bar(s.bar)}</span>
                </button>`;
              })}
            </div>
          </section>`,
          )}
        </div>
      </div>
      ${hiddenTable(view.table, true)}
    `;
  }

  #renderCompact(doc: FunnelDoc, o: FunnelOptions): TemplateResult {
    const view = this.#view.compact(doc, this.docVersion, o);
    return html`<div class="compact">
      ${doc.title ? html`<p class="compact-title" part="title">${doc.title}</p>` : nothing}
      <div class="compact-head">
        <span class="kpi-value" part="value">${view.overall}</span>
        <span class="kpi-sub">${view.sub}</span>
      </div>
      <div class="compact-bars" aria-hidden="true"
        >${view.bars.map((b) => html`<span class="track">${bar(b)}</span>`)}</div
      >
      ${hiddenTable(view.table, true)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-funnel': KpiFunnel;
  }
}
