import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/regional-sla/define.js';
import states from '../demo/public/data/regional-sla.states.json';
import statesPt from '../demo/public/data/regional-sla.states.pt-BR.json';
import { municipalities } from '../tests/data/generators.js';

type Args = { data?: unknown; src?: string; refresh?: number; timeout?: number; sort?: string; 'sort-dir'?: string; filter?: string; grouped?: boolean; theme?: 'light' | 'dark'; locale?: string; width?: number };

/** `<kpi-regional-sla>`: response or delivery times against SLA targets, region by region. */
const meta: Meta<Args> = {
  title: 'Widgets/Regional SLA',
  component: 'kpi-regional-sla',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 1280}px`}>
    <kpi-regional-sla .data=${a.data} sort=${ifDefined(a.sort)} sort-dir=${ifDefined(a['sort-dir'])} filter=${ifDefined(a.filter)}
      ?grouped=${a.grouped} src=${ifDefined(a.src)} refresh=${ifDefined(a.refresh)} timeout=${ifDefined(a.timeout)} theme=${ifDefined(a.theme)} locale=${ifDefined(a.locale)}></kpi-regional-sla>
  </div>`,
  args: { data: states, locale: 'en-US' },
  argTypes: controlsFor('kpi-regional-sla', { sort: 'text', 'sort-dir': ['ascending', 'descending'] }),
};
export default meta;
type Story = StoryObj<Args>;

export const States: Story = {};
export const Grouped: Story = { args: { grouped: true } };
export const SortedByBreachRate: Story = { args: { sort: 'delivery:breach', 'sort-dir': 'descending' } };
export const Filtered: Story = { args: { filter: 'sao' } };
export const FiveThousandMunicipalities: Story = { args: { data: municipalities(5000) } };
export const Phone: Story = { args: { width: 320 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const PortugueseBrazil: Story = { args: { data: statesPt, locale: 'pt-BR' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...states, regions: [] } } };
export const Error: Story = { args: { data: { ...states, metrics: [] } } };
/** An agency brand set only through `--kpi-*` tokens and `::part`. */
export const WhiteLabel: Story = {
  render: (a) => html`<div style="max-width: 1200px">${branded(html`<kpi-regional-sla .data=${a.data} locale=${ifDefined(a.locale)}></kpi-regional-sla>`)}</div>`,
};
