/**
 * A widget as a PNG, as it looks now, at 2× device pixels: painted onto a canvas from its laid-out tree (each box's
 * background and borders, each line of text where the browser put it, the charts' SVG shapes through their screen
 * transforms). No image is decoded, so nothing needs `img-src blob:` or `data:` and a strict CSP holds; nothing is
 * requested from any server. What it leaves out: shadows, gradients and pseudo-elements' text.
 */
import { shownChildren, shows } from './svg.js';

const SVG = 'http://www.w3.org/2000/svg';
const clear = (c: string) => !c || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);

interface Paint {
  ctx: CanvasRenderingContext2D;
  /** Device pixels per CSS pixel. */
  scale: number;
  /** The host's top-left corner on the page. */
  x: number;
  y: number;
}

/** Sets the canvas's transform to the page's CSS pixels (the host at the origin). */
function toPage(p: Paint): void {
  p.ctx.setTransform(p.scale, 0, 0, p.scale, -p.x * p.scale, -p.y * p.scale);
}

function fontOf(cs: CSSStyleDeclaration): string {
  return `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
}

function transformText(text: string, cs: CSSStyleDeclaration): string {
  if (cs.textTransform === 'uppercase') return text.toUpperCase();
  if (cs.textTransform === 'lowercase') return text.toLowerCase();
  return text;
}

/** A text node's words, line by line, where the browser laid them out. */
function paintText(node: Text, cs: CSSStyleDeclaration, p: Paint): void {
  const text = node.data;
  if (!text.trim() || clear(cs.color) || cs.visibility === 'hidden') return;
  const { ctx } = p;
  ctx.font = fontOf(cs);
  ctx.fillStyle = cs.color;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.letterSpacing = cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing;
  const m = ctx.measureText('Hg');
  const [ascent, descent] = [m.fontBoundingBoxAscent, m.fontBoundingBoxDescent];
  const range = document.createRange();
  const draw = (s: string, r: DOMRect) => {
    if (r.width && s.trim())
      ctx.fillText(transformText(s, cs), r.left, r.top + (r.height - ascent - descent) / 2 + ascent);
  };
  // The text without its outer spaces, where the browser put it.
  range.setStart(node, text.search(/\S/));
  range.setEnd(node, text.trimEnd().length);
  const rects = range.getClientRects();
  if (rects.length <= 1) {
    if (rects[0]) draw(text.replace(/\s+/g, ' ').trim(), rects[0]);
    return;
  }
  // Wrapped: each word where it was put, words of one line drawn together.
  let line = '';
  let at: DOMRect | null = null;
  for (const m of text.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    if (at && Math.abs(r.top - at.top) < 1) line += ` ${m[0]}`;
    else {
      if (at) draw(line, at);
      [line, at] = [m[0], r];
    }
  }
  if (at) draw(line, at);
}

/**
 * A box's `linear-gradient(90deg, a, b, …)` (evenly spaced stops, as the legends write it) as a canvas gradient across
 * `r`; null for no image or another kind (a hatch pattern is left out).
 */
function gradientOf(ctx: CanvasRenderingContext2D, image: string, r: DOMRect): CanvasGradient | null {
  const m = /^linear-gradient\((?:(\d+)deg, )?(.*)\)$/.exec(image);
  if (!m) return null;
  const stops = m[2]!.split(/,(?![^(]*\))/).map((c) => c.trim());
  if (stops.some((c) => /\d(%|px)/.test(c.replace(/\([^)]*\)/g, '')))) return null;
  const across = (m[1] ?? '180') === '90';
  const g = ctx.createLinearGradient(r.left, r.top, across ? r.right : r.left, across ? r.top : r.bottom);
  stops.forEach((c, i) => g.addColorStop(stops.length > 1 ? i / (stops.length - 1) : 0, c));
  return g;
}

/** What a text box or a list box shows: its value, its chosen option. */
function valueOf(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text ?? '';
  return el instanceof HTMLInputElement && /^(text|search|number|date|email|url|tel)$/.test(el.type) ? el.value : '';
}

/** An HTML element's box: its background (colour or ramp, with its corners), its borders, a field's value. */
function paintBox(el: Element, cs: CSSStyleDeclaration, p: Paint): void {
  const r = el.getBoundingClientRect();
  const { ctx } = p;
  // A pill's radius (990px) is as much as the box allows.
  const radii = [
    cs.borderTopLeftRadius,
    cs.borderTopRightRadius,
    cs.borderBottomRightRadius,
    cs.borderBottomLeftRadius,
  ].map((v) => Math.min(parseFloat(v) || 0, r.width / 2, r.height / 2));
  const fill = (style: string | CanvasGradient | null) => {
    if (!style) return;
    ctx.fillStyle = style;
    ctx.beginPath();
    ctx.roundRect(r.left, r.top, r.width, r.height, radii);
    ctx.fill();
  };
  fill(clear(cs.backgroundColor) ? null : cs.backgroundColor);
  fill(gradientOf(ctx, cs.backgroundImage, r));
  const [t, rt, b, l] = ['top', 'right', 'bottom', 'left'].map((s) =>
    cs.getPropertyValue(`border-${s}-style`) === 'none' || clear(cs.getPropertyValue(`border-${s}-color`))
      ? 0
      : parseFloat(cs.getPropertyValue(`border-${s}-width`)) || 0,
  ) as [number, number, number, number];
  const colours = new Set(['top', 'right', 'bottom', 'left'].map((s) => cs.getPropertyValue(`border-${s}-color`)));
  if (t && t === rt && t === b && t === l && colours.size === 1 && radii.some((v) => v > 0)) {
    // One border all round, with rounded corners: stroked along the rounded outline, inside the box.
    ctx.strokeStyle = cs.borderTopColor;
    ctx.lineWidth = t;
    ctx.beginPath();
    ctx.roundRect(
      r.left + t / 2,
      r.top + t / 2,
      r.width - t,
      r.height - t,
      radii.map((v) => Math.max(0, v - t / 2)),
    );
    ctx.stroke();
  } else {
    const side = (name: string, x: number, y: number, w: number, h: number) => {
      if (!w || !h) return;
      ctx.fillStyle = cs.getPropertyValue(`border-${name}-color`);
      ctx.fillRect(x, y, w, h);
    };
    side('top', r.left, r.top, r.width, t);
    side('bottom', r.left, r.bottom - b, r.width, b);
    side('left', r.left, r.top, l, r.height);
    side('right', r.right - rt, r.top, rt, r.height);
  }
  const value = valueOf(el);
  if (value) {
    ctx.font = fontOf(cs);
    ctx.fillStyle = cs.color;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(value, r.left + (parseFloat(cs.paddingLeft) || 0) + l, r.top + r.height / 2);
  }
}

/** The outline of an SVG shape in its own coordinates, or null for what is not one. */
function shape(el: Element): Path2D | null {
  const n = (name: string) => parseFloat(el.getAttribute(name) ?? '0') || 0;
  const path = new Path2D();
  switch (el.localName) {
    case 'path':
      return new Path2D(el.getAttribute('d') ?? '');
    case 'rect':
      path.roundRect(n('x'), n('y'), n('width'), n('height'), n('rx') || n('ry'));
      return path;
    case 'circle':
      path.arc(n('cx'), n('cy'), n('r'), 0, 2 * Math.PI);
      return path;
    case 'ellipse':
      path.ellipse(n('cx'), n('cy'), n('rx'), n('ry'), 0, 0, 2 * Math.PI);
      return path;
    case 'line':
      path.moveTo(n('x1'), n('y1'));
      path.lineTo(n('x2'), n('y2'));
      return path;
    case 'polyline':
    case 'polygon': {
      const pts = (el.getAttribute('points') ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      for (let i = 0; i + 1 < pts.length; i += 2) (i ? path.lineTo : path.moveTo).call(path, pts[i]!, pts[i + 1]!);
      if (el.localName === 'polygon') path.closePath();
      return path;
    }
    default:
      return null;
  }
}

/** An SVG shape: filled and stroked as its computed style says, through its transform to the screen. */
function paintShape(el: SVGGraphicsElement, cs: CSSStyleDeclaration, p: Paint): void {
  const own = shape(el);
  const ctm = el.getScreenCTM();
  if (!own || !ctm) return;
  const { ctx } = p;
  const path = new Path2D();
  path.addPath(own, ctm);
  toPage(p);
  const opacity = parseFloat(cs.opacity) || 0;
  if (!clear(cs.fill) && cs.fill !== 'none' && !cs.fill.startsWith('url(')) {
    ctx.globalAlpha = opacity * (parseFloat(cs.fillOpacity) || 0);
    ctx.fillStyle = cs.fill;
    ctx.fill(path, cs.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
  }
  if (!clear(cs.stroke) && cs.stroke !== 'none' && !cs.stroke.startsWith('url(')) {
    const width = parseFloat(cs.strokeWidth) || 0;
    ctx.globalAlpha = opacity * (parseFloat(cs.strokeOpacity) || 0);
    ctx.strokeStyle = cs.stroke;
    ctx.lineWidth =
      cs.vectorEffect === 'non-scaling-stroke' ? width : width * Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
    ctx.lineCap = cs.strokeLinecap as CanvasLineCap;
    ctx.lineJoin = cs.strokeLinejoin as CanvasLineJoin;
    ctx.setLineDash(
      cs.strokeDasharray === 'none' ? [] : cs.strokeDasharray.split(/[\s,]+/).map((d) => parseFloat(d) || 0),
    );
    ctx.stroke(path);
  }
}

/** SVG text, at its laid-out box, in its fill colour. */
function paintSvgText(el: Element, cs: CSSStyleDeclaration, p: Paint): void {
  const r = el.getBoundingClientRect();
  const text = el.textContent?.replace(/\s+/g, ' ').trim();
  if (!text || !r.width || cs.fill === 'none' || clear(cs.fill)) return;
  const { ctx } = p;
  ctx.font = fontOf(cs);
  ctx.fillStyle = cs.fill;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const m = ctx.measureText(text);
  ctx.fillText(
    text,
    r.left,
    r.top + (r.height - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2 + m.fontBoundingBoxAscent,
  );
}

function paintNode(node: Node, parent: CSSStyleDeclaration, p: Paint, alpha: number): void {
  const { ctx } = p;
  if (node.nodeType === Node.TEXT_NODE) {
    ctx.globalAlpha = alpha;
    toPage(p);
    paintText(node as Text, parent, p);
    return;
  }
  if (!(node instanceof Element) || node instanceof HTMLStyleElement) return;
  const cs = getComputedStyle(node);
  if (!(node instanceof HTMLSlotElement) && cs.display !== 'contents' && !shows(node, cs)) return;
  const a = alpha * (node.namespaceURI === SVG && node.localName !== 'svg' ? 1 : parseFloat(cs.opacity) || 0);
  if (a === 0) return;
  ctx.save();
  toPage(p);
  ctx.globalAlpha = a;
  if (node.namespaceURI === SVG) {
    if (node.localName === 'text') {
      paintSvgText(node, cs, p);
      ctx.restore();
      return;
    }
    if (node instanceof SVGGraphicsElement && node.localName !== 'svg' && node.localName !== 'g')
      paintShape(node, cs, p);
  } else if (cs.visibility !== 'hidden') paintBox(node, cs, p);
  // What a box clips (a scrolling table, a card) stays inside it.
  if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
    const r = node.getBoundingClientRect();
    toPage(p);
    ctx.beginPath();
    ctx.rect(r.left, r.top, r.width, r.height);
    ctx.clip();
  }
  const groupAlpha = node.namespaceURI === SVG ? a * (node.localName === 'g' ? parseFloat(cs.opacity) || 0 : 1) : a;
  for (const child of shownChildren(node)) paintNode(child, cs, p, groupAlpha);
  ctx.restore();
}

/**
 * `host` (a widget, or the board) painted at `scale` device pixels per CSS pixel (2 by default) as a PNG, on the
 * page's background where the widget has none.
 */
export async function widgetPng(host: HTMLElement, scale = 2): Promise<Blob> {
  const box = host.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const ctx = canvas.getContext('2d')!;
  const p: Paint = { ctx, scale, x: box.left, y: box.top };
  const hostStyle = getComputedStyle(host);
  ctx.fillStyle = clear(hostStyle.backgroundColor)
    ? getComputedStyle(document.body).backgroundColor
    : hostStyle.backgroundColor;
  if (!clear(ctx.fillStyle)) ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const child of shownChildren(host)) paintNode(child, hostStyle, p, 1);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'),
  );
}
