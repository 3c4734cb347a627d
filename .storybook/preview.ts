import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Written by `npm run build` (and `npm run storybook`): attributes, events, parts and tokens for autodocs and controls.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  // What the widget reports, not what a designer sets: shown in the Docs table, without a control.
  argTypes: { state: { control: false }, issues: { control: false } },
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
  },
  initialGlobals: { locale: 'en-US' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'en-US');
      return story();
    },
  ],
};
export default preview;
