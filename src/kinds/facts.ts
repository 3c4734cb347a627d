import type { BuildColumnOptions, NamedColumns } from '../data/build-checks.js';

/**
 * What a kind module's facts (`funnelKind`, …) hold for the build and the docs: plain data, read
 * by Node scripts at build time, so the widgets' bundles carry none of it.
 */
export interface KindFacts<D = never> {
  /** The document's `kind`. */
  readonly kind: string;
  /** The published JSON Schema's descriptions (dist/schema/<kind>.schema.json). */
  readonly docs: {
    /** The whole document's. */
    readonly description: string;
    /**
     * Each property's, by its path as the schema nests it: `steps[].count` is `count` of an item
     * of `steps`; `values{}.p50` is `p50` of any entry of the `values` object. A path without an
     * entry here falls back to the shared descriptions (scripts/schema-docs.mjs, COMMON).
     */
    readonly fields: Readonly<Record<string, string>>;
  };
  /**
   * Code the widget loads on demand: `entry` (in src/lazy/), built into the self-contained
   * `chunk` that the kit and the single-widget file share, and the `modules` only it imports
   * (the kit's module ordering leaves them out).
   */
  readonly lazy?: { readonly entry: string; readonly chunk: string; readonly modules: readonly string[] };
  /** What the data path checks of this kind's builds (src/data/build-checks.ts applies them). */
  readonly data: {
    /** Why a built document has nothing to show, or null when it has. */
    emptyReason(doc: D): string | null;
    /** The input columns a build's options name beyond the required ones (absent: none). */
    namedColumns?(options: BuildColumnOptions): NamedColumns;
  };
}
