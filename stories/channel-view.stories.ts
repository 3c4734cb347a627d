import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/channel-view/define.js';
import omni from '../demo/public/data/channels.omnichannel.modelled.json';
import leads from '../demo/public/data/channels.leads.json';

type Args = { data?: unknown; src?: string; refresh?: number; timeout?: number; metric?: string; sort?: string; theme?: 'light' | 'dark'; locale?: string; width?: number };

/** `<kpi-channel-view>`: sales and retention across channels, each customer counted once. */
const meta: Meta<Args> = {
  title: 'Widgets/Channel view',
  component: 'kpi-channel-view',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 1200}px`}>
    <kpi-channel-view .data=${a.data} metric=${ifDefined(a.metric)} sort=${ifDefined(a.sort)} src=${ifDefined(a.src)} refresh=${ifDefined(a.refresh)} timeout=${ifDefined(a.timeout)} theme=${ifDefined(a.theme)} locale=${ifDefined(a.locale)}></kpi-channel-view>
  </div>`,
  args: { data: omni, locale: 'en-US' },
  argTypes: controlsFor('kpi-channel-view', {}),
};
export default meta;
type Story = StoryObj<Args>;

const twelve = {
  ...leads,
  title: 'Twelve channels',
  channels: [
    ...leads.channels,
    { ...leads.channels[0], id: 'partners', label: 'Partners' },
    { ...leads.channels[1], id: 'events', label: 'Events' },
  ],
};

export const Omnichannel: Story = {};
export const Orders: Story = { args: { metric: 'orders' } };
export const SortedByCac: Story = { args: { sort: 'cac' } };
export const LeadChannels: Story = { args: { data: leads } };
export const TwelveChannels: Story = { args: { data: twelve } };
export const Phone: Story = { args: { width: 320 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const PortugueseBrazil: Story = { args: { locale: 'pt-BR' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...omni, channels: [], customers: undefined } } };
export const Error: Story = { args: { data: { ...omni, metrics: [] } } };
/** An agency brand set only through `--kpi-*` tokens and `::part`. */
export const WhiteLabel: Story = {
  render: (a) => html`<div style="max-width: 1200px">${branded(html`<kpi-channel-view .data=${a.data} locale=${ifDefined(a.locale)}></kpi-channel-view>`)}</div>`,
};
