// Shrinks the static text of Lit's html`…`, svg`…` and css`…` templates in our own
// sources before the CDN build minifies them (a minifier leaves template text alone).
// The templates are found with a real parser, so `${…}` code is never touched.
import { parseSync } from 'vite';
import MagicString from 'magic-string';

/**
 * HTML/SVG text: every run of whitespace that holds a line break becomes one space.
 * Outside `<pre>` and `white-space: pre*` (neither is used in our templates) a browser
 * renders such a run as one space anyway, so the DOM keeps every meaningful space.
 */
export function minifyHtmlText(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/**
 * CSS text: drops comments and collapses whitespace, with none left next to
 * `{ } ; ,` or after a declaration's colon, and the zero before a decimal point
 * of a number (`0.86em` → `.86em`). Selector colons (`:host`, `a :focus`)
 * keep the space before them, so no selector changes meaning.
 */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/([{;][-\w]+): /g, '$1:')
    .replace(/;}/g, '}')
    .replace(/([\s:,(*/-])0\.(\d)/g, '$1.$2')
    .trim();
}

const TAGS = { html: minifyHtmlText, svg: minifyHtmlText, css: minifyCssText };

function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key of Object.keys(node)) {
    if (key !== 'parent') walk(node[key], visit);
  }
}

/**
 * Rewrites the templates of one module. Returns null when nothing changed.
 * Throws if the parser's positions ever disagree with the text (never guesses).
 */
export function minifyTemplates(code, id) {
  if (!/(html|svg|css)`/.test(code)) return null;
  const { program, errors } = parseSync(id, code);
  if (errors?.length) throw new Error(`minify-templates: cannot parse ${id}: ${errors[0].message}`);
  const s = new MagicString(code);
  let changed = false;
  walk(program, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
    const minify = TAGS[node.tag.name];
    if (!minify) return;
    const quasis = node.quasi.quasis;
    // css: the trim would join a hole to its neighbours, so css templates must be plain text.
    if (node.tag.name === 'css' && quasis.length > 1)
      throw new Error(`minify-templates: css\`…\` with \${…} in ${id}; use plain text`);
    for (const q of quasis) {
      const raw = q.value.raw;
      // The element's span may or may not include its delimiters (` ${ }); find the raw text in it.
      const at = code.indexOf(raw, q.start);
      if (at < 0 || at + raw.length > q.end)
        throw new Error(`minify-templates: template positions do not match the text in ${id}`);
      const out = minify(raw);
      if (out !== raw) {
        s.overwrite(at, at + raw.length, out);
        changed = true;
      }
    }
  });
  return changed ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null;
}

/** The vite/rolldown plugin: our own .ts/.js modules only (Lit's own templates are already minified). */
export function minifyTemplatesPlugin() {
  return {
    name: 'kpi-minify-templates',
    transform(code, id) {
      if (!/\.(ts|js)$/.test(id) || id.includes('node_modules')) return null;
      return minifyTemplates(code, id);
    },
  };
}
