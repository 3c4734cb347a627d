// The Custom Elements Manifest: every attribute, property, event, part, slot and CSS custom
// property of every element, from the JSDoc in components/ and src/core/kpi-element.ts.
export default {
  globs: ['components/*/kpi-*.ts', 'src/core/kpi-element.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  dev: false,
};
