import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  staticDirs: [{ from: '../demo/public/data', to: '/data' }],
  async viteFinal(config) {
    config.optimizeDeps = { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'lit-html/directive-helpers.js'] };
    config.esbuild = { ...(config.esbuild || {}), target: 'es2022' };
    return config;
  },
};
export default config;
