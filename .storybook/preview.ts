import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
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
