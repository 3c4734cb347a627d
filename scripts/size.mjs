// Gzip sizes of the CDN build against the budgets; exits 1 with the numbers when one is over.
//   node scripts/size.mjs            (after npm run build)
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'dist/cdn');
/** Budgets in gzipped kB (1 kB = 1,000 bytes): the whole kit and each single-widget file. */
export const BUDGET = { kit: 50, widget: 30 };

let over = 0;
const rows = readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => {
  const bytes = readFileSync(path.join(dir, f));
  const gz = gzipSync(bytes, { level: 9 }).length / 1000;
  const budget = f === 'kpi-kit.js' ? BUDGET.kit : BUDGET.widget;
  const ok = gz <= budget;
  if (!ok) over++;
  return `${ok ? '✓' : '✗'} ${f.padEnd(26)} ${(bytes.length / 1000).toFixed(1).padStart(7)} kB raw ${gz.toFixed(1).padStart(6)} kB gzip   budget ${budget} kB`;
});
console.log(rows.join('\n'));
if (over) {
  console.error(`${over} CDN file(s) over the size budget.`);
  process.exit(1);
}
