// Gzip sizes of the CDN build against the budgets (part of `npm test`, after the build).
//   node scripts/size.mjs              (after npm run build)
//   node scripts/size.mjs --dir DIR    (another folder of CDN files; the tests use it)
// Exits 1, with the numbers, when a single-widget file is over its budget or the whole
// kit grows past KIT_CEILING.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirArg = process.argv.indexOf('--dir');
const dir = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]) : path.join(root, 'dist/cdn');
/** Budgets in gzipped kB (1 kB = 1,000 bytes): the whole kit and each single-widget file. */
export const BUDGET = { kit: 50, widget: 30 };
/**
 * The whole kit is not yet within its 50 kB budget (see the README's size section).
 * Until it is, this ceiling (where it stands today plus a little rounding room) stops it
 * from growing: lower it as the kit shrinks, and delete it once the kit is ≤ BUDGET.kit.
 */
export const KIT_CEILING = 54.5;

const gzipKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1000;
let failed = 0;
const notes = [];
const rows = readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => {
  const bytes = readFileSync(path.join(dir, f));
  const gz = gzipKb(bytes);
  const isKit = f === 'kpi-kit.js';
  const budget = isKit ? BUDGET.kit : BUDGET.widget;
  const ok = gz <= budget;
  if (!ok && isKit) {
    notes.push(`kpi-kit.js is ${(gz - budget).toFixed(1)} kB over its ${budget} kB budget (known; it may not grow past ${KIT_CEILING} kB).`);
    if (gz > KIT_CEILING) failed++;
  } else if (!ok) failed++;
  return `${ok ? '✓' : '✗'} ${f.padEnd(26)} ${(bytes.length / 1000).toFixed(1).padStart(7)} kB raw ${gz.toFixed(1).padStart(6)} kB gzip   budget ${budget} kB`;
});
console.log(rows.join('\n'));
for (const note of notes) console.log(note);
if (failed) {
  console.error(`${failed} CDN file(s) over the size budget${notes.length ? ' or the kit ceiling' : ''}.`);
  process.exit(1);
}
