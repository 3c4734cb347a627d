import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { mixOklab, parseColor, readableText, rgbString, type Rgb } from '../compute/color.js';

/** The resolved theme colours a heat scale needs. */
export interface HeatPalette {
  low: Rgb;
  high: Rgb;
  text: Rgb;
  surface: Rgb;
}

export const LIGHT_HEAT: HeatPalette = {
  low: [238, 243, 255],
  high: [29, 63, 184],
  text: [27, 34, 48],
  surface: [255, 255, 255],
};
export const DARK_HEAT: HeatPalette = {
  low: [28, 37, 54],
  high: [143, 176, 255],
  text: [231, 235, 243],
  surface: [21, 26, 35],
};

/** Styles for the probe: each swatch's `color` is one resolved token. */
export const paletteProbeStyles = css`
  .probe { position: absolute; width: 0; height: 0; overflow: hidden; }
  .p-low { color: var(--_heat-low); } .p-high { color: var(--_heat-high); }
  .p-text { color: var(--_text); } .p-surface { color: var(--_surface); }
`;

/**
 * The last colours read for each `theme` attribute value: the next widget's first guess, so it rarely renders twice.
 */
const lastRead = new Map<string, HeatPalette>();
// Four colours of three numbers each: the comma-joined twelve numbers are unambiguous.
const keyOf = (p: HeatPalette) => String([p.low, p.high, p.text, p.surface]);
/**
 * Probes to re-read when the page may have changed its theme (an attribute of <html> or <body>: class, style,
 * data-theme…). Forced colours need no read: the browser replaces the cells' colours.
 */
const live = new Set<PaletteProbe>();
let watcher: MutationObserver | undefined;

function watchPage(): void {
  if (watcher) return;
  watcher = new MutationObserver(() => live.forEach((p) => p.readAfterLayout()));
  for (const el of [document.documentElement, document.body]) if (el) watcher.observe(el, { attributes: true });
}

/**
 * Reads the theme's resolved heat colours (page tokens, light or dark) from a
 * probe placed once in the host's shadow root, outside Lit's template, so
 * widgets can compute cell shades and pick readable text in JS.
 *
 * Reading a colour inside the widget (a size container) would force the page's
 * style and layout in the middle of rendering; on a page of 20 widgets those
 * forced layouts were a third of the time to ready (issue #19). So the probe
 * reads only after layout, in a ResizeObserver callback (before paint, where
 * reading is cheap): on connect, when the `theme` attribute changes, and when
 * the page may have switched theme (an attribute of `<html>` or `<body>`: a
 * class, a style, `data-theme`…). Until the first read it uses the colours last read
 * for the same `theme` (or the built-in light or dark ones); if the read finds
 * others, `version` changes and the host renders again, in the same frame.
 * `version` changes when the colours do (use it as a memo key).
 */
export class PaletteProbe implements ReactiveController {
  palette: HeatPalette = LIGHT_HEAT;
  version = 0;
  #key = '';
  #probe?: HTMLElement;
  #observer?: ResizeObserver;
  #theme?: string;

  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; theme?: string };

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; theme?: string },
  ) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#probe) this.#attach(this.#host.renderRoot);
    live.add(this);
    watchPage();
    this.readAfterLayout();
  }

  hostDisconnected(): void {
    live.delete(this);
    this.#observer?.disconnect();
  }

  hostUpdate(): void {
    const theme = this.#host.theme ?? '';
    if (theme === this.#theme) return;
    this.#theme = theme;
    // Not read yet: start from what was last read for this theme. Either way, read once laid out.
    if (!this.#key) this.palette = lastRead.get(theme) ?? (theme === 'dark' ? DARK_HEAT : LIGHT_HEAT);
    this.readAfterLayout();
  }

  /** Reads the colours once the host is next laid out (the observer's first callback), re-rendering if they changed. */
  readAfterLayout(): void {
    const probe = this.#probe;
    if (!probe) return;
    this.#observer ??= new ResizeObserver(() => {
      if (!this.read(this.#host.isConnected, this.#host.theme)) return;
      this.version++;
      this.#host.requestUpdate();
    });
    this.#observer.unobserve(probe);
    this.#observer.observe(probe);
  }

  #attach(root: HTMLElement | DocumentFragment): void {
    const probe = document.createElement('span');
    probe.className = 'probe';
    probe.setAttribute('aria-hidden', 'true');
    for (const cls of ['p-low', 'p-high', 'p-text', 'p-surface']) {
      const i = document.createElement('i');
      i.className = cls;
      probe.append(i);
    }
    root.appendChild(probe);
    this.#probe = probe;
  }

  /** Re-reads the colours; returns true when they changed. */
  read(connected: boolean, theme?: string): boolean {
    if (!this.#probe || !connected) {
      if (!this.#key) this.palette = theme === 'dark' ? DARK_HEAT : LIGHT_HEAT;
      return false;
    }
    const read = (cls: string) => parseColor(getComputedStyle(this.#probe!.querySelector(cls) as Element).color);
    const low = read('.p-low');
    const high = read('.p-high');
    const text = read('.p-text');
    const surface = read('.p-surface');
    if (!low || !high || !text || !surface) return false;
    const palette = { low, high, text, surface };
    const key = keyOf(palette);
    this.#key = key;
    lastRead.set(theme ?? '', palette);
    if (key === keyOf(this.palette)) return false;
    this.palette = palette;
    return true;
  }

  /** A shade function with a small cache: t in 0–1 → background and readable text. */
  shader(): (t: number | null) => { bg: string; fg: string } | null {
    const p = this.palette;
    const cache = new Map<number, { bg: string; fg: string }>();
    return (t) => {
      if (t === null) return null;
      const key = Math.round(Math.max(0, Math.min(1, t)) * 200);
      let s = cache.get(key);
      if (!s) {
        const bg = mixOklab(p.low, p.high, key / 200);
        s = { bg: rgbString(bg), fg: rgbString(readableText(bg, [p.text, p.surface])) };
        cache.set(key, s);
      }
      return s;
    };
  }

  /** A CSS gradient of the scale, for legends. */
  gradient(): string {
    const p = this.palette;
    const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => rgbString(mixOklab(p.low, p.high, t)));
    return `linear-gradient(90deg, ${stops.join(', ')})`;
  }
}
