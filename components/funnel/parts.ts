import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleProps } from '../../src/core/style-props.js';
import { classNames } from '../../src/core/class-names.js';
import type { Bar, FunnelView, StepView } from '../../src/view/funnel.js';

/* The parts of <kpi-funnel> drawn from plain view data: bars, marks, figures and the tooltip. */

/** The clock before a median time between steps. */
export const clockIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">${svg`<circle
  cx="8" cy="8" r="6.2"></circle><path d="M8 4.6V8l2.4 1.6"></path>`}</svg>`;

/** A step's bar, `pct` of its track along `dim`. */
export function bar(b: Bar | null, dim: 'width' | 'height' = 'width'): TemplateResult | typeof nothing {
  if (!b) return nothing;
  const size = styleProps({ [dim]: `${b.pct}%` });
  return html`<span part="bar" class=${classNames({ mark: true, tiny: b.tiny })} ${size}></span>`;
}

/** The comparison period's mark on a step's track. */
export const marker = (pos: string, pct: number) =>
  html`<span part="marker" class="marker" ${styleProps({ [pos]: `${pct}%` })}></span>`;

/** A step's conversion, and what it is a share of for screen readers. */
export const percent = (pct: string, of: string) =>
  html`<span class="pct">${pct}<span class="sr-only"> ${of}</span></span>`;

/** A change against the comparison period; `said` is what a screen reader hears after it. */
export const delta = (tone: string, text: string, said?: string) =>
  html`<span part="delta" class=${tone}>${text}${said ? html`<span class="sr-only"> ${said}</span>` : nothing}</span>`;

/** The drop to a step, under it in the vertical orientation; `largest` marks the largest. */
export const stepDrop = (text: string, largest: boolean) =>
  html`<span class=${classNames({ 'step-drop': true, largest })} aria-hidden="true">${text}</span>`;

/** One entry of the legend. */
export const legendEntry = (l: FunnelView['legend'][number]) => {
  const swatch = l.swatch === 'lost' ? 'swatch lost-swatch' : `swatch mark ${l.swatch}-swatch`;
  return html`<span><i class=${swatch}></i>${l.text}</span>`;
};

/** A step's tooltip, `offset` px from the top (or the bottom, `above`). */
export function stepTooltip(s: StepView, offset: number, above: boolean): TemplateResult {
  const position = above ? { bottom: `${Math.round(offset)}px` } : { top: `${Math.round(offset)}px` };
  return html`<div class="tooltip" role="tooltip" ${styleProps(position)}>
    <strong>${s.label}</strong>
    <dl>${s.tip.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
  </div>`;
}
