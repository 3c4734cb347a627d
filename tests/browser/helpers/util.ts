import { waitUntil } from '@open-wc/testing';

export async function loadFixture<T = Record<string, unknown>>(name: string): Promise<T> {
  const res = await fetch(`/fixtures/${name}`);
  if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Waits until the element's state attribute is `state`. */
export async function untilState(el: HTMLElement, state: string, timeout = 8000): Promise<void> {
  await waitUntil(
    () => el.getAttribute('state') === state,
    `state never became ${state} (is ${el.getAttribute('state')})`,
    { timeout },
  );
}

/** The element's visible text (shadow DOM included), whitespace folded. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Fails when rendered text shows a value that leaked through formatting. */
export function assertNoBadText(el: Element): void {
  const text = shadowText(el);
  for (const bad of ['NaN', 'Infinity', 'undefined', '[object Object]']) {
    if (text.includes(bad))
      throw new Error(
        `rendered text contains ${bad}: …${text.slice(Math.max(0, text.indexOf(bad) - 60)).slice(0, 100)}…`,
      );
  }
}

/** The text a sighted user sees in `el`: its text without visually hidden (.sr-only) parts. */
export function visibleText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    else if (node instanceof Element && !node.classList.contains('sr-only')) out += visibleText(node);
  }
  return out.trim();
}

/**
 * Mounts a widget in a box `width` px wide with `doc` as its data (locale en-US unless `attrs` sets one),
 * and waits for it to render.
 */
export async function mountWidget<T extends HTMLElement & { data: unknown; updateComplete: Promise<boolean> }>(
  tag: string,
  doc: unknown,
  attrs = '',
  width = 1100,
): Promise<T> {
  const { fixture } = await import('@open-wc/testing');
  const locale = attrs.includes('locale=') ? '' : 'locale="en-US"';
  const wrap = await fixture<HTMLDivElement>(
    `<div style="width: ${width}px"><${tag} ${locale} ${attrs}></${tag}></div>`,
  );
  const el = wrap.querySelector(tag) as T;
  el.data = doc;
  await el.updateComplete;
  return el;
}

/** Whether `el` or an ancestor in its shadow root is visually hidden text for screen readers (clipped to nothing). */
export function visuallyHidden(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const cs = getComputedStyle(n);
    if (
      cs.clipPath === 'inset(50%)' ||
      (cs.position === 'absolute' && cs.overflow === 'hidden' && n.getBoundingClientRect().width <= 1)
    )
      return true;
  }
  return false;
}

/** Whether `el` sits inside a box that scrolls sideways (a wide table in its own scroller). */
export function insideScroller(el: Element): boolean {
  for (let n: Element | null = el.parentElement; n; n = n.parentElement) {
    const x = getComputedStyle(n).overflowX;
    if (x === 'auto' || x === 'scroll') return true;
  }
  return false;
}
