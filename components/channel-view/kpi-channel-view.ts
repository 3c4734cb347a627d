import { html, nothing, svg, type TemplateResult, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import { lineGeometry } from '../../src/layout/line.js';
import { stackedColumns } from '../../src/layout/columns.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { SizeController } from '../../src/core/size-controller.js';
import { channelsSchema, type Channel, type ChannelMetric, type ChannelsDoc } from '../../src/schema/channels.js';
import {
  alignSeries, channelValue, channelsIsEmpty, median, metricTotal, orderChannels, overlapModel, shareableMetrics, shares, tone,
} from '../../src/compute/channels.js';
import { sortByValue } from '../../src/compute/common.js';
import {
  NO_VALUE, formatCompact, formatCurrency, formatDuration, formatInteger, formatMonth, formatNumber, formatPercent,
} from '../../src/format/index.js';
import { channelStrings, type ChannelViewMessages } from './strings.js';
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
  static override styles = [...KpiElement.styles, channelStyles];
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

  readonly #size = new SizeController(this);

  protected isEmpty(doc: ChannelsDoc): boolean {
    return channelsIsEmpty(doc);
  }

  /** The metric in effect for the mix and trend. */
  mixMetric(doc: ChannelsDoc): ChannelMetric | undefined {
    const options = shareableMetrics(doc);
    return options.find((m) => m.id === this.metric) ?? options[0];
  }

  #fmt(doc: ChannelsDoc, m: ChannelMetric, v: number | null, compact = false): string {
    if (v === null) return NO_VALUE;
    switch (m.format) {
      case 'currency': return formatCurrency(this.loc, v, doc.currency, compact && Math.abs(v) >= 10000 ? { compact: true } : { digits: Math.abs(v) >= 1000 || v === 0 ? 0 : 2 });
      case 'integer': return compact && Math.abs(v) >= 100000 ? formatCompact(this.loc, v) : formatInteger(this.loc, v);
      case 'percent': return formatPercent(this.loc, v);
      case 'duration': return formatDuration(this.loc, v);
      default: return compact ? formatCompact(this.loc, v) : formatNumber(this.loc, v);
    }
  }

  #enter(id: string): void {
    this.highlighted = id;
  }

  #leave(): void {
    this.highlighted = '';
  }

  #pick(id: string): void {
    this.select({ type: 'channel', id });
  }

  #setSort(key: string): void {
    if (this.sort === key) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sort = key;
      this.sortDir = key === 'label' ? 'ascending' : 'descending';
    }
  }

  // ---------------------------------------------------------------- rendering

  protected override renderControls(doc: ChannelsDoc): TemplateResult | typeof nothing {
    const options = shareableMetrics(doc);
    const current = this.mixMetric(doc);
    if (options.length < 2) return nothing;
    return html`<div class="controls"><label>${this.t('metric')}
      <select .value=${current?.id ?? ''} @change=${(e: Event) => { this.metric = (e.target as HTMLSelectElement).value; }}>
        ${options.map((m) => html`<option value=${m.id} ?selected=${m.id === current?.id}>${m.label}</option>`)}
      </select></label></div>`;
  }

  protected renderReady(doc: ChannelsDoc): TemplateResult {
    const metric = this.mixMetric(doc);
    return html`
      ${this.#renderTiles(doc)}
      <div class="row">
        ${metric ? this.#renderMix(doc, metric) : nothing}
        ${this.#renderCustomers(doc)}
      </div>
      ${this.#renderTable(doc, metric)}
      ${metric ? this.#renderTrend(doc, metric) : nothing}
    `;
  }

  #renderTiles(doc: ChannelsDoc): TemplateResult {
    const hlIndex = doc.channels.findIndex((c) => c.id === this.highlighted);
    const hl = hlIndex >= 0 ? doc.channels[hlIndex] : undefined;
    return html`<ul class="tiles">
      ${doc.metrics.map((m) => {
        const t = metricTotal(doc, m);
        let sub: string;
        if (hl) sub = `${hl.label}: ${this.#fmt(doc, m, channelValue(hl.values, m.id), true)}`;
        else if (t.source === 'unique-customers') sub = this.t('uniqueSub', { sum: this.#fmt(doc, m, t.naiveSum) });
        else if (t.source === 'document') sub = this.t('reported');
        else if (t.source === 'none') sub = this.t('notSummable');
        else sub = this.t('summed');
        return html`<li class="tile">
          <span class="tile-label" part="label">${m.label}</span>
          <span class="tile-value" part="value">${this.#fmt(doc, m, t.value, true)}</span>
          <span class=${classNames({ 'tile-sub': true, hl: Boolean(hl) })}>${hl ? html`<i class="dot" ${styleProps({ background: channelColor(hlIndex) })}></i>` : nothing}${sub}</span>
        </li>`;
      })}
    </ul>`;
  }

  #renderMix(doc: ChannelsDoc, metric: ChannelMetric): TemplateResult {
    const list = shares(doc, metric.id).map((s, i) => ({ ...s, i, channel: doc.channels[i]! }));
    const ranked = sortByValue(list, (x) => x.share, 'descending', (x) => ({ label: x.channel.label, id: x.id }), this.loc);
    return html`<section class="panel" aria-labelledby="mix-h">
      <h3 id="mix-h" class="section">${this.t('mix')} · ${metric.label}</h3>
      <div class="mixbar" part="chart" aria-hidden="true">
        ${list.filter((s) => (s.share ?? 0) > 0).map((s) => html`<span part="bar" class=${classNames({ seg: true, dim: Boolean(this.highlighted) && this.highlighted !== s.id })}
          ${styleProps({ width: `${(s.share ?? 0) * 100}%`, background: channelColor(s.i) })}
          @mouseenter=${() => this.#enter(s.id)} @mouseleave=${this.#leave}></span>`)}
      </div>
      <ol class="mixlist" part="legend">
        ${ranked.map((s) => html`<li>
          <button type="button" class=${classNames({ mixitem: true, active: this.highlighted === s.id })} data-channel=${s.id}
            @mouseenter=${() => this.#enter(s.id)} @mouseleave=${this.#leave} @focus=${() => this.#enter(s.id)} @blur=${this.#leave} @click=${() => this.#pick(s.id)}>
            <i class="dot" ${styleProps({ background: channelColor(s.i) })}></i>
            <span class="mixname" part="label">${s.channel.label}</span>
            <span class="mixshare">${s.share === null ? this.t('noData') : formatPercent(this.loc, s.share)}</span>
            <span class="mixvalue">${this.#fmt(doc, metric, s.value, true)}</span>
          </button>
        </li>`)}
      </ol>
    </section>`;
  }

  #renderCustomers(doc: ChannelsDoc): TemplateResult | typeof nothing {
    const o = overlapModel(doc);
    if (!o) return nothing;
    const label = (id: string) => doc.channels.find((c) => c.id === id)?.label ?? id;
    const max = Math.max(1, ...o.overlaps.map((x) => x.customers));
    const rest = o.duplicates === null ? null : o.duplicates - o.explained;
    return html`<section class="panel" aria-labelledby="once-h">
      <h3 id="once-h" class="section">${this.t('once')}</h3>
      <p class="once-line">${this.t('uniqueVs', { count: o.unique, sum: formatInteger(this.loc, o.sum) })}</p>
      ${o.duplicates !== null ? html`<p class="once-dup" part="delta">${this.t('duplicates', { count: formatInteger(this.loc, o.duplicates), share: formatPercent(this.loc, o.duplicateShare) })}</p>` : nothing}
      ${o.overlaps.length
        ? html`<h4 class="sub-section">${this.t('overlaps')}</h4>
          <ul class="overlaps">
            ${o.overlaps.map((x) => html`<li class=${classNames({ dim: Boolean(this.highlighted) && !x.channels.includes(this.highlighted) })}>
              <span class="ov-head"><span class="ov-names">${x.channels.map((id) => label(id)).join(' + ')}</span><b>${formatInteger(this.loc, x.customers)}</b></span>
              <span class="ov-track" aria-hidden="true"><span class="ov-bar" ${styleProps({ width: `${(x.customers / max) * 100}%` })}></span></span>
            </li>`)}
          </ul>
          ${rest !== null && rest > 0 ? html`<p class="note">${this.t('explained', { explained: formatInteger(this.loc, o.explained), rest: formatInteger(this.loc, rest) })}</p>` : nothing}`
        : nothing}
    </section>`;
  }

  #renderTable(doc: ChannelsDoc, metric: ChannelMetric | undefined): TemplateResult {
    const series = metric ? alignSeries(doc, metric.id) : null;
    const medians = new Map(doc.metrics.map((m) => [m.id, median(doc.channels.map((c) => channelValue(c.values, m.id)))]));
    const key = this.sort && (this.sort === 'label' || doc.metrics.some((m) => m.id === this.sort)) ? this.sort : '';
    const sorted = orderChannels(doc, key, this.sortDir, this.loc).map((r) => ({ id: r.channel.id, label: r.channel.label, group: r.group, channel: r.channel, i: r.index }));
    const groups = [...new Set(sorted.map((r) => r.group))];
    const showGroups = groups.length > 1 || groups[0] !== '';
    const sortTh = (k: string, label: string, cls = '') => html`<th scope="col" class=${cls} aria-sort=${key === k ? this.sortDir : 'none'}>
      <button type="button" class="sortbtn" @click=${() => this.#setSort(k)}>${label}<span aria-hidden="true" class="arrow">${key === k ? (this.sortDir === 'ascending' ? '▲' : '▼') : '↕'}</span></button></th>`;
    let lastGroup: string | null = null;
    return html`<div class="table-wrap">
      <table part="table">
        <caption class="sr-only">${this.t('caption', { title: doc.title ?? '' })}</caption>
        <thead><tr>
          ${sortTh('label', this.t('channel'), 'first')}
          ${doc.metrics.map((m) => sortTh(m.id, m.label, 'num'))}
          ${series && series.dates.length > 1 ? html`<th scope="col">${this.t('trend')} · ${metric!.label}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${sorted.map((r) => {
            const groupRow = showGroups && r.group !== lastGroup
              ? html`<tr class="grouprow"><th scope="colgroup" colspan=${doc.metrics.length + 2}>${r.group || NO_VALUE}</th></tr>`
              : nothing;
            lastGroup = r.group;
            return html`${groupRow}<tr part="row" class=${classNames({ active: this.highlighted === r.id, dim: Boolean(this.highlighted) && this.highlighted !== r.id })}
              tabindex="0" data-channel=${r.id}
              @mouseenter=${() => this.#enter(r.id)} @mouseleave=${this.#leave} @focus=${() => this.#enter(r.id)} @blur=${this.#leave}
              @click=${() => this.#pick(r.id)} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.#pick(r.id); } }}>
              <th scope="row" class="first"><i class="dot" ${styleProps({ background: channelColor(r.i) })}></i><span part="label">${r.label}</span></th>
              ${doc.metrics.map((m) => this.#renderCell(doc, m, channelValue(r.channel.values, m.id), medians.get(m.id) ?? null))}
              ${series && series.dates.length > 1 ? html`<td class="spark-cell">${this.#renderSpark(series.values[r.i]!, r.i)}</td>` : nothing}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  #renderCell(doc: ChannelsDoc, m: ChannelMetric, v: number | null, ref: number | null): TemplateResult {
    if (v === null) return html`<td class="num nodata" part="cell">${this.t('noData')}</td>`;
    // Rates, averages and costs compare across channels; a channel's size (a summed metric) is not "better".
    const t = m.aggregate === 'sum' ? 'neutral' : tone(v, ref, m.better ?? 'higher');
    return html`<td class=${`num ${t}`} part="cell">${this.#fmt(doc, m, v, true)}${t !== 'neutral'
      ? html`<span class="tone" aria-hidden="true">${t === 'better' ? '▲' : '▼'}</span><span class="sr-only"> (${this.t(t)})</span>`
      : nothing}</td>`;
  }

  #renderSpark(values: (number | null)[], i: number): TemplateResult {
    const w = 96;
    const h = 26;
    const g = lineGeometry(values, w, h, { l: 2, r: 2, t: 3, b: 3 });
    if (g.points.length < 2) return html`<span class="nodata">${NO_VALUE}</span>`;
    return html`<svg class="spark" width=${w} height=${h} viewBox="0 0 ${w} ${h}" aria-hidden="true">${svg`<path d=${g.d} ${styleProps({ stroke: channelColor(i) })}></path>`}</svg>`;
  }

  #renderTrend(doc: ChannelsDoc, metric: ChannelMetric): TemplateResult | typeof nothing {
    const s = alignSeries(doc, metric.id);
    if (s.dates.length < 2) return nothing;
    const width = Math.max(280, (this.#size.width || 800) - 34);
    const height = 190;
    const pad = { l: 56, r: 8, t: 12, b: 26 };
    const g = stackedColumns(s.values, s.dates.length, width, height, pad);
    const rects: TemplateResult[] = [];
    g.columns.forEach((col, d) => {
      for (const seg of col.segments) {
        const id = doc.channels[seg.series]!.id;
        rects.push(svg`<rect x=${col.x} y=${seg.y} width=${g.barWidth} height=${seg.height}
          class=${this.highlighted && this.highlighted !== id ? 'dim' : ''} ${styleProps({ fill: channelColor(seg.series) })}></rect>`);
      }
      const mid = col.x + g.barWidth / 2;
      if (s.incomplete[d]) rects.push(svg`<circle class="gapmark" cx=${mid} cy=${col.top - 7} r="3"></circle>`);
      if (col.tick) rects.push(svg`<text class="tick" x=${mid} y=${height - 8} text-anchor="middle">${formatMonth(this.loc, s.dates[d])}</text>`);
    });
    return html`<section class="panel trend" aria-labelledby="trend-h">
      <h3 id="trend-h" class="section">${this.t('trend')} · ${metric.label}</h3>
      <svg part="chart" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
        ${svg`<line class="axis" x1=${pad.l} x2=${width - pad.r} y1=${g.y(0)} y2=${g.y(0)}></line>
          <text class="tick" x=${pad.l - 6} y=${g.y(g.max) + 4} text-anchor="end">${this.#fmt(doc, metric, g.max, true)}</text>
          <text class="tick" x=${pad.l - 6} y=${g.y(0) + 4} text-anchor="end">${this.#fmt(doc, metric, 0, true)}</text>`}
        ${rects}
      </svg>
      ${s.incomplete.some(Boolean) ? html`<p class="note"><i class="gapdot" aria-hidden="true"></i>${this.t('gap')}</p>` : nothing}
      <div class="sr-only"><table>
        <caption>${this.t('trendCaption', { metric: metric.label })}</caption>
        <thead><tr><th scope="col">${this.t('channel')}</th>${s.dates.map((d) => html`<th scope="col">${formatMonth(this.loc, d)}</th>`)}</tr></thead>
        <tbody>${doc.channels.map((c: Channel, ci) => html`<tr><th scope="row">${c.label}</th>${s.values[ci]!.map((v) => html`<td>${v === null ? this.t('noData') : this.#fmt(doc, metric, v)}</td>`)}</tr>`)}</tbody>
      </table></div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-channel-view': KpiChannelView;
  }
}
