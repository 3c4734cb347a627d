// Shorter texts for the error messages of Lit and zod that only a programming error inside the
// kit could raise (never a page's data or a user's action): each still names the library and
// what went wrong, at about a fifth of the bytes (~170 B gzip off the kit). The CDN builds apply
// it; tests/node/short-messages.test.mjs checks each long text is still in its library, so an
// update that rewords one is noticed.

/** [library file (under node_modules), the message as written there, the short one]. */
export const SHORT_MESSAGES = [
  [
    '@lit/reactive-element/css-tag.js',
    "Value passed to 'css' function must be a 'css' function result: ",
    'lit: css`` takes css results, not ',
  ],
  [
    '@lit/reactive-element/css-tag.js',
    ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.",
    ' (unsafeCSS)',
  ],
  [
    '@lit/reactive-element/css-tag.js',
    'CSSResult is not constructable. Use `unsafeCSS` or `css` instead.',
    'lit: use css`` or unsafeCSS',
  ],
  ['lit-html/lit-html.js', 'invalid template strings array', 'lit: bad template'],
  [
    'zod/v4/core/core.js',
    'Encountered Promise during synchronous parse. Use .parseAsync() instead.',
    'zod: async in a sync parse',
  ],
  ['zod/v4/core/util.js', 'Cannot specify both `message` and `error` params', 'zod: message and error both set'],
  ['zod/v4/mini/schemas.js', 'Uninitialized schema in ZodMiniType.', 'zod: uninitialized schema'],
  [
    'zod/v4/core/schemas.js',
    '`Invalid element at key "${String(k)}": expected a Zod schema`',
    '`zod: ${String(k)} is not a schema`',
  ],
];

/** A Vite/Rolldown plugin: the messages above, shortened where their library file is bundled. */
export function shortMessagesPlugin() {
  return {
    name: 'kpi-short-messages',
    transform(code, id) {
      const file = id.replaceAll('\\', '/');
      const own = SHORT_MESSAGES.filter(([lib]) => file.endsWith(`/node_modules/${lib}`));
      if (!own.length) return null;
      let out = code;
      for (const [, long, short] of own) out = out.replaceAll(long, short);
      return out === code ? null : { code: out, map: null };
    },
  };
}
