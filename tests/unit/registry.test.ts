import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KPI_KINDS, LANGUAGES, parseKpi } from '../../src/index.js';
import { ELEMENTS, FIXTURE_FILES, WIDGETS, byKind, otherKindFixture } from '../../src/registry.js';
import { PROJECT_FIXTURES, SHARED_FIXTURES } from './fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** What a widget needs besides its registry entry (see CONTRIBUTING.md, "Adding a widget"). */
describe('the widget registry', () => {
  it('has one widget per kind of the contract, with unique tags, folders and classes', () => {
    expect(WIDGETS.map((w) => w.kind).sort()).toEqual([...KPI_KINDS].sort());
    for (const key of ['tag', 'folder', 'className'] as const)
      expect(new Set(WIDGETS.map((w) => w[key])).size, key).toBe(WIDGETS.length);
  });

  for (const w of WIDGETS) {
    describe(`<${w.tag}>`, () => {
      it('has its files: element, styles, define, and its strings in every language', () => {
        for (const f of [`kpi-${w.folder}.ts`, `kpi-${w.folder}.styles.ts`, 'define.ts']) {
          expect(existsSync(path.join(root, 'components', w.folder, f)), `components/${w.folder}/${f}`).toBe(true);
        }
        for (const lang of LANGUAGES) {
          expect(existsSync(path.join(root, 'src/i18n', lang, `${w.kind}.ts`)), `src/i18n/${lang}/${w.kind}.ts`).toBe(
            true,
          );
        }
        const define = read(`components/${w.folder}/define.ts`);
        expect(define).toContain(`defineOnce('${w.tag}', ${w.className})`);
        expect(read(`components/${w.folder}/kpi-${w.folder}.ts`)).toContain(`@tag ${w.tag}`);
      });
      it('has a story file for its tag', () => {
        const file = `stories/${w.folder}.stories.ts`;
        expect(existsSync(path.join(root, file)), file).toBe(true);
        expect(read(file)).toContain(`component: '${w.tag}'`);
      });
      it('has fixtures of its kind, in the project (for the demo) and identical to ../shared where it has them', () => {
        expect(w.fixtures.length).toBeGreaterThan(0);
        for (const f of [...w.fixtures, ...Object.values(w.portuguese ?? {})]) {
          const text = readFileSync(path.join(PROJECT_FIXTURES, f), 'utf8');
          const r = parseKpi(JSON.parse(text) as unknown, w.kind);
          expect(r.ok, f).toBe(true);
          if (existsSync(path.join(SHARED_FIXTURES, f)))
            expect(text, `${f} differs from ../shared/fixtures`).toBe(
              readFileSync(path.join(SHARED_FIXTURES, f), 'utf8'),
            );
        }
        expect(
          parseKpi(
            JSON.parse(readFileSync(path.join(PROJECT_FIXTURES, otherKindFixture(w.kind)), 'utf8')) as unknown,
            w.kind,
          ).ok,
        ).toBe(false);
      });
      it('has an npm subpath, a README section and a place in the React and Vue test pages', () => {
        const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
        expect(pkg.exports[`./${w.folder}`], `package.json exports ./${w.folder}`).toBeDefined();
        expect(read('README.md')).toContain(`### \`<${w.tag}>\` (\`${w.kind}\`)`);
        expect(read('tests/frameworks/react-page.tsx')).toContain(`<${w.tag} `);
        expect(read('tests/frameworks/vue-page.js')).toContain(`<${w.tag} `);
      });
    });
  }

  it('every fixture file is named by one widget', () => {
    expect(new Set(FIXTURE_FILES).size).toBe(FIXTURE_FILES.length);
  });

  it('is the only list of widgets: no other source file names every tag', () => {
    // Generated from the registry; the framework pages that embed each widget as a developer would; the
    // 20-widget bench scenario, which pairs each of the first five widgets with its ECharts peer.
    const allowed = new Set([
      'src/registry.ts',
      'types/react.d.ts',
      'components/board/tags.ts',
      'components/board/widgets.ts',
      'tests/frameworks/react-page.tsx',
      'tests/frameworks/vue-page.js',
      'tests/unit/registry.test.ts',
      'bench/page.ts',
    ]);
    const files = execFileSync(
      'git',
      ['ls-files', '-co', '--exclude-standard', '--', '*.ts', '*.tsx', '*.js', '*.mjs', '*.html'],
      { cwd: root, encoding: 'utf8' },
    )
      .split('\n')
      .filter((f) => f && !allowed.has(f) && existsSync(path.join(root, f)));
    const listing = files.filter((f) => {
      const text = read(f);
      return WIDGETS.every((w) => text.includes(w.tag));
    });
    expect(listing, 'these files list every widget: read them from src/registry.ts instead').toEqual([]);
  });
});

describe('registry helpers', () => {
  it('byKind maps every kind to its widget', () => {
    const tags = byKind((w) => w.tag);
    expect(Object.keys(tags).sort()).toEqual([...KPI_KINDS].sort());
    for (const w of WIDGETS) expect(tags[w.kind]).toBe(w.tag);
  });
  it("each element's tag is kpi-<folder>: its CDN file's name (kpi-board.js loads a widget's file by its tag)", () => {
    for (const e of ELEMENTS) expect(e.tag).toBe(`kpi-${e.folder}`);
  });

  it('otherKindFixture names a fixture of another kind', () => {
    for (const w of WIDGETS) expect(w.fixtures).not.toContain(otherKindFixture(w.kind));
  });
});
