// The Custom Elements Manifest: every attribute, property, event, part, slot and CSS custom
// property of every element, from the JSDoc in components/ and src/core/kpi-element.ts.

/**
 * The widgets declare Lit properties in `static properties`; entries with `state: true`
 * are internal state, not attributes, but the analyzer lists them as attributes.
 * This plugin collects them per class and removes those attributes.
 */
function litInternalState() {
  const internal = new Map(); // class name → Set of state names
  return {
    name: 'kpi-lit-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const init = member.initializer;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        const names = new Set();
        for (const prop of init.properties) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
          const isState = prop.initializer.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
          if (isState) names.add(prop.name.getText());
        }
        internal.set(node.name.getText(), names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const all = new Set([...internal.values()].flatMap((s) => [...s]));
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.attributes) continue;
          decl.attributes = decl.attributes.filter((a) => !(a.fieldName && all.has(a.fieldName) && a.name === a.fieldName && isStateOf(decl, a)));
        }
      }
      function isStateOf(decl, attr) {
        const own = internal.get(decl.name);
        if (own?.has(attr.fieldName)) return true;
        const from = attr.inheritedFrom?.name;
        return Boolean(from && internal.get(from)?.has(attr.fieldName));
      }
    },
  };
}

/**
 * The manifest is the public API (Storybook's Docs pages and controls, the README's API
 * section, editors): private (#) and protected members, and static ones (the class's
 * strings and schema), are left out.
 */
function publicOnly() {
  return {
    name: 'kpi-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter((m) => !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
        }
      }
    },
  };
}

/**
 * A default written as a module constant (`timeout = DEFAULT_TIMEOUT_SECONDS`) is listed as the
 * constant's name; a reader of the Docs table wants its value. This plugin collects top-level
 * `const NAME = <number or string literal>` and puts the literal in its place.
 */
function literalDefaults() {
  const constants = new Map(); // name → literal text
  return {
    name: 'kpi-literal-defaults',
    analyzePhase({ ts, node }) {
      if (!ts.isVariableStatement(node) || !(node.declarationList.flags & ts.NodeFlags.Const) || !ts.isSourceFile(node.parent)) return;
      for (const d of node.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isNumericLiteral(d.initializer) || ts.isStringLiteral(d.initializer))) constants.set(d.name.text, d.initializer.getText());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
            if (item.default !== undefined && constants.has(item.default)) item.default = constants.get(item.default);
          }
        }
      }
    },
  };
}

export default {
  globs: ['components/*/kpi-*.ts', 'src/core/kpi-element.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  dev: false,
  plugins: [litInternalState(), publicOnly(), literalDefaults()],
};
