import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
// @ts-expect-error: plain ESM helper without types
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

/**
 * Every story runs as a test in Debian's Chromium (no browser download): a story that throws, or whose
 * a11y check fails (parameters.a11y.test = 'error' in .storybook/preview.ts), fails `npm test`.
 */
export default defineConfig({
  plugins: [storybookTest({ configDir: path.join(__dirname, '.storybook') })],
  optimizeDeps: { include: ['lit-html/directive-helpers.js'] },
  test: {
    name: 'storybook',
    setupFiles: ['.storybook/vitest.setup.ts'],
    testTimeout: 30000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: process.env['CHROME_PATH'] ?? findChromium(), args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
