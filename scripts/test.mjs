// `npm test`: lint, type check, unit tests (Node), element tests (Chromium).
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
const env = { ...process.env, CHROME_PATH: chrome, PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}` };

const steps = [
  ['lint', 'eslint', ['.', '--max-warnings=0']],
  ['type check', 'tsc', ['--noEmit', '-p', 'tsconfig.json']],
  ['unit tests (Node)', 'vitest', ['run', '--config', 'vitest.config.ts']],
  ['build', 'node', ['scripts/build.mjs']],
  ['package tests (built package in Node)', 'node', ['--test', 'tests/node/']],
  ['element tests (Chromium)', 'web-test-runner', ['--config', 'web-test-runner.config.mjs']],
  // Each bench scenario still runs (one sample, no timing checks: these machines are noisy).
  ['bench smoke test', 'node', ['bench/run.mjs', '--smoke', '--no-build']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
