// Descriptions for the published JSON Schemas (dist/schema/<kind>.schema.json), written at
// build time so the widgets' bundles carry none of this text. Each kind's are in its kind
// module (src/kinds/<kind>.ts, `docs`), keyed by property paths as the schemas nest them:
// `steps[].count` is `count` of an item of `steps`; `values{}.p50` is `p50` of any entry of
// the `values` object. A key without a kind-specific entry falls back to COMMON, here. The
// build fails if any property is left without a description.

export const COMMON = {
  kind: 'The kind of document; selects the widget and the schema.',
  version: 'The contract version: 1. A newer version is rejected with its own message.',
  title: "Shown as the widget's heading. Untrusted text: rendered as text, never as HTML.",
  subtitle: 'A line under the title (source, scope, caveats).',
  period: 'The time span the numbers cover, shown under the title.',
  'period.from': 'First day, YYYY-MM-DD.',
  'period.to': 'Last day, YYYY-MM-DD (not before from).',
  generatedAt: 'When the document was made (ISO 8601 date-time).',
  insights:
    'What the document shows, in sentences (`kpi-kit build --insights`, or your own): the widget shows these ' +
    'instead of working its own out. Other fields of `insights()` (type, importance, facts) may come along.',
  'insights[].id': 'A stable id for the insight (`funnel.conversion`).',
  'insights[].text': 'The sentence, shown as text (untrusted: never HTML).',
  'insights[].marks': 'Ids of the steps, causes, cohorts, regions, channels or periods it speaks of (highlighted).',
  'insights[].lang': 'The language of the sentence (BCP 47), when it is not the page’s.',
  currency: 'ISO 4217 code (BRL, USD, EUR…) of every money value; required when the document carries money.',
  id: 'A stable identifier: letters, digits, _ . : - (used in events and ARIA ids).',
  label: 'Display text. Untrusted: rendered as text.',
  group: 'A grouping label (e.g. a macro-region or channel family).',
};

/**
 * Adds `description` to every property of a generated JSON Schema, from its kind module's `docs`
 * (then COMMON); returns the paths it found none for.
 */
export function describe(json, docs) {
  const own = docs.fields;
  const missing = [];
  json.description = docs.description;
  const walk = (node, prefix) => {
    if (!node || typeof node !== 'object') return;
    for (const [k, child] of Object.entries(node.properties ?? {})) {
      const p = `${prefix}${k}`;
      const text = own[p] ?? COMMON[p] ?? COMMON[k];
      if (text) child.description = text;
      else missing.push(p);
      walk(child, `${p}.`);
    }
    if (node.items) walk(node.items, `${prefix.replace(/\.$/, '')}[].`);
    if (node.additionalProperties && typeof node.additionalProperties === 'object')
      walk(node.additionalProperties, `${prefix.replace(/\.$/, '')}{}.`);
    for (const k of ['anyOf', 'oneOf', 'allOf']) for (const x of node[k] ?? []) walk(x, prefix);
  };
  walk(json, '');
  return missing;
}
