import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Written by `npm run build` (and `npm run storybook`): attributes, events, parts and tokens for autodocs and controls.
import manifest from '../custom-elements.json';
import { branded } from '../stories/brand.js';
import { html, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'Locale for the widgets',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en-US', 'pt-BR', 'es'], dynamicTitle: true },
    },
    // The page's color-scheme, which widgets without a theme attribute follow.
    scheme: {
      description: 'The page\'s color-scheme',
      toolbar: {
        title: 'Theme', icon: 'contrast', dynamicTitle: true,
        items: [{ value: 'light', title: 'Light page' }, { value: 'dark', title: 'Dark page' }, { value: 'light dark', title: 'Follow the OS' }],
      },
    },
    brand: {
      description: 'An agency\'s white label (public tokens and ::part only)',
      toolbar: { title: 'Brand', icon: 'paintbrush', dynamicTitle: true, items: [{ value: 'default', title: 'kpi-kit default' }, { value: 'aurora', title: 'Agência Aurora' }] },
    },
  },
  initialGlobals: { locale: 'en-US', scheme: 'light', brand: 'default' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'en-US');
      const scheme = String(context.globals['scheme'] ?? 'light');
      document.documentElement.style.colorScheme = scheme;
      document.body.style.background = scheme === 'dark' ? '#0d1117' : '';
      const rendered = story() as TemplateResult;
      const shown = context.globals['brand'] === 'aurora' ? branded(rendered) : rendered;
      // Every widget's events (bubbling, composed) in the Actions panel.
      return html`<div @kpi-select=${action('kpi-select')} @kpi-error=${action('kpi-error')}>${shown}</div>`;
    },
  ],
};
export default preview;
