/**
 * A widget as an SVG file, as it looks now (theme, brand tokens, locale, mode, sort and filter): its shadow
 * tree copied into a `<foreignObject>` as XHTML, text kept as text, each element's computed style written out
 * (as classes of one `<style>`, so rows that look alike share one rule), fonts declared by name. What a screen
 * reader alone reads (`.sr-only`) and what is not displayed are left out. Nothing is fetched and no markup is
 * parsed from text: the copy is built node by node, so a strict CSP and Trusted Types hold.
 */

const SVG = 'http://www.w3.org/2000/svg';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** Properties an element passes to its children: written only where they change. */
const INHERITED = [
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-numeric',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'white-space',
  'word-break',
  'overflow-wrap',
  'visibility',
  'direction',
  'border-collapse',
  'border-spacing',
  'list-style-type',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'shape-rendering',
  'vector-effect',
];
const SIDES = ['top', 'right', 'bottom', 'left'];
/** Properties of an element's own box: written where they differ from what the browser gives its tag. */
const OWN = [
  'display',
  'position',
  'box-sizing',
  ...SIDES.flatMap((s) => [
    `margin-${s}`,
    `padding-${s}`,
    s,
    `border-${s}-width`,
    `border-${s}-style`,
    `border-${s}-color`,
  ]),
  ...['top-left', 'top-right', 'bottom-right', 'bottom-left'].map((c) => `border-${c}-radius`),
  'background-color',
  'background-image',
  'opacity',
  'overflow-x',
  'overflow-y',
  'text-decoration-line',
  'vertical-align',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'justify-content',
  'align-items',
  'align-self',
  'row-gap',
  'column-gap',
  'grid-template-columns',
  'grid-template-rows',
  'grid-column-start',
  'grid-column-end',
  'grid-row-start',
  'grid-row-end',
  'grid-auto-flow',
  'grid-template-areas',
  'grid-auto-columns',
  'grid-auto-rows',
  'justify-items',
  'justify-self',
  'align-content',
  'order',
  'z-index',
  'transform',
  'box-shadow',
  'outline-style',
  'outline-width',
  'outline-color',
  'outline-offset',
  'table-layout',
  'text-overflow',
  'clip-path',
  'min-width',
  'min-height',
  'max-width',
  'max-height',
  'width',
  'height',
  'cursor',
  'appearance',
];
/** Properties of an SVG element besides the inherited ones. */
const SVG_OWN = ['opacity', 'display', 'transform'];

/**
 * What the browser gives an element of a tag with no style of the page's: each property's computed value for it in a
 * bare shadow root (read once per tag and export: they inherit the page's colours, which a theme switch changes), so
 * only what the widget's styles change is written.
 */
const DEFAULTS = new Map<string, Map<string, string>>();
let sandbox: ShadowRoot | undefined;
function defaultsOf(ns: string | null, tag: string): Map<string, string> {
  const key = `${ns} ${tag}`;
  let d = DEFAULTS.get(key);
  if (d) return d;
  if (!sandbox?.host.isConnected) {
    const host = document.createElement('div');
    // Through the CSSOM, as a strict CSP allows.
    host.style.position = 'absolute';
    host.style.left = '-10000px';
    host.style.top = '0';
    document.body.append(host);
    sandbox = host.attachShadow({ mode: 'open' });
  }
  const el = document.createElementNS(ns === SVG ? SVG : XHTML, tag);
  const holder = ns === SVG && tag !== 'svg' ? document.createElementNS(SVG, 'svg') : el;
  if (holder !== el) holder.append(el);
  sandbox.append(holder);
  const cs = getComputedStyle(el);
  d = new Map([...INHERITED, ...OWN].map((p) => [p, cs.getPropertyValue(p)]));
  holder.remove();
  DEFAULTS.set(key, d);
  return d;
}

/** Attributes left out of the copy: styling the copy replaces, and behaviour an image has none of. */
const DROPPED = /^(class|style|part|slot|tabindex|contenteditable|draggable|on.*)$/;

/** Characters XML does not allow (a widget's sentinel values may hold them): left out of the copy. */
// eslint-disable-next-line no-control-regex -- these are the characters to find
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlText = (text: string) => text.replace(NOT_XML, '');

/**
 * Whether an element is part of the picture: displayed, not text for screen readers only (1×1, clipped), and not the
 * export menu itself.
 */
export function shows(el: Element, cs: CSSStyleDeclaration): boolean {
  if (cs.display === 'none' || el.classList.contains('export')) return false;
  return !(
    cs.position === 'absolute' &&
    cs.overflowX === 'hidden' &&
    parseFloat(cs.width) <= 1 &&
    parseFloat(cs.height) <= 1
  );
}

/** The nodes an element shows: its shadow tree's for a custom element with one, a slot's assigned nodes. */
export function shownChildren(node: Node): Node[] {
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return assigned.length ? assigned : [...node.childNodes];
  }
  const shadow = (node as Element).shadowRoot;
  return [...(shadow ?? node).childNodes];
}

interface Copy {
  rules: Map<string, string>;
}

/**
 * The style of an element (tag `tag` in namespace `ns`, computed style `cs`) that the copy must write: an inherited
 * property where it changes from `parent` or where the browser sets it for the tag (a `th`'s centring), an own
 * property where it differs from the tag's default; a box that scrolls is clipped (an image does not scroll).
 */
