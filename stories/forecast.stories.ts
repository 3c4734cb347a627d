import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/forecast/define.js';
import monthly from '../demo/public/data/forecast.monthly-revenue.json';
import daily from '../demo/public/data/forecast.daily-revenue.json';
import provided from '../demo/public/data/forecast.weekly-provided.json';
import pipeline from '../demo/public/data/forecast.pipeline.modelled.json';

type Args = { data?: unknown; src?: string; refresh?: number; timeout?: number; theme?: 'light' | 'dark'; locale?: string; width?: number };

/** `<kpi-forecast>`: where a metric is heading against target, with its band, pacing of the running period and the pipeline. */
const meta: Meta<Args> = {
  title: 'Widgets/Forecast',
  component: 'kpi-forecast',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 1100}px`}>
    <kpi-forecast .data=${a.data} src=${ifDefined(a.src)} refresh=${ifDefined(a.refresh)} timeout=${ifDefined(a.timeout)} theme=${ifDefined(a.theme)} locale=${ifDefined(a.locale)}></kpi-forecast>
  </div>`,
  args: { data: monthly, locale: 'en-US' },
  argTypes: controlsFor('kpi-forecast', {}),
};
export default meta;
type Story = StoryObj<Args>;

/** A small series made up for the edge stories (not real data). */
const series = (title: string, values: (number | null)[], format: 'currency' | 'number' = 'number') => ({
  kind: 'forecast', version: 1, title, currency: 'BRL', granularity: 'month', metric: { label: title, format },
  points: values.map((actual, i) => ({ period: `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, actual })),
  forecast: { horizon: 6 },
});

/** Olist monthly revenue: August 2018 running (paced by weekday from its days), targets, three months ahead. */
export const MonthlyWithPacing: Story = {};
/** Olist daily revenue, two weeks ahead with a weekly season. */
export const Daily: Story = { args: { data: daily } };
/** The backend's own forecast, drawn as given. */
export const ProvidedForecast: Story = { args: { data: provided } };
/** A services firm's bookings against quota, with its pipeline (modelled). */
export const Pipeline: Story = { args: { data: pipeline } };
/** Three months only: too little history for a model, so the last value is repeated (and said). */
export const Short: Story = { args: { data: series('Short series', [120, 135, 128]) } };
export const Flat: Story = { args: { data: series('Flat series', Array(18).fill(500)) } };
export const ZeroHeavy: Story = { args: { data: series('Zero-heavy series', Array.from({ length: 24 }, (_, i) => (i % 5 === 0 ? 900 : 0))) } };
export const Negative: Story = { args: { data: series('Net cash flow', Array.from({ length: 24 }, (_, i) => -400 + 300 * Math.sin(i / 2))) } };
export const Gaps: Story = { args: { data: series('Series with gaps', Array.from({ length: 24 }, (_, i) => (i % 7 === 3 ? null : 200 + 10 * i))) } };
export const Phone: Story = { args: { width: 320 } };
export const PhonePipeline: Story = { args: { data: pipeline, width: 320 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const PortugueseBrazil: Story = { args: { locale: 'pt-BR' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Loading: Story = { args: { data: undefined } };
export const Empty: Story = { args: { data: { ...monthly, points: monthly.points.map((p) => ({ period: p.period, target: p.target })), pacing: undefined } } };
export const Error: Story = { args: { data: { ...monthly, granularity: 'year', points: [] } } };
/** An agency brand set only through `--kpi-*` tokens and `::part`. */
export const WhiteLabel: Story = {
  render: (a) => html`<div style="max-width: 1100px">${branded(html`<kpi-forecast .data=${a.data} locale=${ifDefined(a.locale)}></kpi-forecast>`)}</div>`,
};
