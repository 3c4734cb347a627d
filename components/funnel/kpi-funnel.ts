import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { SizeController } from '../../src/core/size-controller.js';
import { listKey } from '../../src/core/keys.js';
import { Memo } from '../../src/core/memo.js';
import { funnelSchema, type FunnelDoc } from '../../src/schema/funnel.js';
import {
  changeTone, computeComparison, computeFunnel, computeSegments, conversion, funnelIsEmpty,
  type FunnelComparisonModel, type FunnelModel, type FunnelSegmentModel, type FunnelStepModel, type PercentOf,
} from '../../src/compute/funnel.js';
import { TINY_BAR_PERCENT, barScale, type FunnelScale } from '../../src/layout/funnel.js';
import {
  NO_VALUE, formatCurrency, formatDuration, formatInteger, formatPercent, formatPointsDelta, formatSignedPercent,
} from '../../src/format/index.js';
import { funnelStrings, type FunnelMessages } from './strings.js';
import { funnelStyles } from './kpi-funnel.styles.js';

const clockIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">${svg`<circle cx="8" cy="8" r="6.2"></circle><path d="M8 4.6V8l2.4 1.6"></path>`}</svg>`;

/** The selector value that shows every segment side by side. */
const MULTIPLES = '\u0000multiples';
/** Below this width (px) a vertical funnel is drawn horizontally: columns would be too narrow to read. */
const VERTICAL_MIN_WIDTH = 420;

