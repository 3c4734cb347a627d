import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { KpiTestElement } from '../tests/browser/helpers/test-element.js';
import { defineOnce } from '../src/core/define.js';
import { LOCALES } from './controls.js';
import funnel from '../demo/public/data/funnel.fulfilment.json';

/**
 * The states every kpi-kit widget shares, shown through the smallest possible
 * widget. Each real widget has the same states in its own stories.
 */
const meta: Meta = {
  title: 'Foundation/Base states',
  render: (args) => html`<kpi-test-element .data=${args['data']} theme=${args['theme'] ?? nothing} locale=${args['locale'] ?? 'en-US'} ?no-insights=${args['noInsights']} ?no-export=${args['noExport']}></kpi-test-element>`,
  args: { locale: 'en-US' },
  argTypes: {
    data: { control: 'object', description: 'The KPI document (here a `funnel` one); invalid, it shows the error state.' },
    theme: { control: 'inline-radio', options: ['light', 'dark'], description: '`light`, `dark`, or unset to follow the page\'s color-scheme.' },
    locale: { control: 'inline-radio', options: LOCALES, description: 'The language and number format of the built-in text (BCP 47).' },
    noInsights: { control: 'boolean', name: 'no-insights', description: 'Hides the insights: the sentences above the chart.' },
    noExport: { control: 'boolean', name: 'no-export', description: 'Hides the export menu (SVG image, PNG image, CSV data); `export()` still works.' },
  },
};
export default meta;
type Story = StoryObj;

// Defined here, not only by the helper's import: the package's sideEffects list does not name test
// helpers, so a production build dropped that import and these stories rendered blank.
defineOnce('kpi-test-element', KpiTestElement);

export const Ready: Story = { args: { data: funnel } };
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...funnel, steps: funnel.steps.map((s) => ({ ...s, count: null })) } } };
export const Error: Story = {
  args: { data: { ...funnel, version: 1, steps: [{ id: 'sessions', label: 'Sessions', count: -4 }, { id: 'bad id!', label: 'x', count: 1.5 }] } },
};
export const NewerVersion: Story = { args: { data: { ...funnel, version: 2 } } };
export const Dark: Story = { args: { data: funnel, theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };
export const PortugueseLoading: Story = { args: { data: undefined, locale: 'pt-BR' } };
/** The export menu, open: press Export (or Enter on it) for SVG image, PNG image and CSV data. */
export const ExportMenuOpen: Story = {
  args: { data: funnel },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kpi-test-element') as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    (el.shadowRoot?.querySelector('[part~="export"]') as HTMLButtonElement | null)?.click();
  },
};
/** `no-export` hides the export menu. */
export const WithoutExport: Story = { args: { data: funnel, noExport: true } };
/** Every widget says what it shows above its chart; `no-insights` hides the sentences. */
export const WithoutInsights: Story = { args: { data: funnel, noInsights: true } };
/** A document that carries its own insights (`kpi-kit build --insights`, or a backend's): shown instead of the widget's. */
export const DocumentsOwnInsights: Story = {
  args: {
    data: {
      ...funnel,
      insights: [
        { id: 'own.1', text: 'Sentences a backend wrote, shown as text: <b>never HTML</b>.', marks: ['delivered'] },
        { id: 'own.2', text: 'A conversão caiu na entrega (uma frase em pt-BR, lida em português).', marks: [], lang: 'pt-BR' },
      ],
    },
  },
};
