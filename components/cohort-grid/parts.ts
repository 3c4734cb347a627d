import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { lineGeometry } from '../../src/layout/line.js';
import { axisRoom, labelInset } from '../../src/layout/columns.js';
import type { CohortDoc } from '../../src/schema/cohort.js';
import type { CohortModel } from '../../src/compute/cohort.js';
import { cohortCurve, curveStart, type CohortOptions, type cohortLegend } from '../../src/view/cohort.js';

/* The parts of <kpi-cohort-grid> drawn from plain view data: the average curve, the tooltip and the legend. */

/**
 * The average curve above the cohort grid, `width` px wide, with labels sized for the tick font
 * (`tick` px: a reader's 200% text doubles the room they get). Empty when fewer than two points.
 */
export function renderCurve(
  doc: CohortDoc,
  model: CohortModel,
  width: number,
  tick: number,
  o: CohortOptions,
): TemplateResult {
  const height = 120;
  const room = axisRoom(tick);
  const pad = { l: 44, r: 12, t: room.above, b: room.below };
  let g = lineGeometry(model.average, width, height, pad, curveStart(model));
  if (g.points.length < 2) return html``;
  const v = cohortCurve(doc, model, g.max, o);
  pad.l = labelInset([v.max, v.zero], tick);
  // The last period's label is centred on the last point.
  pad.r = Math.max(12, labelInset([v.lastTick], tick, 0, 4) / 2);
  g = lineGeometry(model.average, width, height, pad, curveStart(model));
  return html`<figure part="chart" class="curve" aria-hidden="true">
    <figcaption>${v.caption}</figcaption>
    <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${svg`
        <line class="gridline" x1=${pad.l} x2=${width - pad.r} y1=${g.y(0)} y2=${g.y(0)}></line>
        <line class="gridline" x1=${pad.l} x2=${width - pad.r} y1=${g.y(g.max)} y2=${g.y(g.max)}></line>
        <text class="tick" x=${pad.l - 6} y=${g.y(g.max) + room.yShift} text-anchor="end">${v.max}</text>
        <text class="tick" x=${pad.l - 6} y=${g.y(0) + room.yShift} text-anchor="end">${v.zero}</text>
        <text class="tick" x=${g.x(v.from)} y=${height - room.baseline} text-anchor="middle">${v.firstTick}</text>
        <text class="tick" x=${g.x(v.last)} y=${height - room.baseline} text-anchor="middle">${v.lastTick}</text>
        <path class="line" d=${g.d}></path>
        ${g.points.map(([cx, cy]) => svg`<circle class="dot" cx=${cx} cy=${cy} r="2.5"></circle>`)}
      `}
    </svg>
  </figure>`;
}

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
