import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { toggleGroup } from '../../src/core/parts.js';
import type { cohortLegend, CohortCellView } from '../../src/view/cohort.js';
import type { CellStyle } from '../../src/view/cohort-model.js';

/* The parts of <kpi-cohort-grid> drawn from plain view data: the tooltip and the legend (its curve is lazy). */

/** The tooltip of a cell, `at` px from the grid box's top (or, when negative, from its bottom). */
export function renderTip(tip: { title: string; lines: string[] }, at: { x: number; y: number }): TemplateResult {
  const x = `${Math.round(at.x)}px`;
  const place = at.y >= 0 ? { left: x, top: `${Math.round(at.y)}px` } : { left: x, bottom: `${Math.round(-at.y)}px` };
  return html`<div class="tooltip" id="tip" role="tooltip" ${styleProps(place)}>
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

/** The grid's two choices: what the cells count (`modes`, named by `name`) and the scale their colours are on. */
export function renderControls(
  t: (key: 'mode' | 'scale' | 'scaleGlobal' | 'scaleRow') => string,
  modes: readonly { text: string; pressed: boolean; pick: () => void }[],
  rowScale: boolean,
  setScale: (scale: 'global' | 'row') => void,
): TemplateResult {
  return html`<div class="controls">
    ${toggleGroup(t('mode'), modes)}
    ${toggleGroup(t('scale'), [
      { text: t('scaleGlobal'), pressed: !rowScale, pick: () => setScale('global') },
      { text: t('scaleRow'), pressed: rowScale, pick: () => setScale('row') },
    ])}
  </div>`;
}

/**
 * One cell at row `r`, period `c`: the tab stop when `tab` is 0, described by the tooltip (`tip`) when it shows one
 * (its cohort, period and what the figure is of); a period not reached yet says so to a screen reader.
 */
export function renderCell(
  cell: CohortCellView,
  style: CellStyle | null,
  r: number,
  c: number,
  tab: 0 | -1,
  tip: boolean,
  colIndex: number | typeof nothing,
): TemplateResult {
  const described = tab === 0 && tip ? 'tip' : nothing;
  if (cell.missing !== null)
    return html`<td part="cell" class="nyet" data-r=${r} data-c=${c} tabindex=${tab} aria-colindex=${colIndex}
      aria-describedby=${described}><span class="sr-only">${cell.missing}</span></td>`;
  const colours = styleProps(style ? { background: style.bg, color: style.fg } : {});
  return html`<td part="cell" data-r=${r} data-c=${c} tabindex=${tab} aria-colindex=${colIndex}
    aria-describedby=${described} ${colours}>${cell.text}</td>`;
}

/** A period's column header: short for sighted readers ("M3"), long for screen readers. */
export function periodHead(p: { short: string; long: string }, c: number, colIndex: number | typeof nothing) {
  return html`<th scope="col" data-c=${c} aria-colindex=${colIndex}
    ><span aria-hidden="true">${p.short}</span><span class="sr-only">${p.long}</span></th
  >`;
}
