// Gzip sizes of the CDN build against the budgets (part of `npm test`, after the build).
//   node scripts/size.mjs              (after npm run build)
//   node scripts/size.mjs --dir DIR    (another folder of CDN files; the tests use it)
// Exits 1, with the numbers, when a file is over its budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirArg = process.argv.indexOf('--dir');
const dir = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]) : path.join(root, 'dist/cdn');
/**
 * Budgets in gzipped kB (1 kB = 1,000 bytes): each single-widget file, and the whole kit:
 * 50 kB for the first five widgets plus 6 kB for each widget (or the board) after them, plus at most
 * 6 kB for showing insights (issue #36; their rules and sentences load on demand, chunks/insights.js).
 */
export const BUDGET = { kit: 50, widget: 30, perExtraWidget: 6, insights: 6 };

const gzipKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1000;
let failed = 0;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .sort();
const widgets = files.filter((f) => f !== 'kpi-kit.js').length;
const kitBudget = BUDGET.kit + BUDGET.perExtraWidget * Math.max(0, widgets - 5) + BUDGET.insights;
const rows = files.map((f) => {
  const bytes = readFileSync(path.join(dir, f));
  const gz = gzipKb(bytes);
  const budget = f === 'kpi-kit.js' ? kitBudget : BUDGET.widget;
  const ok = gz <= budget;
  if (!ok) failed++;
  // Three decimals: 50.0 could be 50,049 bytes, over the budget.
  const room = ok ? `${((budget - gz) * 1000).toFixed(0)} B to spare` : `${((gz - budget) * 1000).toFixed(0)} B over`;
  return (
    `${ok ? '✓' : '✗'} ${f.padEnd(26)} ${(bytes.length / 1000).toFixed(1).padStart(7)} ` +
    `kB raw ${gz.toFixed(3).padStart(7)} kB gzip   budget ${budget} kB (${room})`
  );
});
console.log(rows.join('\n'));
if (failed) {
  console.error(`${failed} CDN file(s) over the size budget.`);
  process.exit(1);
}
