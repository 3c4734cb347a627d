import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/funnel/define.js';
import fulfilment from '../demo/public/data/funnel.fulfilment.json';
import fulfilmentPt from '../demo/public/data/funnel.fulfilment.pt-BR.json';
import leads from '../demo/public/data/funnel.leads.json';

type Args = {
  data?: unknown;
  src?: string;
  refresh?: number;
  timeout?: number;
  'percent-of'?: 'first' | 'previous';
  orientation?: 'horizontal' | 'vertical';
  variant?: 'default' | 'compact';
  scale?: 'linear' | 'log';
  segment?: string;
  multiples?: boolean;
  theme?: 'light' | 'dark';
  locale?: string;
  width?: number;
};

/**
 * `<kpi-funnel>`: a conversion funnel with conversion as % of the first or the
 * previous step, drop-off and time between steps, the largest drop marked, a
 * comparison period and segments.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Funnel',
  component: 'kpi-funnel',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 960}px`}>
    <kpi-funnel
      .data=${a.data}
      percent-of=${ifDefined(a['percent-of'])}
      orientation=${ifDefined(a.orientation)}
      variant=${ifDefined(a.variant)}
      scale=${ifDefined(a.scale)}
      segment=${ifDefined(a.segment)}
      ?multiples=${a.multiples}
      src=${ifDefined(a.src)} refresh=${ifDefined(a.refresh)} timeout=${ifDefined(a.timeout)} theme=${ifDefined(a.theme)}
      locale=${ifDefined(a.locale)}
    ></kpi-funnel>
  </div>`,
  args: { data: fulfilment, locale: 'en-US' },
  argTypes: controlsFor('kpi-funnel', { 'percent-of': ['first', 'previous'], scale: ['linear', 'log'] }),
};
export default meta;
type Story = StoryObj<Args>;

export const Fulfilment: Story = {};
export const PercentOfPrevious: Story = { args: { 'percent-of': 'previous' } };
export const Vertical: Story = { args: { orientation: 'vertical' } };
export const Leads: Story = { args: { data: leads } };
export const LeadsLogScale: Story = { args: { data: leads, scale: 'log' } };
export const OneSegment: Story = { args: { segment: 'northeast' } };
export const SegmentsSideBySide: Story = { args: { data: leads, multiples: true } };
export const Compact: Story = { args: { variant: 'compact', width: 240 } };
export const Phone: Story = { args: { width: 320 } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } } };
export const PortugueseBrazil: Story = { args: { data: fulfilmentPt, locale: 'pt-BR' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const OpenFunnelRisingCounts: Story = {
  args: {
    data: {
      kind: 'funnel', version: 1, title: 'Open funnel: counts can rise',
      steps: [
        { id: 'visit', label: 'Visited', count: 1000 },
        { id: 'browse', label: 'Browsed the catalogue', count: 1400 },
        { id: 'cart', label: 'Added to cart', count: 310 },
      ],
    },
  },
};
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...fulfilment, steps: fulfilment.steps.map((s) => ({ ...s, count: null })) } } };
export const Error: Story = { args: { data: { ...fulfilment, steps: [{ id: 'sessions', label: 'Sessions', count: -4 }] } } };
/** An agency brand set only through `--kpi-*` tokens and `::part`. */
export const WhiteLabel: Story = {
  render: (a) => html`<div style="max-width: 1200px">${branded(html`<kpi-funnel .data=${a.data} locale=${ifDefined(a.locale)}></kpi-funnel>`)}</div>`,
};
