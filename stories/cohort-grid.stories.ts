import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/cohort-grid/define.js';
import customers from '../demo/public/data/cohort.monthly-customers.json';
import revenue from '../demo/public/data/cohort.monthly-revenue.json';
import { weeklyCohorts } from '../tests/data/generators.js';

type Args = { data?: unknown; src?: string; refresh?: number; timeout?: number; mode?: string; scale?: 'global' | 'row'; curve?: boolean; theme?: 'light' | 'dark'; locale?: string; width?: number };

/** `<kpi-cohort-grid>`: retention, churn and LTV by acquisition cohort. */
const meta: Meta<Args> = {
  title: 'Widgets/Cohort grid',
  component: 'kpi-cohort-grid',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 1100}px`}>
    <kpi-cohort-grid .data=${a.data} mode=${ifDefined(a.mode)} scale=${ifDefined(a.scale)} ?curve=${a.curve}
      src=${ifDefined(a.src)} refresh=${ifDefined(a.refresh)} timeout=${ifDefined(a.timeout)} theme=${ifDefined(a.theme)} locale=${ifDefined(a.locale)}></kpi-cohort-grid>
  </div>`,
  args: { data: customers, locale: 'en-US' },
  argTypes: controlsFor('kpi-cohort-grid', { mode: ['percent', 'count', 'churn', 'revenue', 'ltv'], scale: ['global', 'row'] }),
};
export default meta;
type Story = StoryObj<Args>;

export const Retention: Story = {};
export const Customers: Story = { args: { mode: 'count' } };
export const Churn: Story = { args: { mode: 'churn' } };
export const RowScale: Story = { args: { scale: 'row' } };
export const WithCurve: Story = { args: { curve: true } };
export const RevenueLtv: Story = { args: { data: revenue } };
export const RevenuePerPeriod: Story = { args: { data: revenue, mode: 'revenue' } };
export const LargeWeeklyGrid: Story = { args: { data: weeklyCohorts(), curve: true } };
export const Phone: Story = { args: { width: 320 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const PortugueseBrazil: Story = { args: { data: revenue, locale: 'pt-BR' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...customers, cohorts: [] } } };
export const Error: Story = { args: { data: { ...customers, cohorts: [{ id: 'x', label: 'X', size: 10, values: [10, null, 3] }] } } };
/** An agency brand set only through `--kpi-*` tokens and `::part`. */
export const WhiteLabel: Story = {
  render: (a) => html`<div style="max-width: 1200px">${branded(html`<kpi-cohort-grid .data=${a.data} locale=${ifDefined(a.locale)}></kpi-cohort-grid>`)}</div>`,
};
