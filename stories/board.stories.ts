import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { branded } from './brand.js';
import { controlsFor } from './controls.js';
import '../components/index.js';
import demoBoard from '../demo/public/data/board.demo.json';
import staticBoard from '../demo/public/data/board.static.json';
import funnel from '../demo/public/data/funnel.fulfilment.json';
import funnelPt from '../demo/public/data/funnel.fulfilment.pt-BR.json';
import checkout from '../demo/public/data/checkout-friction.modelled.json';
import cohort from '../demo/public/data/cohort.monthly-customers.json';
import sla from '../demo/public/data/regional-sla.states.json';
import slaPt from '../demo/public/data/regional-sla.states.pt-BR.json';
import channels from '../demo/public/data/channels.omnichannel.modelled.json';
import forecast from '../demo/public/data/forecast.monthly-revenue.json';

type Args = {
  manifest?: unknown;
  fetcher?: typeof fetch;
  filters?: unknown;
  theme?: 'light' | 'dark';
  locale?: string;
  width?: number;
};

/**
 * A mocked `kpi-kit serve`: each `/kpi/<kind>` answers its fixture (in Portuguese where there is one, for a pt
 * board), subtitled with the filters it was asked for, so a designer sees a filter reach exactly the widgets that
 * list it; `/kpi/values/<field>` lists the fixtures' regions and channels.
 */
function mockServer(portuguese = false): typeof fetch {
  const docs: Record<string, { subtitle?: string }> = {
    funnel: portuguese ? funnelPt : funnel,
    'checkout-friction': checkout,
    cohort,
    'regional-sla': portuguese ? slaPt : sla,
    channels,
    forecast,
  };
  const values: Record<string, unknown[]> = {
    region: sla.regions.map((r) => ({ id: r.id, label: r.label, group: r.group, count: r.volume })),
    channel: channels.channels.map((c) => ({ id: c.id, label: c.label, count: 1 })),
    store: [
      { id: 'loja-aurora', label: 'Loja Aurora', count: 24000 },
      { id: 'loja-brisa', label: 'Loja Brisa', count: 9000 },
    ],
  };
  return async (input) => {
    const url = new URL(String(input), location.href);
    const field = url.pathname.match(/^\/kpi\/values\/(\w+)$/)?.[1];
    if (field) return Response.json(values[field] ?? []);
    const doc = docs[url.pathname.replace(/^\/kpi\//, '')];
    if (!doc) return new Response('not found', { status: 404 });
    const asked = [...url.searchParams].filter(([k]) => ['from', 'to', 'region', 'channel', 'store'].includes(k));
    const subtitle = asked.length ? `Filtered: ${asked.map(([k, v]) => `${k}=${v}`).join(' · ')}` : doc.subtitle;
    return Response.json({ ...doc, subtitle });
  };
}

/** `<kpi-board>`: a dashboard of the widgets from one manifest, with shared filters (here over a mocked server). */
const meta: Meta<Args> = {
  title: 'Widgets/Board',
  component: 'kpi-board',
  render: (a) => html`<div style=${`max-width: ${a.width ?? 1280}px`}>
    <kpi-board
      no-url-state
      .manifest=${a.manifest}
      .fetcher=${a.fetcher}
      .filters=${a.filters ?? {}}
      theme=${ifDefined(a.theme)}
      locale=${ifDefined(a.locale)}
    ></kpi-board>
  </div>`,
  args: { manifest: demoBoard, fetcher: mockServer(), locale: 'en-US' },
  argTypes: controlsFor('kpi-board'),
};
export default meta;
type Story = StoryObj<Args>;

export const Dashboard: Story = {};
/** Filters set by the host (`board.filters = …`): chips, and only the widgets that list them asked again. */
export const Filtered: Story = {
  args: { filters: { from: '2025-07-01', to: '2025-12-31', region: ['BR-SP', 'BR-RJ'], channel: ['whatsapp'] } },
};
export const PortugueseBrazil: Story = { args: { locale: 'pt-BR', fetcher: mockServer(true) } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };
export const Phone: Story = { args: { width: 320 } };
/** Plain JSON files, no server: filters a widget cannot apply are not offered, and the board says so. */
export const StaticFiles: Story = { args: { manifest: staticBoard, fetcher: undefined } };
export const Loading: Story = { args: { fetcher: () => new Promise<Response>(() => undefined) } };
export const Error: Story = {
  args: { manifest: { kind: 'board', version: 1, widgets: [{ id: 'x', kind: 'gauge', src: '/kpi/gauge' }] } },
};
/** An agency brand set only through `--kpi-*` tokens and `::part`, reaching every widget on the board. */
export const WhiteLabel: Story = {
  render: (a) =>
    html`<div style="max-width: 1280px">
      ${branded(html`<kpi-board no-url-state .manifest=${a.manifest} .fetcher=${a.fetcher} locale=${ifDefined(a.locale)}></kpi-board>`)}
    </div>`,
};
