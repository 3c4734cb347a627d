import { defineConfig } from 'vitest/config';

// Pure modules (schema, compute, layout, format, i18n) run in Node: this also proves
// the package root works outside the browser. Elements run in Chromium via web-test-runner.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    reporters: ['default'],
  },
});
