import type { StorybookConfig } from '@storybook/web-components-vite';
import { LIGHT_DARK_BROWSERS } from '../vite.config.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  staticDirs: [{ from: '../demo/public/data', to: '/data' }],
  async viteFinal(config) {
    config.optimizeDeps = { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'lit-html/directive-helpers.js'] };
    config.esbuild = { ...(config.esbuild || {}), target: 'es2022' };
    // Keep light-dark() as written: lowered for older browsers, brand tokens turn into variables
    // (--lightningcss-light/-dark) that nothing defines, and a white label loses its colours.
    config.build = { ...config.build, cssTarget: LIGHT_DARK_BROWSERS };
    return config;
  },
};
export default config;
