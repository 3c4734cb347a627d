import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { tileStyles } from '../../src/theme/tiles.js';
import { SizeController } from '../../src/core/size-controller.js';
import { TooltipController } from '../../src/core/tooltip.js';
import { ForecastViewModel } from '../../src/view/forecast-model.js';
import { isPick, listKey } from '../../src/core/keys.js';
import { hiddenTable } from '../../src/core/parts.js';
import { tooltipStyles } from '../../src/theme/tooltip.js';
import { axisRoom, labelInset, yTickCount } from '../../src/layout/columns.js';
import { tipSide } from '../../src/layout/tip.js';
import { forecastIsEmpty, forecastSchema, type ForecastDoc } from '../../src/schema/forecast.js';
import type { ForecastEngine } from '../../src/lazy/forecast-engine.js';
import type { ForecastView } from '../../src/view/forecast.js';
import type { Say } from '../../src/insights/rule.js';
import { forecastStrings, type ForecastMessages } from '../../src/i18n/en/forecast.js';
import { forecastStyles } from './kpi-forecast.styles.js';

/**
 * The forecast engine (model fitting, pacing, the outlook), loaded with the first document (a chunk of its own in the
 * CDN build).
 */
let engine: ForecastEngine | undefined;
/** The slider's keys as the list's (where Down and PageDown go forward). */
const SLIDER_KEYS: Record<string, string> = {
  ArrowUp: 'ArrowDown',
  ArrowDown: 'ArrowUp',
  PageUp: 'PageDown',
  PageDown: 'PageUp',
};

/**
 * Where a metric is heading against its target: actuals as a solid line, targets
 * per period, the forecast dashed and joined to the last actual with its
 * prediction band, a "today" boundary, the running period drawn apart with its
 * projected close (paced by weekday from its days), headline tiles (projected
 * close against target, gap, what each remaining day needs, the next period with
 * its interval), the model in plain words with its typical error, and the
 * pipeline against quota when the document has one. The forecast is the
 * backend's when the points carry one, else an exponential-smoothing model fitted
 * in the browser (`forecast.model`, `auto` by default).
 *
 * Keyboard: Tab to the chart, then arrows, Home, End, PageUp and PageDown move
 * along the periods; Enter picks one; Escape closes the tooltip.
 *
 * @summary Forecast, pacing and pipeline for a `forecast` KPI document.
 * @tag kpi-forecast
 *
 * @fires kpi-select - A period was picked: `detail: { type: 'period', id: '2026-11-01' }`.
 * @fires kpi-error - The document is invalid or could not be loaded.
 *
 * @csspart base - The card.
 * @csspart header - Title, subtitle and period.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - Loading, empty, error and stale panels.
 * @csspart value - A tile's value.
 * @csspart label - A tile's label.
 * @csspart chart - The chart (actuals, targets, forecast and band).
 * @csspart legend - The chart's legend.
 * @csspart tooltip - The period's tooltip.
 * @csspart model - The model line and its details.
 * @csspart pipeline - The pipeline against quota.
 * @csspart bar - A segment of the pipeline bar.
 *
 * @cssprop --kpi-forecast-actual - Colour of the actuals (default: the accent colour).
 * @cssprop --kpi-forecast-forecast - Colour of the forecast line and band (default: series colour 2).
 * @cssprop --kpi-forecast-target - Colour of the targets (default: the muted text colour).
 */
export class KpiForecast extends KpiElement<'forecast', ForecastMessages> {
  static override styles = [...KpiElement.styles, tileStyles, tooltipStyles, forecastStyles];
  static override strings = forecastStrings;
  static override schema = forecastSchema;
  protected readonly kind = 'forecast' as const;

  /** The period whose tooltip shows (pointer or keyboard). */
  readonly #tip = new TooltipController<number>(this, () => this.matches(':focus-within'));
  /** The period the keyboard is on; kept (and clamped) across data changes. */
  #cursor = -1;

