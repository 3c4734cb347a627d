import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/checkout-friction/define.js';
import checkout from '../demo/public/data/checkout-friction.modelled.json';

type Args = { data?: unknown; src?: string; refresh?: number; timeout?: number; breakdown?: string; 'rank-by'?: 'count' | 'revenue'; theme?: 'light' | 'dark'; locale?: string; width?: number };

/** `<kpi-checkout-friction>`: where the checkout loses buyers, why, and the revenue at risk. */
const meta: Meta<Args> = {
  title: 'Widgets/Checkout friction',
  component: 'kpi-checkout-friction',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 1200}px`}>
    <kpi-checkout-friction .data=${a.data} breakdown=${ifDefined(a.breakdown)} rank-by=${ifDefined(a['rank-by'])}
      src=${ifDefined(a.src)} refresh=${ifDefined(a.refresh)} timeout=${ifDefined(a.timeout)} theme=${ifDefined(a.theme)} locale=${ifDefined(a.locale)}></kpi-checkout-friction>
  </div>`,
  args: { data: checkout, locale: 'en-US' },
  argTypes: controlsFor('kpi-checkout-friction', { breakdown: ['', 'device:mobile', 'device:desktop'] }),
};
export default meta;
type Story = StoryObj<Args>;

export const AllShoppers: Story = {};
export const MobileBreakdown: Story = { args: { breakdown: 'device:mobile' } };
export const RankedByRevenue: Story = { args: { 'rank-by': 'revenue' } };
export const Phone: Story = { args: { width: 320 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const PortugueseBrazil: Story = { args: { locale: 'pt-BR' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...checkout, steps: [], breakdowns: [] } } };
export const Error: Story = { args: { data: { ...checkout, steps: [{ id: 'cart', label: 'Cart', entered: 10, exited: 20 }] } } };
/** An agency brand set only through `--kpi-*` tokens and `::part`. */
export const WhiteLabel: Story = {
  render: (a) => html`<div style="max-width: 1200px">${branded(html`<kpi-checkout-friction .data=${a.data} locale=${ifDefined(a.locale)}></kpi-checkout-friction>`)}</div>`,
};
