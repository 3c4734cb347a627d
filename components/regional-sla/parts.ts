import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import type { SlaStatus } from '../../src/compute/regional-sla.js';
import type { SlaCellView, SlaRowView } from '../../src/view/regional-sla.js';

/* The parts of <kpi-regional-sla> drawn from plain view data: the status icons, metric heads and cells. */

const ICONS: Record<SlaStatus, TemplateResult> = {
  within: svg`<circle cx="8" cy="8" r="6.5"></circle><path d="M5 8.2l2 2 4-4.4"></path>`,
  'at-risk': svg`<path d="M8 2.2l6.2 11H1.8z"></path><path d="M8 6.5v3.2M8 11.6v.1"></path>`,
  breached: svg`<circle cx="8" cy="8" r="6.5"></circle><path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8"></path>`,
};

/** A status's icon: its shape, beside its colour and name. */
export function statusIcon(status: SlaStatus): TemplateResult {
  return html`<svg class=${`icon ${status}`} viewBox="0 0 16 16" aria-hidden="true">${ICONS[status]}</svg>`;
}

/** A metric's heading over its columns, with its target. */
export const metricHead = (label: string, target: string, span: number) =>
  html`<th scope="colgroup" colspan=${span} class="metric-head">${label} <span class="target">${target}</span></th>`;

/** A row's metric cells. */
export function slaCells(r: SlaRowView): TemplateResult[] {
  return r.cells.map(slaCell);
}

/** A metric cell: a figure, or the P90 with its status, bar, median and target marks. */
function slaCell(c: SlaCellView): TemplateResult {
  if (!c.status)
    return html`<td class=${classNames({ num: c.numeric, 'p90-col': !c.numeric, nodata: c.missing })} part="cell"
      >${c.text}</td
    >`;
  const { status, name, bar: b } = c.status;
  return html`<td class=${`p90-col ${status}`} part="cell">
    <span class="p90-line"
      >${statusIcon(status)}<span class="p90-value">${c.text}</span><span class="sr-only"> (${name})</span></span
    >
    <span class="bar" part="bar" aria-hidden="true">
      <span class="mark bar-p90" ${styleProps({ width: `${b.p90}%` })}></span>
      <span class="bar-p50" ${styleProps({ left: `${b.p50}%` })}></span>
      <span class="bar-target" ${styleProps({ left: `${b.target}%` })}></span>
      ${b.over ? html`<span class="bar-over">›</span>` : nothing}
    </span>
  </td>`;
}
