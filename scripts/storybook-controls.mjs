// The rules scripts/check-storybook.mjs holds every story's controls to (pure; tested in tests/node).

/**
 * What is wrong with a story's controls, as a designer would see it: a control for a CSS custom
 * property, a part or an event (those belong in the Docs tables and the Actions panel); an
 * object control on anything but the document; a control without a description; one property
 * shown twice (an attribute and its property); a default that reads as a constant's name.
 * `rows`: { key, category, control (type or false), shown, description, defaultSummary }.
 */
export function controlProblems(rows, fields = new Map()) {
  const out = [];
  const seen = new Map();
  for (const r of rows) {
    if (r.shown && r.control) {
      const docsOnly = {
        events: 'an event (the Actions panel shows it)',
        'css custom properties': 'a CSS custom property (the Docs table lists it)',
        'css shadow parts': 'a CSS part (the Docs table lists it)',
      }[r.category];
      if (docsOnly) out.push(`${r.key}: a control for ${docsOnly}`);
      else if (r.control === 'object' && r.key !== 'data')
        out.push(`${r.key}: an object control ("Set object") on a ${r.type ?? 'value'}`);
      if (!r.description?.trim()) out.push(`${r.key}: a control with no description`);
    }
    if (r.shown && r.category !== 'events' && !r.category?.startsWith('css')) {
      const field = fields.get(r.key) ?? r.key;
      if (seen.has(field)) out.push(`${r.key}: the same property as ${seen.get(field)}, shown twice`);
      else seen.set(field, r.key);
    }
    if (r.shown && /^[A-Z][A-Z0-9_]{2,}$/.test(r.defaultSummary ?? ''))
      out.push(`${r.key}: its default reads as a constant's name (${r.defaultSummary})`);
  }
  return out;
}
