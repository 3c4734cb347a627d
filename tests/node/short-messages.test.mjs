import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHORT_MESSAGES, shortMessagesPlugin } from '../../scripts/short-messages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('each shortened message is still written that way in its library (an update that rewords one is noticed)', () => {
  for (const [lib, long] of SHORT_MESSAGES)
    assert.ok(readFileSync(path.join(root, 'node_modules', lib), 'utf8').includes(long), `${lib}: ${long}`);
});

test('the plugin shortens them in their own file only, and says what went wrong in fewer bytes', () => {
  const plugin = shortMessagesPlugin();
  const [lib, long, short] = SHORT_MESSAGES[0];
  const code = `throw Error(${JSON.stringify(long)} + x);`;
  assert.equal(
    plugin.transform(code, path.join(root, 'node_modules', lib)).code,
    `throw Error(${JSON.stringify(short)} + x);`,
  );
  assert.equal(plugin.transform(code, path.join(root, 'src/core/other.ts')), null);
  for (const [, l, s] of SHORT_MESSAGES) {
    assert.ok(s.length < l.length, s);
    assert.ok(/^(lit|zod)|^[ `(]/.test(s), `${s} names its library or continues one`);
  }
});

test('the CDN kit carries the short texts, not the long ones', () => {
  const kit = readFileSync(path.join(root, 'dist/cdn/kpi-kit.js'), 'utf8');
  assert.ok(!kit.includes('Use .parseAsync() instead'), "zod's long message is gone");
  assert.ok(kit.includes('zod: async in a sync parse'));
});
