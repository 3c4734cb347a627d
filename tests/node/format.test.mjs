// Lines people can read: Prettier formats src/, components/, scripts/, bench/, bin/ and tests/ to 120
// columns (`npm test` runs `prettier --check` first). What Prettier cannot wrap is text: comments,
// which must fit too, and string and template literals (messages, SQL, HTML), whose long lines may
// only get fewer (LONG_LITERAL_LINES). Three elements wait for their split before Prettier formats
// them (.prettierignore).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WIDTH = 120;
/** Lines over 120 columns that hold literal text (none of them a comment); a ratchet: lower it as they are wrapped. */
const LONG_LITERAL_LINES = 135;

/** The columns a line takes (code points, as an editor counts them). */
export const columns = (line) => [...line].length;
/** A comment line: `//`, a JSDoc or block comment's line. */
export const isComment = (line) => /^\s*(\/\/|\/\*|\*)/.test(line);

const sources = () =>
  execFileSync(
    'git',
    [
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
      'src',
      'components',
      'scripts',
      'bench',
      'bin',
      'tests',
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/\/dist\//.test(f));

test('no comment line is over 120 columns, and long literal lines only get fewer', () => {
  const comments = [];
  const literals = [];
  for (const f of sources()) {
    readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (columns(line) <= WIDTH) return;
        (isComment(line) ? comments : literals).push(`${f}:${i + 1}`);
      });
  }
  assert.deepEqual(comments, []);
  assert.ok(
    literals.length <= LONG_LITERAL_LINES,
    `${literals.length} long literal lines (at most ${LONG_LITERAL_LINES}):\n${literals.join('\n')}`,
  );
});

test('the checks count what they say', () => {
  assert.equal(columns('→'.repeat(120)), 120);
  assert.ok(isComment('  // a comment') && isComment(' * a JSDoc line') && isComment('/** doc */'));
  assert.ok(!isComment("  const s = '// not a comment';"));
});