  readonly #size = new SizeController(this);
  /** The fitted outlook (per document: a change of language does not refit) and its view, in the view model. */
  readonly #model = new ForecastViewModel();

  protected isEmpty(doc: ForecastDoc): boolean {
    return forecastIsEmpty(doc);
  }

  protected override needs(): Promise<string | void> | undefined {
    // A failed load is the error state; the next document tries again.
    return engine
      ? undefined
      : import('../../src/lazy/forecast-engine.js').then(
          (m) => {
            engine = m;
          },
          () => this.t('loadFailed', { url: 'forecast-engine.js', reason: this.t('networkError') }),
        );
  }

  protected override insightOutlook(): Say['outlook'] {
    return engine && ((doc) => this.#model.outlook(doc, this.docVersion, engine!.forecastOutlook));
  }

  /** The CSV export's periods: the outlook's rows, the model's forecasts included. */
  protected override exportShown(): unknown {
    return this.insightOutlook()?.(this.doc!);
  }

  #view(doc: ForecastDoc, e: ForecastEngine): ForecastView {
    return this.#model.view(doc, this.docVersion, this.loc, e.forecastOutlook, (d, outlook) =>
      e.forecastView(d, outlook, this.viewOptions),
    );
  }

  /** The keyboard's period: where it was, else the running period, else the last actual. */
  #at(v: ForecastView): number {
    const n = v.outlook.rows.length;
    if (this.#cursor < 0) this.#cursor = Math.max(v.outlook.partial, v.outlook.lastActual, 0);
    return Math.min(this.#cursor, n - 1);
  }

  #onKeydown(e: KeyboardEvent, v: ForecastView): void {
    const n = v.outlook.rows.length;
    const i = this.#at(v);
    if (e.key === 'Escape') {
      this.#tip.escape(e);
      return;
    }
    if (isPick(e.key)) {
      e.preventDefault();
      this.#pick(v, i);
      return;
    }
    // A slider (ARIA): Right and Up go later, Left and Down earlier; PageUp a season later, PageDown earlier.
    const next = listKey(SLIDER_KEYS[e.key] ?? e.key, i, n, v.outlook.seasonLength);
    if (next === null) return;
    e.preventDefault();
    this.#cursor = next;
    this.#tip.show(next);
  }

  #pick(v: ForecastView, i: number): void {
    const row = v.outlook.rows[i];
    if (row) this.select({ type: 'period', id: row.period });
  }

  /** The period under the pointer. */
  #indexAt(e: PointerEvent, v: ForecastView, left: number, step: number, width: number): number {
    const box = (e.currentTarget as Element).getBoundingClientRect();
    const x = ((e.clientX - box.left) * width) / (box.width || width);
    return Math.max(0, Math.min(v.outlook.rows.length - 1, Math.floor((x - left) / step)));
  }

  // ---------------------------------------------------------------- rendering

  protected renderReady(doc: ForecastDoc): TemplateResult {
    // The ready state comes only once needs() has loaded the engine.
    const v = this.#view(doc, engine!);
    return html`
      <ul class="tiles">
        ${v.tiles.map(
          (tile) => html`<li class="tile">
          <span class="tile-label" part="label">${tile.label}</span>
          <span class=${classNames({ 'tile-value': true, [tile.tone]: tile.tone !== 'neutral' })} part="value"
            >${tile.value}</span
          >
          <span class="tile-sub">${tile.sub}</span>
        </li>`,
        )}
      </ul>
      ${this.#renderChart(doc, v)}
      ${
        v.model || v.note
          ? html`<div class="model" part="model">
        ${v.model ? html`<p>${v.model}</p>` : nothing}
        ${v.note ? html`<p class="note">${v.note}</p>` : nothing}
        ${
          v.details.length
            ? html`<details><summary>${this.t('details')}</summary>
          <dl>${v.details.map(([k, d]) => html`<dt>${k}</dt><dd>${d}</dd>`)}</dl></details>`
            : nothing
        }
      </div>`
          : nothing
      }
      ${v.pipeline ? this.#renderPipeline(v.pipeline) : nothing}
      ${hiddenTable(v.table)}
    `;
  }

  #renderChart(doc: ForecastDoc, v: ForecastView): TemplateResult {
    const o = v.outlook;
    const width = Math.max(260, (this.#size.width || 800) - 34);
    const height = width < 480 ? 210 : 270;
    const pacing = o.close?.pacing;
    const share = pacing && pacing.totalDays ? pacing.elapsedDays / pacing.totalDays : 0.5;
    const extra = o.close ? [o.close.projected, o.close.soFar] : [];
    // Room for the labels follows their font size (a reader's 200% text doubles it).
    const tick = this.#size.tick;
    const room = axisRoom(tick);
    const edge = { r: 12, t: room.labelAbove, b: room.below };
    const yCount = yTickCount(height - edge.t - edge.b, tick);
    // The y labels decide the left inset: lay out once to learn the ticks, then again with room for their labels.
    const probe = engine!.forecastGeometry(
      o.rows,
      o.lastActual,
      o.partial,
      width,
      height,
      { l: 40, ...edge },
      extra,
      share,
      48,
      yCount,
    );
    const yLabels = v.axis(probe.yTicks);
    const pad = { l: labelInset(yLabels, tick), ...edge };
    const g = engine!.forecastGeometry(
      o.rows,
      o.lastActual,
      o.partial,
      width,
      height,
      pad,
      extra,
      share,
      labelInset([this.t('today')], tick, 0, 8),
      yCount,
    );
    const labels = engine!.periodLabels(o.rows.length, g, labelInset(v.ticks, tick, 0, 14), width);
    const i = this.#at(v);
    // A new document may be shorter: the tooltip stays on a period that exists.
    const active = Math.min(this.#tip.value ?? -1, o.rows.length - 1);
    const c = o.close;
    const tip = active >= 0 ? v.tips[active] : undefined;
    const xActive = active >= 0 ? g.x(active) : 0;
    const activeActual = active >= 0 && active !== o.partial ? o.rows[active]!.actual : null;
    const activeY = activeActual !== null ? g.y(activeActual) : null;
    // The periods an insight speaks of, while it is pointed at or focused.
    const marked = o.rows.flatMap((r, k) => (this.marks.includes(r.period) ? [k] : []));
    // Named by what it draws, not by its legend (the figcaption).
    return html`<figure class="chart-wrap" aria-label=${this.t('chartName', { metric: doc.metric.label })}>
      <div class="plot" part="chart" role="slider" tabindex="0"
        aria-label=${doc.metric.label} aria-valuemax=${o.rows.length - 1} aria-valuenow=${i}
        aria-valuetext=${v.tips[i]!.text}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, v)}
        @focus=${() => this.#tip.show(this.#at(v))}
        @blur=${() => this.#tip.close()}
        @pointermove=${(e: PointerEvent) => this.#tip.point(this.#indexAt(e, v, pad.l, g.step, width))}
        @pointerleave=${() => this.#tip.leave()}
        @click=${(e: PointerEvent) => {
          const k = this.#indexAt(e, v, pad.l, g.step, width);
          this.#cursor = k;
          this.#pick(v, k);
        }}>
        <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">${svg`
          ${g.yTicks.map(
            (t, k) => svg`<line class="grid" x1=${pad.l} x2=${width - pad.r} y1=${g.y(t)} y2=${g.y(t)}></line>
            <text class="tick" x=${pad.l - 6} y=${g.y(t) + room.yShift} text-anchor="end">${yLabels[k]}</text>`,
          )}
          ${labels.map(
            (k) => svg`<text class="tick" x=${g.x(k)} y=${height - room.baseline} text-anchor="middle"
              >${v.ticks[k]}</text
            >`,
          )}
          ${marked.map(
            (k) =>
              svg`<rect class="hl" data-mark=${o.rows[k]!.period} x=${g.x(k) - g.step / 2} y=${pad.t} width=${g.step}
                height=${height - pad.t - pad.b}></rect>`,
          )}
          ${g.band ? svg`<path class="band" d=${g.band}></path>` : nothing}
          <path class="target" d=${g.target}></path>
          <path class="actual" d=${g.actual}></path>
          ${g.forecast ? svg`<path class="forecast" d=${g.forecast}></path>` : nothing}
          ${
            g.today !== null
              ? svg`<line class="today" x1=${g.today} x2=${g.today} y1=${pad.t - 4} y2=${height - pad.b}></line>
            <text class="tick today-label" y=${pad.t - room.baseline}
              x=${g.todayLabelBefore ? g.today - 4 : g.today + 4}
              text-anchor=${g.todayLabelBefore ? 'end' : 'start'}>${this.t('today')}</text>`
              : nothing
          }
          ${
            c
              ? svg`${
                  c.projected !== null
                    ? svg`<line class="pace" x1=${g.x(c.index)} x2=${g.x(c.index)}
              y1=${g.y(c.soFar)} y2=${g.y(c.projected)}></line>
            <circle class="projected" cx=${g.x(c.index)} cy=${g.y(c.projected)} r="4.5"></circle>`
                    : nothing
                }
            <circle class="sofar" cx=${g.x(c.index)} cy=${g.y(c.soFar)} r="4.5"></circle>`
              : nothing
          }
          ${
            active >= 0
              ? svg`<line class="cursor" x1=${xActive} x2=${xActive} y1=${pad.t} y2=${height - pad.b}></line>
            ${activeY !== null ? svg`<circle class="dot" cx=${xActive} cy=${activeY} r="4"></circle>` : nothing}`
              : nothing
          }
        `}</svg>
        ${
          tip
            ? html`<div class="tooltip" part="tooltip" role="tooltip" ${styleProps(tipSide(xActive, width))}>
          <strong>${tip.title}</strong>
          <dl>${tip.rows.map(([k, d]) => html`<dt>${k}</dt><dd>${d}</dd>`)}</dl>
        </div>`
            : nothing
        }
      </div>
      <figcaption class="legend" part="legend">
        <span><i class="key actual-key"></i>${this.t('actual')}</span>
        ${o.rows.some((r) => r.target !== null) ? legendKey('target-key', this.t('target')) : nothing}
        ${o.source !== 'none' ? legendKey('forecast-key', `${this.t('forecast')} (${v.level})`) : nothing}
        ${c ? legendKey('sofar-key', this.t('running')) : nothing}
        ${c?.projected != null ? legendKey('projected-key', this.t('projected')) : nothing}
      </figcaption>
    </figure>`;
  }

  #renderPipeline(p: NonNullable<ForecastView['pipeline']>): TemplateResult {
    return html`<section class="pipeline" part="pipeline" aria-labelledby="pl-h">
      <h3 id="pl-h" class="section">${p.title}</h3>
      <div class="pl-bar" aria-hidden="true">
        ${p.segments.map(
          (s) => html`<span part="bar" class="pl-seg pl-${s.key}" ${styleProps({ width: `${s.pct}%` })}></span>`,
        )}
        <span class="pl-quota" ${styleProps({ left: `${p.quotaPct}%` })}></span>
      </div>
      <ul class="legend pl-legend">
        ${p.segments.map((s) => html`<li><i class="key pl-${s.key}"></i>${s.label} <b>${s.value}</b></li>`)}
      </ul>
      <p class="note">${p.quota}${p.coverage ? html` · ${p.coverage}` : nothing}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-forecast': KpiForecast;
  }
}

/** A legend entry: its key's look (`cls`) and its name. */
const legendKey = (cls: string, name: string) => html`<span><i class="key ${cls}"></i>${name}</span>`;
