// The Controls and Docs tables of every widget, from the Custom Elements Manifest, as a designer
// reads them: one control per public property (an attribute and its property are one row, under
// the attribute's name), the control its type calls for (text, number, boolean, a choice), a
// readable default and a description on each; events in the Actions panel; CSS custom properties
// and parts in the Docs tables only. scripts/check-storybook.mjs checks the production build.
import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { WIDGETS } from '../src/registry.js';

interface Entry { name: string; description?: string; type?: { text: string }; default?: string; fieldName?: string; attribute?: string; kind?: string; static?: boolean }
interface Declaration { tagName?: string; attributes?: Entry[]; members?: Entry[]; events?: Entry[]; cssProperties?: Entry[]; cssParts?: Entry[] }

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);

/** Values a designer picks from: the language menu's. */
export const LOCALES = ['en-US', 'pt-BR', 'es'] as const;

/** Args the stories add around the widget (not the element's API). */
export const storyArgTypes: ArgTypes = {
  width: {
    control: { type: 'range', min: 240, max: 1600, step: 20 },
    description: 'Story only: the width in CSS pixels of the box the widget sits in (a phone is 320).',
    table: { category: 'story' },
  },
};

/** A union of string literals (`'a' | 'b'`) as its values, else null. */
export function literalOptions(type: string): string[] | null {
  const parts = type.split('|').map((p) => p.trim());
  return parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}

/** The control for a type (`| undefined` and `| null` dropped), or null when the type alone does not say which. */
type ControlKind = 'inline-radio' | 'select' | 'text' | 'number' | 'boolean';

export function controlFor(type: string, options?: readonly string[]): { control: ControlKind; options?: readonly string[] } | null {
  const t = type.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null').join(' | ');
  const choices = options ?? literalOptions(t);
  if (choices) return { control: choices.length <= 4 ? 'inline-radio' : 'select', options: choices };
  if (t === 'string') return { control: 'text' };
  if (t === 'number') return { control: 'number' };
  if (t === 'boolean') return { control: 'boolean' };
  return null;
}

/**
 * The argTypes of an element: its attributes as controls (choices from `options` where the
 * type is an alias, or `'text'` for an open string), the properties they set hidden as duplicates, read-only and function
 * properties as Docs rows, events, CSS custom properties and parts as Docs rows without a control.
 */
export function controlsFor(tag: string, options: Record<string, readonly string[] | 'text'> = {}): ArgTypes {
  const decl = declarations.find((d) => d.tagName === tag);
  if (!decl) throw new Error(`stories: ${tag} is not in custom-elements.json`);
  const kind = WIDGETS.find((w) => w.tag === tag)?.kind;
  const out: ArgTypes = {};
  const attributes = new Set((decl.attributes ?? []).map((a) => a.name));
  for (const a of decl.attributes ?? []) {
    const table = { category: 'attributes', ...(a.default === undefined ? {} : { defaultValue: { summary: a.default } }) };
    if (a.name === 'state') {
      out[a.name] = { control: false, description: a.description, table };
      continue;
    }
    if (a.name === 'data') {
      const what = kind ? `a \`${kind}\` KPI document (object), or its JSON text` : 'a KPI document (object), or its JSON text';
      out[a.name] = { control: 'object', description: a.description, table: { ...table, type: { summary: what } } };
      continue;
    }
    const given = options[a.name];
    const control = given === 'text' ? { control: 'text' as const } : controlFor(a.type?.text ?? '', given ?? (a.name === 'locale' ? LOCALES : undefined));
    if (!control) throw new Error(`stories: ${tag}'s ${a.name} is a ${a.type?.text}: give its options to controlsFor`);
    out[a.name] = { ...control, description: a.description, table };
  }
  for (const m of decl.members ?? []) {
    if (m.kind !== 'field' || m.static || attributes.has(m.name)) continue;
    // A property set through its attribute's control (percentOf ← percent-of): one row, the attribute's.
    if (m.attribute && attributes.has(m.attribute)) out[m.name] = { table: { disable: true } };
    else out[m.name] = { control: false, description: m.description, table: { category: 'properties' } };
  }
  for (const [list, category] of [[decl.events, 'events'], [decl.cssProperties, 'css custom properties'], [decl.cssParts, 'css shadow parts']] as const) {
    for (const e of list ?? []) out[e.name] = { control: false, description: e.description, table: { category } };
  }
  return { ...out, ...storyArgTypes };
}