function styleText(
  ns: string | null,
  tag: string,
  cs: CSSStyleDeclaration,
  parent: CSSStyleDeclaration | null,
): string {
  const out: string[] = [];
  const d = defaultsOf(ns, tag);
  const plain = defaultsOf(XHTML, 'div');
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p);
    if (v && (!parent || parent.getPropertyValue(p) !== v || d.get(p) !== plain.get(p))) out.push(`${p}:${v}`);
  }
  // An <svg> in the page is a box (an icon sized by CSS); the shapes inside it are not.
  for (const p of ns === SVG && tag !== 'svg' ? SVG_OWN : OWN) {
    let v = cs.getPropertyValue(p);
    if (/^overflow-/.test(p) && (v === 'auto' || v === 'scroll')) v = 'hidden';
    // A border or an outline that is not drawn needs no colour or width.
    const side = /^(border-\w+|outline)-(color|width|offset)$/.exec(p);
    if (side && cs.getPropertyValue(`${side[1]}-style`) === 'none') continue;
    if (v && v !== d.get(p)) out.push(`${p}:${v}`);
  }
  return out.join(';');
}

/** A pseudo-element's box (a sort arrow, a swatch) as a span, or null when it has none. */
function pseudo(el: Element, which: '::before' | '::after', cs: CSSStyleDeclaration, copy: Copy): Element | null {
  const ps = getComputedStyle(el, which);
  const content = ps.content;
  if (!content || content === 'none' || content === 'normal' || ps.display === 'none') return null;
  const span = document.createElementNS(XHTML, 'span');
  span.setAttribute('class', classFor(styleText(XHTML, 'span', ps, cs), copy));
  const text = /^"(.*)"$/.exec(content)?.[1] ?? '';
  if (text) span.append(text.replace(/\\"/g, '"'));
  return span;
}

function classFor(style: string, copy: Copy): string {
  let name = copy.rules.get(style);
  if (!name) copy.rules.set(style, (name = `k${copy.rules.size}`));
  return name;
}

/** A copy of `node` and what it shows, with computed styles as classes; null for what does not show. */
function copyNode(node: Node, parent: CSSStyleDeclaration | null, copy: Copy): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(xmlText(node.textContent ?? ''));
  // A list box shows its chosen option only.
  if (node instanceof HTMLOptionElement && !node.selected) return null;
  if (!(node instanceof Element) || node instanceof HTMLStyleElement || node.localName === 'script') return null;
  const cs = getComputedStyle(node);
  if (node instanceof HTMLSlotElement || (node.shadowRoot && cs.display === 'contents'))
    return copyChildren(node, parent, copy);
  if (!shows(node, cs)) return null;
  const svg = node.namespaceURI === SVG;
  // A custom element (the board's widgets) becomes a div that holds its shadow tree.
  const tag = node.shadowRoot ? 'div' : node.localName;
  const out = document.createElementNS(svg ? SVG : XHTML, tag);
  for (const a of node.attributes) if (!DROPPED.test(a.name)) out.setAttribute(a.name, xmlText(a.value));
  if (node instanceof HTMLInputElement) out.setAttribute('value', xmlText(node.value));
  if (node instanceof HTMLOptionElement && node.selected) out.setAttribute('selected', '');
  const style = styleText(node.namespaceURI, tag, cs, parent);
  if (style) out.setAttribute('class', classFor(style, copy));
  const before = svg ? null : pseudo(node, '::before', cs, copy);
  if (before) out.append(before);
  const children = copyChildren(node, cs, copy);
  // A scrolled box shows its content moved by the scroll.
  if (!svg && (node.scrollTop || node.scrollLeft)) {
    const moved = document.createElementNS(XHTML, 'div') as HTMLElement;
    // Through the CSSOM, as a strict CSP allows (a style attribute is refused).
    moved.style.transform = `translate(${-node.scrollLeft}px,${-node.scrollTop}px)`;
    moved.append(children);
    out.append(moved);
  } else out.append(children);
  const after = svg ? null : pseudo(node, '::after', cs, copy);
  if (after) out.append(after);
  return out;
}

function copyChildren(node: Node, cs: CSSStyleDeclaration | null, copy: Copy): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const child of shownChildren(node)) {
    const c = copyNode(child, cs, copy);
    if (c) f.append(c);
  }
  return f;
}

/**
 * `host` (a widget, or the board) as a self-contained SVG document's text: its width and height in CSS pixels, a
 * `<title>` (the widget's title and period, as `label` gives them), and everything it shows.
 */
export function widgetSvg(host: HTMLElement, label: string): string {
  const box = host.getBoundingClientRect();
  const [w, h] = [Math.ceil(box.width), Math.ceil(box.height)];
  const copy: Copy = { rules: new Map() };
  DEFAULTS.clear();
  const hostStyle = getComputedStyle(host);
  const body = document.createElementNS(XHTML, 'div');
  body.setAttribute(
    'class',
    classFor(`${styleText(XHTML, 'div', hostStyle, null)};margin:0;width:${w}px;height:${h}px`, copy),
  );
  body.append(copyChildren(host, hostStyle, copy));
  const sheet = document.createElementNS(XHTML, 'style');
  sheet.textContent = [...copy.rules].map(([style, name]) => `.${name}{${style}}`).join('\n');
  body.prepend(sheet);
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: 'img' }))
    svg.setAttribute(k, String(v));
  const title = document.createElementNS(SVG, 'title');
  title.textContent = xmlText(label);
  const fo = document.createElementNS(SVG, 'foreignObject');
  for (const [k, v] of Object.entries({ x: 0, y: 0, width: w, height: h })) fo.setAttribute(k, String(v));
  fo.append(body);
  svg.append(title, fo);
  // The defaults are kept; the bare box they were read in goes.
  sandbox?.host.remove();
  sandbox = undefined;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
