/**
 * The cohort grid's average curve (the `curve` attribute, off by default): its geometry and its SVG, loaded the
 * first time a grid shows it (chunks/cohort-curve.js in the CDN build), so grids without it never download it.
 *
 * A chunk of its own, which must not carry a second copy of Lit (a second Trusted Types policy named `lit-html`
 * breaks a strict CSP): its templates are made with tags of the same shape as Lit's `html` and `svg`, which the
 * widget's Lit renders.
 */
import type { TemplateResult } from 'lit';
import { lineGeometry } from '../layout/line.js';
import { axisRoom, labelInset } from '../layout/columns.js';
import type { CohortDoc } from '../schema/cohort.js';
import type { CohortModel } from '../compute/cohort.js';
import { cohortCurve, curveStart, type CohortOptions } from '../view/cohort.js';

/** Lit's `html` and `svg` (template results its renderer takes; the strings are the tags' own, as Lit checks). */
const html = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult =>
  ({ ['_$litType$']: 1, strings, values }) as unknown as TemplateResult;
const svg = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult =>
  ({ ['_$litType$']: 2, strings, values }) as unknown as TemplateResult;

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

/** What the cohort grid loads. */
export type CurveCode = typeof import('./cohort-curve.js');
