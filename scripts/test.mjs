// `npm test`: lint, build, type check, unit tests (Node, with DuckDB and a PostgreSQL server of their own), package
// tests, element and page tests (Chromium), bench smoke.
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { ensurePostgres } from './postgres.mjs';

const chrome = ensureChromium();
// The data path's tests start a PostgreSQL server of their own from these binaries.
const pgBin = ensurePostgres();
const env = {
  ...process.env,
  CHROME_PATH: chrome,
  KPI_PG_BIN: pgBin,
  PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`,
};

const steps = [
  // Prettier (print width 120) over the code; `npm run format` writes it.
  ['format', 'prettier', ['--check', 'src', 'components', 'scripts', 'bench', 'bin', 'tests']],
  ['lint', 'eslint', ['.', '--max-warnings=0']],
  // The build comes before the type check: the React JSX typings (types/react.d.ts) are checked against dist/types.
  ['build', 'node', ['scripts/build.mjs']],
  ['size budget (gzip, CDN files)', 'node', ['scripts/size.mjs']],
  // package.json exports, components/index.ts and the React typings follow the widget registry.
  ['generated files match the widget registry', 'node', ['scripts/generate.mjs', '--check']],
  ['type check', 'tsc', ['--noEmit', '-p', 'tsconfig.json']],
  ['unit tests (Node)', 'vitest', ['run', '--config', 'vitest.config.ts']],
  ['framework test pages (React bundle)', 'node', ['scripts/build-framework-pages.mjs']],
  ['package tests (built package in Node)', 'node', ['--test', 'tests/node/']],
  ['README API section matches the manifest', 'node', ['scripts/api-docs.mjs', '--check']],
  ['element tests (Chromium)', 'web-test-runner', ['--config', 'web-test-runner.config.mjs']],
  // Every Storybook story as a test in Chromium, with its a11y check.
  ['story tests (Storybook, Chromium)', 'vitest', ['run', '--config', 'vitest.stories.config.ts']],
  // Each bench scenario still runs (one sample, no timing checks: these machines are noisy).
  ['bench smoke test', 'node', ['bench/run.mjs', '--smoke', '--no-build']],
  // The data path's bench at small sizes (the CLI, the floor, PostgreSQL, the TS builders): it still runs.
  ['data path bench smoke test', 'node', ['bench/data-path.mjs', '--smoke']],
  // The server under autocannon for a second per side, on DuckDB and PostgreSQL: it still runs.
  ['serve bench smoke test', 'node', ['bench/serve.mjs', '--smoke']],
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