/**
 * A conversion funnel: one bar per step with its count and conversion (as % of the
 * first or of the previous step), the drop-off and median time between steps, the
 * largest drop marked, an optional comparison period, and segments (one at a time
 * or side by side). Screen readers get the whole funnel as a table.
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
  static override styles = [...KpiElement.styles, funnelStyles];
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
    active: { state: true },
    focusKey: { state: true },
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
  private active: { index: number; segment: string; top: number; above: boolean } | null = null;
  /** The step that holds the tab stop (roving tabindex). */
  private focusKey = '';

  readonly #size = new SizeController(this);
  readonly #modelMemo = new Memo<FunnelModel>();
  readonly #comparisonMemo = new Memo<FunnelComparisonModel | null>();
  readonly #segmentsMemo = new Memo<FunnelSegmentModel[]>();

  protected isEmpty(doc: FunnelDoc): boolean {
    return funnelIsEmpty(doc);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('segment') || changed.has('multiples') || changed.has('data') || changed.has('src')) this.active = null;
  }

  get #percentBase(): PercentOf {
    return this.percentOf === 'previous' ? 'previous' : 'first';
  }

  #model(doc: FunnelDoc): FunnelModel {
    return this.#modelMemo.get([this.docVersion], () => computeFunnel(doc));
  }

  #comparison(doc: FunnelDoc): FunnelComparisonModel | null {
    return this.#comparisonMemo.get([this.docVersion], () => computeComparison(doc, this.#model(doc)));
  }

  #segments(doc: FunnelDoc): FunnelSegmentModel[] {
    return this.#segmentsMemo.get([this.docVersion], () => computeSegments(doc));
  }

  /** The segment shown, if a valid one is selected. */
  #currentSegment(doc: FunnelDoc): FunnelSegmentModel | undefined {
    return this.segment ? this.#segments(doc).find((s) => s.id === this.segment) : undefined;
  }

  get #showMultiples(): boolean {
    return this.multiples && this.variant !== 'compact';
  }

  // ---------------------------------------------------------------- formatting

  #pct(v: number | null): string {
    return formatPercent(this.loc, v);
  }

  #int(v: number | null): string {
    return formatInteger(this.loc, v);
  }

  #money(doc: FunnelDoc, v: number | null, compact = false): string {
    return formatCurrency(this.loc, v, doc.currency, { compact });
  }

  #baseLabel(long = false): string {
    const key = this.#percentBase === 'previous' ? 'ofPrevious' : 'ofFirst';
    return this.t(long ? `${key}Long` : key);
  }

  // ---------------------------------------------------------------- events

  #pick(step: FunnelStepModel, segment: string): void {
    this.select(segment ? { type: 'step', id: step.id, segment } : { type: 'step', id: step.id });
  }

  #showTip(index: number, segment: string, target: HTMLElement): void {
    const chart = this.renderRoot.querySelector('.chart') as HTMLElement | null;
    if (!chart) return;
    const a = target.getBoundingClientRect();
    const b = chart.getBoundingClientRect();
    // Below the row in the top half of the chart, above it in the bottom half, so it stays inside the card.
    const below = a.top + a.height / 2 - b.top < b.height / 2;
    this.active = below ? { index, segment, top: a.bottom - b.top + 4, above: false } : { index, segment, top: b.bottom - a.top + 4, above: true };
  }

  #hideTip(): void {
    const focused = this.renderRoot.querySelector('.step:focus-visible, .step:focus');
    if (!focused) this.active = null;
  }

  #onKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.step')];
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    const next = current < 0 ? null : listKey(event.key, current, buttons.length);
    const target = next === null ? undefined : buttons[next];
    if (!target) return;
    event.preventDefault();
    this.focusKey = target.dataset['key'] ?? '';
    target.focus();
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
    const selected = this.#showMultiples ? MULTIPLES : (this.#currentSegment(doc)?.id ?? '');
    return html`<div class="controls">
      <div class="seg-toggle" role="group" aria-label=${this.t('base')}>
        <button type="button" aria-pressed=${this.#percentBase === 'first' ? 'true' : 'false'} @click=${() => { this.percentOf = 'first'; }}>${this.t('ofFirst')}</button>
        <button type="button" aria-pressed=${this.#percentBase === 'previous' ? 'true' : 'false'} @click=${() => { this.percentOf = 'previous'; }}>${this.t('ofPrevious')}</button>
      </div>
      ${segments.length > 0
        ? html`<label>${this.t('segment')}
            <select @change=${this.#onSegmentChange} .value=${selected}>
              <option value="" ?selected=${selected === ''}>${this.t('total')}</option>
              ${segments.map((s) => html`<option value=${s.id} ?selected=${selected === s.id}>${s.label}</option>`)}
              <option value=${MULTIPLES} ?selected=${selected === MULTIPLES}>${this.t('compare')}</option>
            </select>
          </label>`
        : nothing}
    </div>`;
  }

  protected renderReady(doc: FunnelDoc): TemplateResult {
    const total = this.#model(doc);
    if (this.variant === 'compact') return this.#renderCompact(doc, total);
    if (this.#showMultiples && (doc.segments?.length ?? 0) > 0) return this.#renderMultiples(doc, total);
    const seg = this.#currentSegment(doc);
    const model = seg ? seg.model : total;
    const cmp = seg ? null : this.#comparison(doc);
    return html`
      ${this.#renderSummary(doc, model, cmp, seg)}
      ${this.#renderChart(doc, model, cmp, seg?.id ?? '', total.maxCount)}
      ${this.#renderLegend(doc, cmp)}
      ${this.#renderTable(doc, model, cmp, seg)}
    `;
  }

  #renderSummary(doc: FunnelDoc, model: FunnelModel, cmp: FunnelComparisonModel | null, seg?: FunnelSegmentModel): TemplateResult {
    const first = model.steps[0];
    const last = model.steps[model.steps.length - 1];
    const tone = changeTone(cmp?.overallDelta ?? null);
    return html`<div class="summary">
      <div class="kpi">
        <span class="kpi-label">${this.t('overall')}${seg ? html` · ${seg.label}` : nothing}</span>
        <span class="kpi-value" part="value">${this.#pct(model.overall)}</span>
        <span class="kpi-sub">${this.t('overallSub', { first: this.#int(first?.count ?? null), last: this.#int(last?.count ?? null) })}
          ${cmp && cmp.overallDelta !== null
            ? html` · <span part="delta" class=${tone}>${formatPointsDelta(this.loc, cmp.overallDelta)}</span> ${this.t('vs', { label: cmp.label })}`
            : nothing}
        </span>
      </div>
      ${model.revenue !== null
        ? html`<div class="kpi">
            <span class="kpi-label">${this.t('revenue')}</span>
            <span class="kpi-value" part="value">${this.#money(doc, model.revenue, true)}</span>
            <span class="kpi-sub">${this.t('revenueSub', { step: last?.label ?? '' })}</span>
          </div>`
        : nothing}
    </div>`;
  }

  #effectiveOrientation(): 'horizontal' | 'vertical' {
    if (this.orientation !== 'vertical') return 'horizontal';
    return this.#size.width > 0 && this.#size.width < VERTICAL_MIN_WIDTH ? 'horizontal' : 'vertical';
  }

  #renderChart(doc: FunnelDoc, model: FunnelModel, cmp: FunnelComparisonModel | null, segment: string, maxCount: number): TemplateResult {
    const orientation = this.#effectiveOrientation();
    const scale = barScale(maxCount, this.scale === 'log' ? 'log' : 'linear');
    const base = this.#percentBase;
    const items: TemplateResult[] = [];
    model.steps.forEach((s, i) => {
      if (i > 0 && orientation === 'horizontal') items.push(this.#renderDrop(s));
      items.push(this.#renderStep(doc, s, i, scale, base, cmp, segment, orientation, model));
    });
    const active = this.active && this.active.segment === segment ? model.steps[this.active.index] : undefined;
    return html`<div part="chart" class=${classNames({ chart: true, [orientation]: true })}>
      <div class="steps" role="group" aria-label=${this.t('steps')} @keydown=${this.#onKeydown}>${items}</div>
      ${active && this.active ? this.#renderTooltip(doc, active, cmp, this.active.top, this.active.above) : nothing}
    </div>`;
  }

  #renderDrop(s: FunnelStepModel): TemplateResult {
    const parts: TemplateResult[] = [];
    if (s.riseCount !== null && s.riseCount > 0) parts.push(html`<span class="rise">↑ ${this.t('gained', { count: this.#int(s.riseCount) })}</span>`);
    else if (s.dropCount !== null) parts.push(html`<span>↓ ${this.t('lost', { count: s.dropCount, rate: this.#pct(s.dropRate) })}</span>`);
    else parts.push(html`<span>${this.t('noData')}</span>`);
    if (s.medianSecondsFromPrevious !== null) parts.push(html`<span>${clockIcon}${this.t('medianTime', { time: formatDuration(this.loc, s.medianSecondsFromPrevious) })}</span>`);
    if (s.isLargestDrop) parts.push(html`<span class="badge">${this.t('largestDrop')}</span>`);
    return html`<div class=${classNames({ drop: true, largest: s.isLargestDrop })} aria-hidden="true">${parts}</div>`;
  }

  #renderStep(
    doc: FunnelDoc, s: FunnelStepModel, i: number, scale: (c: number | null) => number, base: PercentOf,
    cmp: FunnelComparisonModel | null, segment: string, orientation: 'horizontal' | 'vertical', model: FunnelModel,
  ): TemplateResult {
    const pct = scale(s.count);
    const prevCount = i > 0 ? (model.steps[i - 1]?.count ?? null) : null;
    const lostPct = prevCount !== null && s.count !== null && prevCount > s.count ? scale(prevCount) : 0;
    const c = cmp?.steps[i];
    const cmpPct = c && c.count !== null ? scale(c.count) : null;
    // The first step's conversion is 100% in both periods, so its change is the change in count.
    const delta = !c ? null : i === 0 ? c.countChange : base === 'previous' ? c.ofPreviousDelta : c.ofFirstDelta;
    const deltaText = i === 0 ? formatSignedPercent(this.loc, delta) : formatPointsDelta(this.loc, delta);
    const conv = conversion(s, base);
    const key = `${segment}:${s.id}`;
    const tabbable = this.focusKey ? this.focusKey === key : i === 0;
    const dim = orientation === 'vertical' ? 'height' : 'width';
    const pos = orientation === 'vertical' ? 'bottom' : 'left';
    const isActive = this.active?.index === i && this.active.segment === segment;
    return html`<button
      type="button" part="row" data-key=${key} data-index=${i}
      class=${classNames({ step: true, largest: s.isLargestDrop, active: isActive })}
      tabindex=${tabbable ? 0 : -1}
      @click=${() => this.#pick(s, segment)}
      @focus=${(e: FocusEvent) => { this.focusKey = key; this.#showTip(i, segment, e.currentTarget as HTMLElement); }}
      @blur=${() => { this.active = null; }}
      @mouseenter=${(e: MouseEvent) => this.#showTip(i, segment, e.currentTarget as HTMLElement)}
      @mouseleave=${() => this.#hideTip()}
    >
      <span class="step-head">
        <span part="label">${s.label}</span>
        <span class="nums">
          <span part="value" class="count">${s.count === null ? html`<span class="nodata">${this.t('noData')}</span>` : this.#int(s.count)}</span>
          <span class="pct">${this.#pct(conv)}<span class="sr-only"> (${this.#baseLabel(true)})</span></span>
          ${delta !== null && cmp ? html`<span part="delta" class=${changeTone(delta)}>${deltaText}<span class="sr-only"> ${this.t('vs', { label: cmp.label })}</span></span>` : nothing}
        </span>
      </span>
      <span class="track" aria-hidden="true">
        ${lostPct > 0 ? html`<span class="lost" ${styleProps({ [dim]: `${lostPct}%` })}></span>` : nothing}
        ${s.count !== null && s.count > 0
          ? html`<span part="bar" class=${classNames({ tiny: pct < TINY_BAR_PERCENT })} ${styleProps({ [dim]: `${pct}%` })}></span>`
          : nothing}
        ${cmpPct !== null ? html`<span class="marker" ${styleProps({ [pos]: `${cmpPct}%` })}></span>` : nothing}
      </span>
      ${orientation === 'vertical' && i > 0
        ? html`<span class=${classNames({ 'step-drop': true, largest: s.isLargestDrop })} aria-hidden="true">${s.riseCount ? `↑ ${this.#int(s.riseCount)}` : s.dropCount !== null ? `↓ ${this.#pct(s.dropRate)}` : ''}</span>`
        : orientation === 'vertical' ? html`<span class="step-drop" aria-hidden="true"></span>` : nothing}
    </button>`;
  }

  #renderTooltip(doc: FunnelDoc, s: FunnelStepModel, cmp: FunnelComparisonModel | null, offset: number, above: boolean): TemplateResult {
    const c = cmp?.steps[s.index];
    const rows: [string, string][] = [
      [this.t('count'), s.count === null ? this.t('noData') : this.#int(s.count)],
      [this.t('ofFirstLong'), this.#pct(s.ofFirst)],
    ];
    if (s.index > 0) {
      rows.push([this.t('ofPreviousLong'), this.#pct(s.ofPrevious)]);
      rows.push([this.t('dropOff'), s.riseCount ? `+${this.#int(s.riseCount)}` : s.dropCount === null ? NO_VALUE : `${this.#int(s.dropCount)} (${this.#pct(s.dropRate)})`]);
      if (s.medianSecondsFromPrevious !== null) rows.push([this.t('medianTimeLong'), formatDuration(this.loc, s.medianSecondsFromPrevious, undefined, 'long')]);
    }
    if (s.value !== null) rows.push([this.t('value'), this.#money(doc, s.value)]);
    if (c && cmp) {
      rows.push([cmp.label, c.count === null ? this.t('noData') : this.#int(c.count)]);
      rows.push([this.t('countChange'), formatSignedPercent(this.loc, c.countChange)]);
    }
    const position = above ? { bottom: `${Math.round(offset)}px` } : { top: `${Math.round(offset)}px` };
    return html`<div class="tooltip" role="tooltip" ${styleProps(position)}>
      <strong>${s.label}</strong>
      <dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    </div>`;
  }

  #renderLegend(doc: FunnelDoc, cmp: FunnelComparisonModel | null): TemplateResult {
    return html`<div part="legend" class="legend" aria-hidden="true">
      <span><i class="swatch"></i>${cmp ? this.t('thisPeriod') : this.t('count')}</span>
      <span><i class="swatch lost-swatch"></i>${this.t('lostLegend')}</span>
      ${cmp ? html`<span><i class="swatch marker-swatch"></i>${cmp.label}</span>` : nothing}
    </div>`;
  }

  #renderTable(doc: FunnelDoc, model: FunnelModel, cmp: FunnelComparisonModel | null, seg?: FunnelSegmentModel): TemplateResult {
    const title = [doc.title ?? '', seg?.label ?? ''].filter(Boolean).join(' · ');
    return html`<div class="sr-only"><table part="table">
      <caption>${this.t('caption', { title: title || this.t('steps') })}</caption>
      <thead><tr>
        <th scope="col">${this.t('step')}</th>
        <th scope="col">${this.t('count')}</th>
        <th scope="col">${this.t('ofFirstLong')}</th>
        <th scope="col">${this.t('ofPreviousLong')}</th>
        <th scope="col">${this.t('dropOff')}</th>
        ${model.hasTimes ? html`<th scope="col">${this.t('medianTimeLong')}</th>` : nothing}
        ${cmp ? html`<th scope="col">${cmp.label}</th><th scope="col">${this.t('countChange')}</th>` : nothing}
        ${model.hasValues ? html`<th scope="col">${this.t('value')}</th>` : nothing}
      </tr></thead>
      <tbody>
        ${model.steps.map((s, i) => html`<tr>
          <th scope="row">${s.label}${s.isLargestDrop ? ` (${this.t('largestDrop')})` : ''}</th>
          <td>${s.count === null ? this.t('noData') : this.#int(s.count)}</td>
          <td>${this.#pct(s.ofFirst)}</td>
          <td>${i === 0 ? NO_VALUE : this.#pct(s.ofPrevious)}</td>
          <td>${i === 0 ? NO_VALUE : s.riseCount ? `+${this.#int(s.riseCount)}` : s.dropCount === null ? NO_VALUE : `${this.#int(s.dropCount)} (${this.#pct(s.dropRate)})`}</td>
          ${model.hasTimes ? html`<td>${formatDuration(this.loc, s.medianSecondsFromPrevious, undefined, 'long')}</td>` : nothing}
          ${cmp ? html`<td>${this.#int(cmp.steps[i]?.count ?? null)}</td><td>${formatSignedPercent(this.loc, cmp.steps[i]?.countChange ?? null)}</td>` : nothing}
          ${model.hasValues ? html`<td>${this.#money(doc, s.value)}</td>` : nothing}
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  #renderMultiples(doc: FunnelDoc, total: FunnelModel): TemplateResult {
    const segments = this.#segments(doc);
    const base = this.#percentBase;
    return html`
      <div part="chart" class="chart">
        <div class="multiples" role="group" aria-label=${this.t('compare')} @keydown=${this.#onKeydown}>
          ${segments.map((seg) => {
            const scale = barScale(seg.model.maxCount, this.scale === 'log' ? 'log' : 'linear');
            return html`<section class="multiple" aria-label=${seg.label}>
              <h3>${seg.label}</h3>
              <div class="kpi-value" part="value">${this.#pct(seg.model.overall)}</div>
              <div class="steps">
                ${seg.model.steps.map((s, i) => this.#renderMiniStep(s, i, seg.id, scale, base))}
              </div>
            </section>`;
          })}
        </div>
      </div>
      ${this.#renderMultiplesTable(doc, total, segments)}
    `;
  }

  #renderMiniStep(s: FunnelStepModel, i: number, segment: string, scale: (c: number | null) => number, base: PercentOf): TemplateResult {
    const key = `${segment}:${s.id}`;
    const tabbable = this.focusKey ? this.focusKey === key : false;
    const firstOfAll = !this.focusKey && i === 0 && segment === (this.doc?.segments?.[0]?.id ?? '');
    const pct = scale(s.count);
    const conv = conversion(s, base);
    return html`<button type="button" part="row" class="step" data-key=${key} tabindex=${tabbable || firstOfAll ? 0 : -1}
      @click=${() => this.#pick(s, segment)} @focus=${() => { this.focusKey = key; }}>
      <span class="step-head">
        <span part="label">${s.label}</span>
        <span class="nums">${s.count === null
          ? html`<span class="nodata">${this.t('noData')}</span>`
          : html`<span part="value" class="count">${this.#int(s.count)}</span><span class="pct">${this.#pct(conv)}<span class="sr-only"> (${this.#baseLabel(true)})</span></span>`}</span>
      </span>
      <span class="track" aria-hidden="true">
        ${s.count !== null && s.count > 0 ? html`<span part="bar" class=${classNames({ tiny: pct < TINY_BAR_PERCENT })} ${styleProps({ width: `${pct}%` })}></span>` : nothing}
      </span>
    </button>`;
  }

  #renderMultiplesTable(doc: FunnelDoc, total: FunnelModel, segments: FunnelSegmentModel[]): TemplateResult {
    const base = this.#percentBase;
    const cell = (s: FunnelStepModel | undefined) => (s && s.count !== null ? `${this.#int(s.count)} (${this.#pct(conversion(s, base))})` : this.t('noData'));
    return html`<div class="sr-only"><table part="table">
      <caption>${this.t('caption', { title: `${doc.title ?? this.t('steps')} · ${this.t('compare')} (${this.#baseLabel(true)})` })}</caption>
      <thead><tr><th scope="col">${this.t('step')}</th><th scope="col">${this.t('total')}</th>${segments.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
      <tbody>${total.steps.map((s, i) => html`<tr><th scope="row">${s.label}</th><td>${cell(s)}</td>${segments.map((seg) => html`<td>${cell(seg.model.steps[i])}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  #renderCompact(doc: FunnelDoc, model: FunnelModel): TemplateResult {
    const scale = barScale(model.maxCount, this.scale === 'log' ? 'log' : 'linear');
    const first = model.steps[0];
    const last = model.steps[model.steps.length - 1];
    return html`<div class="compact">
      ${doc.title ? html`<p class="compact-title" part="title">${doc.title}</p>` : nothing}
      <div class="compact-head">
        <span class="kpi-value" part="value">${this.#pct(model.overall)}</span>
        <span class="kpi-sub">${model.revenue !== null ? `${this.#money(doc, model.revenue, true)} · ` : ''}${this.t('overallSub', { first: first?.label ?? '', last: last?.label ?? '' })}</span>
      </div>
      <div class="compact-bars" aria-hidden="true">
        ${model.steps.map((s) => {
          const pct = scale(s.count);
          return html`<span class="track">${s.count !== null && s.count > 0 ? html`<span part="bar" class=${classNames({ tiny: pct < TINY_BAR_PERCENT })} ${styleProps({ width: `${pct}%` })}></span>` : nothing}</span>`;
        })}
      </div>
      ${this.#renderTable(doc, model, null)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-funnel': KpiFunnel;
  }
}
