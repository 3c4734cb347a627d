import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Record<string, string | number | null | undefined>;

const kebab = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`) on every
 * render, the first one included. Lit's `styleMap` writes the `style`
 * attribute on first render, which a strict Content Security Policy
 * (`style-src 'self'`, no `'unsafe-inline'`) blocks; CSSOM writes are allowed.
 *
 * Use it on an element: `<span ${styleProps({ width: '40%' })}></span>`.
 */
class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      const prop = kebab(name);
      next.add(prop);
      style.setProperty(prop, String(value));
    }
    for (const prop of this.#previous) if (!next.has(prop)) style.removeProperty(prop);
    this.#previous = next;
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
