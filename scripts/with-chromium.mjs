// Usage: node scripts/with-chromium.mjs <command> [args…]
// Runs a command from node_modules/.bin with CHROME_PATH set to a working Chromium.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const [cmd, ...args] = process.argv.slice(2);
const chrome = ensureChromium();
const result = spawnSync(cmd, args, {
  stdio: 'inherit',
  shell: false,
  env: { ...process.env, CHROME_PATH: chrome, PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}` },
});
process.exit(result.status ?? 1);
