// Finds a Chromium/Chrome for the tests: $CHROME_PATH, /usr/bin/chromium, then Chrome.
// Where none is found, installs Debian's Chromium when running as root with apt-get,
// or stops with one line that says how.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// The places kpi-kit render looks too (src/render/index.ts): one list.
const CANDIDATES = JSON.parse(readFileSync(new URL('../src/render/chromium-paths.json', import.meta.url), 'utf8'));

export function findChromium() {
  const env = process.env.CHROME_PATH;
  if (env && existsSync(env)) return env;
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("kpi-kit: no Chromium found; installing Debian's chromium with apt-get (about a minute)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const after = findChromium();
    if (after) return after;
  }
  console.error(
    'kpi-kit: no Chromium or Chrome found: ' +
      'run `sudo apt-get install -y chromium` or set CHROME_PATH to a Chrome binary.',
  );
  process.exit(1);
}

/** Flags for headless Chromium on these machines: no sandbox as root, no GPU, no background network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
