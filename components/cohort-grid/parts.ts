import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import type { cohortLegend } from '../../src/view/cohort.js';

/* The parts of <kpi-cohort-grid> drawn from plain view data: the tooltip and the legend (its curve is lazy). */

/** The tooltip of a cell, `at` px from the grid box's top (or, when negative, from its bottom). */
export function renderTip(tip: { title: string; lines: string[] }, at: { x: number; y: number }): TemplateResult {
  const x = `${Math.round(at.x)}px`;
  return html`<div class="tooltip" id="tip" role="tooltip" ${styleProps(at.y >= 0 ? { left: x, top: `${Math.round(at.y)}px` } : { left: x, bottom: `${Math.round(-at.y)}px` })}>
    <strong>${tip.title}</strong>${tip.lines.map((l) => html`<div>${l}</div>`)}
  </div>`;
}

/** The colour legend: the ramp (`gradient`, a CSS gradient) between its ends, "not yet", and the period-0 note. */
export function renderLegend(legend: ReturnType<typeof cohortLegend>, gradient: string): TemplateResult {
  return html`<div part="legend" class="legend">
    <span class="ramp-wrap">
      <span class="ramp-label">${legend.low}</span>
      <span class="ramp" ${styleProps({ background: gradient })}></span>
      <span class="ramp-label">${legend.high}</span>
      ${legend.perRow ? html`<span class="ramp-label">${legend.perRow}</span>` : nothing}
    </span>
    <span><i class="swatch nyet"></i>${legend.notYet}</span>
    ${legend.note ? html`<span class="note">${legend.note}</span>` : nothing}
  </div>`;
}
