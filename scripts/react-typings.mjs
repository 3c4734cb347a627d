// types/react.d.ts: React 19 JSX typings for every kpi-kit element, from custom-elements.json (so run after the
// build) and the registry's elements; scripts/generate.mjs writes and checks it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './registry.mjs';

/** The attributes a JSX user sets, typed by the element's own property (`KpiFunnel['percentOf']`). */
export function reactTypings(ELEMENTS, BOARD) {
  const manifestFile = path.join(root, 'custom-elements.json');
  if (!existsSync(manifestFile)) throw new Error('custom-elements.json is missing: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  const base = new Set(['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'state']);
  const lines = [];
  const imports = [];
  for (const w of ELEMENTS) {
    const d = decls.find((x) => x.tagName === w.tag);
    if (!d) throw new Error(`custom-elements.json has no <${w.tag}>: is its class documented with @tag?`);
    if (d.name !== w.className)
      throw new Error(`<${w.tag}> is ${d.name} in the manifest, ${w.className} in src/registry.ts`);
    const names = w === BOARD ? `${w.className}, KpiBoardChangeDetail` : w.className;
    imports.push(`import type { ${names} } from '../dist/types/components/${w.folder}/kpi-${w.folder}.js';`);
    const own = (d.attributes ?? []).filter((a) => !base.has(a.name) && a.fieldName);
    const props = own.map(
      (a) => `${/^[a-z]+$/i.test(a.name) ? a.name : `'${a.name}'`}?: ${w.className}['${a.fieldName}'];`,
    );
    // The board: its manifest and fetcher are properties only, and it fires kpi-board-change.
    if (w === BOARD)
      props.push(
        `manifest?: ${w.className}['manifest'];`,
        `fetcher?: ${w.className}['fetcher'];`,
        "'onkpi-board-change'?: (event: CustomEvent<KpiBoardChangeDetail>) => void;",
      );
    const extra = props.length ? ` & {\n        ${props.join('\n        ')}\n      }` : '';
    lines.push(`      '${w.tag}': KpiProps<${w.className}>${extra};`);
  }
  return `/**
 * JSX typings for React 19: \`import type {} from 'kpi-kit/react'\` (or add it to
 * \`compilerOptions.types\`) and the kpi-kit elements type-check in TSX, with
 * their properties and \`onkpi-select\` / \`onkpi-error\` handlers.
 *
 * React 19 sets an object prop such as \`data\` as a property on custom elements
 * and wires \`on<event-name>\` props to custom events.
 *
 * Generated from custom-elements.json and src/registry.ts by scripts/generate.mjs: do not edit.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KpiErrorEvent, KpiSelectEvent } from '../dist/types/src/core/events.js';
${imports.join('\n')}

/** Attributes and properties every kpi-kit element takes in JSX. */
interface KpiProps<E> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  data?: E extends { data: infer D } ? D : unknown;
  src?: string;
  refresh?: number | string;
  timeout?: number | string;
  locale?: string;
  theme?: 'light' | 'dark';
  'onkpi-select'?: (event: KpiSelectEvent) => void;
  'onkpi-error'?: (event: KpiErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${lines.join('\n')}
    }
  }
}
`;
}
