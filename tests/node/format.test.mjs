// Lines people can read: Prettier formats src/, components/, scripts/, bench/, bin/ and tests/ to 120
// columns (`npm test` runs `prettier --check` first). What Prettier cannot wrap is text: comments and
// string and template literals (messages, SQL, HTML); this test holds them to 120 columns too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WIDTH = 120;

/** The columns a line takes (code points, as an editor counts them). */
export const columns = (line) => [...line].length;
/** A comment line: `//`, a JSDoc or block comment's line. */
export const isComment = (line) => /^\s*(\/\/|\/\*|\*)/.test(line);

/** The tracked (and new, not ignored) sources below `dirs`, generated bundles (any dist/ folder) left out. */
const sources = (dirs = ['src', 'components', 'scripts', 'bench', 'bin', 'tests']) =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...dirs], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/\/dist\//.test(f));

test('no line is over 120 columns: code, comments, strings and templates alike', () => {
  const long = [];
  for (const f of sources()) {
    readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (columns(line) > WIDTH) long.push(`${f}:${i + 1}${isComment(line) ? ' (a comment)' : ''}`);
      });
  }
  assert.deepEqual(long, []);
});

// Files people can hold in their head: each module, script and test file at most 400 lines (split by subject, with
// what the parts share in a helper module, as tests/data/cli.mjs and tests/browser/helpers/ are).
test('no file is over 400 lines', () => {
  const files = sources(['src', 'components', 'scripts', 'bench', 'bin', 'tests', 'stories', 'demo', '.storybook']);
  assert.ok(files.length > 200, 'git ls-files lists the sources');
  const long = files
    .map((f) => `${f}: ${readFileSync(path.join(root, f), 'utf8').split('\n').length} lines`)
    .filter((l) => Number(l.split(': ')[1].split(' ')[0]) > 400);
  assert.deepEqual(long, []);
});

test('the checks count what they say', () => {
  assert.equal(columns('→'.repeat(120)), 120);
  assert.ok(isComment('  // a comment') && isComment(' * a JSDoc line') && isComment('/** doc */'));
  assert.ok(!isComment("  const s = '// not a comment';"));
});
