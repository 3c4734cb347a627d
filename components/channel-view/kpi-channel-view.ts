import { html, nothing, svg, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { lineGeometry } from '../../src/layout/line.js';
import { axisRoom, labelInset, stackedColumns } from '../../src/layout/columns.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { tileStyles } from '../../src/theme/tiles.js';
import { SizeController } from '../../src/core/size-controller.js';
import { hiddenTable, nextSort, sortHeader, sortKeys } from '../../src/core/parts.js';
import { partStyles } from '../../src/theme/part-styles.js';
import { channelsSchema, type ChannelMetric, type ChannelsDoc } from '../../src/schema/channels.js';
import { channelsIsEmpty, shareableMetrics } from '../../src/compute/channels.js';
import { ChannelsViewModel } from '../../src/view/channels-model.js';
import { RovingFocus } from '../../src/core/roving-focus.js';
import { channelRows, type ChannelsView } from '../../src/view/channels.js';
import { sortTabStop } from '../../src/view/table.js';
import { NO_VALUE } from '../../src/format/index.js';
import { channelStrings, type ChannelViewMessages } from '../../src/i18n/en/channels.js';
import { channelStyles } from './kpi-channel-view.styles.js';

/** The colour of the i-th channel: the 8 series tokens, then darker variants of them. */
export function channelColor(i: number): string {
  const base = `var(--_s${(i % 8) + 1})`;
  return i < 8 ? base : `color-mix(in oklab, ${base} 60%, var(--_text))`;
}

/**
 * One view of every sales channel with each customer counted once: KPI tiles
 * with the correct unified totals (sums only where a metric can be summed, the
 * backend's total or nothing otherwise, unique customers instead of the sum),
 * the channel mix, a sortable channel table with sparklines and `better: lower`
 * colouring, the mix over time, and the customers shared between channels.
 * Hovering or focusing a channel highlights it everywhere.
 *
 * Keyboard: the mix list and the table rows hold one tab stop each (arrows, Home, End move it;
 * Up and Down in the table); focus highlights the channel everywhere, Enter or Space picks a row;
 * headers sort. Both stops follow the channel last focused.
 *
 * @summary Unified sales channels for a `channels` KPI document.
 * @tag kpi-channel-view
 *
 * @attr metric - The metric of the mix, sparklines and trend (a summable one; defaults to the first).
 * @attr sort - The table's sorted column: `label` or a metric id.
 * @attr sort-dir - `ascending` or `descending`.
 *
 * @fires kpi-select - A channel was picked: `detail: { type: 'channel', id }`.
 * @fires kpi-error - The document is invalid or could not be loaded.
 *
 * @csspart base - The card.
 * @csspart header - Title, subtitle, period and controls.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - Loading, empty, error and stale panels.
 * @csspart value - A tile's value.
 * @csspart label - A tile's or channel's label.
 * @csspart chart - The mix bar and the trend chart.
 * @csspart bar - A segment of the mix.
 * @csspart legend - The ranked mix list.
 * @csspart table - The channel table.
 * @csspart row - A channel row.
 * @csspart cell - A metric cell.
 * @csspart delta - The double-counting figure.
 *
 * @cssprop --kpi-series-1 - Colour of channel 1 (to `--kpi-series-8`; channels 9+ use darker variants).
 */
export class KpiChannelView extends KpiElement<'channels', ChannelViewMessages> {
  static override styles = [...KpiElement.styles, tileStyles, partStyles, channelStyles];
  static override strings = channelStrings;
  static override schema = channelsSchema;
  /** Lit's reactive properties (declared here rather than with decorators: a smaller build). */
  static override properties: PropertyDeclarations = {
    metric: { reflect: true },
    sort: { reflect: true },
    sortDir: { attribute: 'sort-dir', reflect: true },
    highlighted: { state: true },
  };

  protected readonly kind = 'channels' as const;

  /** The metric of the mix, sparklines and trend. */
  metric = '';
  /** The table's sorted column. */
  sort = '';
  /** The table's sort direction. */
  sortDir: 'ascending' | 'descending' = 'descending';

  /** The channel under the pointer or keyboard focus. */
  highlighted = '';
  /** The channel that holds the tab stop of the mix list and of the table (roving tabindex). */
  readonly #focus = new RovingFocus(this);

  readonly #size = new SizeController(this);
  /** The view: worked out in the view model, only when the metric, the language or the document changes. */
  readonly #model = new ChannelsViewModel();

  protected isEmpty(doc: ChannelsDoc): boolean {
    return channelsIsEmpty(doc);
  }

  /** The metric in effect for the mix and trend. */
  mixMetric(doc: ChannelsDoc): ChannelMetric | undefined {
    const options = shareableMetrics(doc);
    return options.find((m) => m.id === this.metric) ?? options[0];
  }

  #view(doc: ChannelsDoc): ChannelsView {
    return this.#model.view(doc, this.docVersion, this.mixMetric(doc), this.viewOptions);
  }

  #enter(id: string): void {
    this.highlighted = id;
  }

  /** Keyboard focus on a channel: highlighted, and the tab stop of both lists moves to it. */
  #focused(id: string): void {
    this.highlighted = id;
    this.#focus.focused(id);
  }

  #leave(): void {
    this.highlighted = '';
  }

  #pick(id: string): void {
    this.select({ type: 'channel', id });
  }

  #setSort(key: string): void {
    ({ sort: this.sort, dir: this.sortDir } = nextSort(this.sort, this.sortDir, key, ['label']));
  }

  // ---------------------------------------------------------------- rendering

  protected override renderControls(doc: ChannelsDoc): TemplateResult | typeof nothing {
    const options = shareableMetrics(doc);
    const current = this.mixMetric(doc);
    if (options.length < 2) return nothing;
    return html`<div class="controls"><label>${this.t('metric')}
      <select .value=${current?.id ?? ''} @change=${(e: Event) => {
        this.metric = (e.target as HTMLSelectElement).value;
      }}>
        ${options.map((m) => html`<option value=${m.id} ?selected=${m.id === current?.id}>${m.label}</option>`)}
      </select></label></div>`;
  }

  protected renderReady(doc: ChannelsDoc): TemplateResult {
    const view = this.#view(doc);
    const hl = this.highlighted;
    const hlIndex = doc.channels.findIndex((c) => c.id === hl);
    return html`
      <ul class="tiles">
        ${view.tiles.map(
          (tile) => html`<li class="tile">
          <span class="tile-label" part="label">${tile.label}</span>
          <span class="tile-value" part="value">${tile.value}</span>
          <span class=${classNames({ 'tile-sub': true, hl: hlIndex >= 0 })}
            >${hlIndex >= 0 ? html`${dot(hlIndex)}${tile.byChannel[hl]}` : tile.sub}</span
          >
        </li>`,
        )}
      </ul>
      <div class="row">
        ${view.mix ? this.#renderMix(view.mix) : nothing}
        ${view.customers ? this.#renderCustomers(view.customers) : nothing}
      </div>
      ${this.#renderTable(doc, view)}
      ${view.trend && view.series ? this.#renderTrend(doc, view.trend, view.series) : nothing}
    `;
  }

  #renderMix(mix: NonNullable<ChannelsView['mix']>): TemplateResult {
    const stop = this.#focus.stop(mix.items.map((x) => x.id));
    return html`<section class="panel" aria-labelledby="mix-h">
      <h3 id="mix-h" class="section">${mix.title}</h3>
      <div class="mixbar" part="chart" aria-hidden="true">
        ${mix.segments.map(
          (s) => html`<span part="bar" class=${classNames({ mark: true, seg: true, dim: this.#dims(s.id) })}
          ${styleProps({ width: `${s.pct}%`, background: channelColor(s.index) })}
          @mouseenter=${() => this.#enter(s.id)} @mouseleave=${this.#leave}></span>`,
        )}
      </div>
      <ol class="mixlist" part="legend" @keydown=${this.#focus.keydown()}>
        ${mix.items.map(
          (s) => html`<li>
          <button type="button" class=${classNames({ mixitem: true, active: this.highlighted === s.id })}
            data-key=${s.id} data-mark=${s.id} tabindex=${s.id === stop ? 0 : -1}
            @mouseenter=${() => this.#enter(s.id)} @mouseleave=${this.#leave}
            @focus=${() => this.#focused(s.id)} @blur=${this.#leave} @click=${() => this.#pick(s.id)}>
            ${dot(s.index)}
            <span class="mixname" part="label">${s.label}</span>
            <span class="mixshare">${s.share}</span>
            <span class="mixvalue">${s.value}</span>
          </button>
        </li>`,
        )}
      </ol>
    </section>`;
  }

  /** Whether a channel's marks are dimmed: another channel is highlighted. */
  #dims(id: string): boolean {
    return Boolean(this.highlighted) && this.highlighted !== id;
  }

  /** Whether an overlap is faded: a channel is highlighted and the overlap is not one of its own. */
  #fades(ids: readonly string[]): boolean {
    return Boolean(this.highlighted) && !ids.includes(this.highlighted);
  }

  #renderCustomers(c: NonNullable<ChannelsView['customers']>): TemplateResult {
    return html`<section class="panel" aria-labelledby="once-h">
      <h3 id="once-h" class="section">${this.t('once')}</h3>
      <p class="once-line">${c.line}</p>
      ${c.duplicates !== null ? html`<p class="once-dup" part="delta">${c.duplicates}</p>` : nothing}
      ${
        c.overlaps.length
          ? html`<h4 class="sub-section">${this.t('overlaps')}</h4>
          <ul class="overlaps">
            ${c.overlaps.map(
              (x) => html`<li class=${classNames({ faded: this.#fades(x.channels) })}>
              <span class="ov-head"><span class="ov-names">${x.names}</span><b>${x.count}</b></span>
              <span class="ov-track" aria-hidden="true"
                ><span class="mark ov-bar" ${styleProps({ width: `${x.pct}%` })}></span
              ></span>
            </li>`,
            )}
          </ul>
          ${c.rest !== null ? html`<p class="note">${c.rest}</p>` : nothing}`
          : nothing
      }
    </section>`;
  }

  /** The CSV export's channels, in the table's order (its sort). */
  protected override exportShown(): unknown {
    return channelRows(this.doc!, this.sort, this.sortDir, this.loc).map((r) => r.id);
  }

  #renderTable(doc: ChannelsDoc, view: ChannelsView): TemplateResult {
    const rows = channelRows(doc, this.sort, this.sortDir, this.loc);
    const key = this.sort && (this.sort === 'label' || doc.metrics.some((m) => m.id === this.sort)) ? this.sort : '';
    // One Tab stop for the sort buttons: the sorted column's, else the first.
    const keys = ['label', ...doc.metrics.map((m) => m.id)];
    const sortOf = (k: string) => (key === k ? this.sortDir : 'none');
    const sortStop = keys[sortTabStop(keys.map(sortOf))];
    const sortTh = (k: string, label: string, cls = '') =>
      sortHeader(label, sortOf(k), () => this.#setSort(k), cls, '', k === sortStop ? 0 : -1);
    const spark = view.trend !== null && view.series !== null;
    const stop = this.#focus.stop(rows.map((r) => r.id));
    return html`<div class="table-wrap">
      <table part="table">
        <caption class="sr-only">${this.t('caption', { title: doc.title ?? '' })}</caption>
        <thead><tr @keydown=${sortKeys}>
          ${sortTh('label', this.t('channel'), 'first')}
          ${doc.metrics.map((m) => sortTh(m.id, m.label, 'num'))}
          ${spark ? html`<th scope="col">${view.trend!.title}</th>` : nothing}
        </tr></thead>
        <tbody @keydown=${this.#focus.keydown('tr[data-key]', true)}>
          ${rows.map(
            (
              r,
            ) => html`${r.groupStart !== null ? groupRow(r.groupStart, doc.metrics.length + 2) : nothing}<tr part="row"
              class=${classNames({ active: this.highlighted === r.id })}
              tabindex=${r.id === stop ? 0 : -1} data-key=${r.id} data-mark=${r.id}
              @mouseenter=${() => this.#enter(r.id)} @mouseleave=${this.#leave}
              @focus=${() => this.#focused(r.id)} @blur=${this.#leave}
              @click=${() => this.#pick(r.id)} @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  this.#pick(r.id);
                }
              }}>
              <th scope="row" class="first">${dot(r.index)}<span part="label">${r.label}</span></th>
              ${view.cells[r.id]!.map(
                (c) =>
                  html`<td class=${classNames({ num: true, nodata: c.missing, [c.tone]: c.tone !== 'neutral' })}
                    part="cell">${c.text}${c.toneName ? toneMark(c.tone, c.toneName) : nothing}</td>`,
              )}
              ${spark ? sparkCell(view.series!.values[r.index]!, r.index) : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${view.toneKey ? html`<p class="note" aria-hidden="true">${view.toneKey}</p>` : nothing}`;
  }

  #renderTrend(
    doc: ChannelsDoc,
    trend: NonNullable<ChannelsView['trend']>,
    s: NonNullable<ChannelsView['series']>,
  ): TemplateResult {
    const width = Math.max(280, (this.#size.width || 800) - 34);
    const height = 190;
    // The axis labels sit left of the plot: the inset grows with them ("R$ 1,4 mi", "1,4 M BRL") and their font size.
    const tick = this.#size.tick;
    const room = axisRoom(tick);
    // The gap marks sit above the columns: at least 12 px above the plot.
    const pad = { l: labelInset([trend.max, trend.zero], tick), r: 8, t: Math.max(12, room.above), b: room.below };
    // Month labels are thinned so each has its own width plus a gap ("mai. de 2026" is wider than "May 2026").
    const g = stackedColumns(s.values, s.dates.length, width, height, pad, labelInset(trend.dates, tick, 0, 14));
    const rects: TemplateResult[] = [];
    g.columns.forEach((col, d) => {
      for (const seg of col.segments) {
        const id = doc.channels[seg.series]!.id;
        rects.push(svg`<rect x=${col.x} y=${seg.y} width=${g.barWidth} height=${seg.height}
          class=${this.#dims(id) ? 'dim' : ''} ${styleProps({ fill: channelColor(seg.series) })}></rect>`);
      }
      const mid = col.x + g.barWidth / 2;
      if (s.incomplete[d]) rects.push(svg`<circle class="gapmark" cx=${mid} cy=${col.top - 7} r="3"></circle>`);
      if (col.tick)
        rects.push(
          svg`<text class="tick" x=${mid} y=${height - room.baseline} text-anchor="middle">${trend.dates[d]}</text>`,
        );
    });
    return html`<section class="panel trend" aria-labelledby="trend-h">
      <h3 id="trend-h" class="section">${trend.title}</h3>
      <svg part="chart" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
        ${svg`<line class="axis" x1=${pad.l} x2=${width - pad.r} y1=${g.y(0)} y2=${g.y(0)}></line>
          <text class="tick" x=${pad.l - 6} y=${g.y(g.max) + room.yShift} text-anchor="end">${trend.max}</text>
          <text class="tick" x=${pad.l - 6} y=${g.y(0) + room.yShift} text-anchor="end">${trend.zero}</text>`}
        ${rects}
      </svg>
      ${trend.gap ? html`<p class="note"><i class="gapdot" aria-hidden="true"></i>${trend.gap}</p>` : nothing}
      ${hiddenTable(trend.table)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-channel-view': KpiChannelView;
  }
}

/** A channel's colour dot. */
const dot = (index: number) => html`<i class="dot" ${styleProps({ background: channelColor(index) })}></i>`;

/** The row that starts a group of channels. */
const groupRow = (label: string, span: number) =>
  html`<tr class="grouprow"><th scope="colgroup" colspan=${span}>${label}</th></tr>`;

/** A cell's better/worse arrow, and its meaning for screen readers. */
const toneMark = (tone: string, name: string) =>
  html`<span class="tone" aria-hidden="true">${tone === 'better' ? '▲' : '▼'}</span
    ><span class="sr-only"> (${name})</span>`;

/** A channel's trend, in its row's last cell. */
function sparkCell(values: (number | null)[], i: number): TemplateResult {
  return html`<td class="spark-cell">${sparkline(values, i)}</td>`;
}

function sparkline(values: (number | null)[], i: number): TemplateResult {
  const w = 96;
  const h = 26;
  const g = lineGeometry(values, w, h, { l: 2, r: 2, t: 3, b: 3 });
  if (g.points.length < 2) return html`<span class="nodata">${NO_VALUE}</span>`;
  const path = svg`<path d=${g.d} ${styleProps({ stroke: channelColor(i) })}></path>`;
  return html`<svg class="spark" width=${w} height=${h} viewBox="0 0 ${w} ${h}" aria-hidden="true">${path}</svg>`;
}
