// The data path in a browser app: raw Olist files fetched (the demo's gzipped sample), turned
// into canonical orders and into documents by the pure builders (no database), and drawn by
// their widgets: every widget reaches "ready", shows the built numbers, nothing leaks.
import { expect } from '@open-wc/testing';
import '../../components/index.js';
import { olistOrders } from '../../src/data/olist.js';
import type { OrderRow } from '../../src/data/orders.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';
import { buildChannels } from '../../src/data/channels.js';
import { assertNoBadText, mountWidget, shadowText, untilState } from './helpers/util.js';

/** A raw file of the Olist sample (data/olist), gunzipped in the browser (unless the server already did). */
async function raw(name: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(`/data/olist/olist_${name}_dataset.csv.gz`)).arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

let orders: OrderRow[];
before(async () => {
  const [o, c, p, r] = await Promise.all(['orders', 'customers', 'order_payments', 'order_reviews'].map(raw));
  orders = olistOrders({ orders: o!, customers: c!, payments: p!, reviews: r! });
});

const ready = async (tag: string, doc: unknown) => {
  const el = await mountWidget<HTMLElement & { data: unknown; updateComplete: Promise<boolean> }>(tag, doc);
  await untilState(el, 'ready');
  assertNoBadText(el);
  return el;
};

describe('documents built in the browser from raw Olist rows render in their widgets', () => {
  it('15,000 orders become documents for five widgets, each ready with the built numbers', async () => {
    expect(orders.length).to.equal(15000);
    const cohort = buildCohort(orders, { period: 'month', from: '2017-01-01', to: '2018-08-31' });
    const cohortEl = await ready('kpi-cohort-grid', cohort);
    expect(shadowText(cohortEl)).to.include(String(cohort.cohorts[0]!.size));

    const metrics = ['delivery=ordered_at..delivered_at:days:12'].map(parseMetricSpec);
    const sla = buildRegionalSla(orders, { metrics, title: 'Delivery by state' }).doc;
    expect(sla.regions.map((r) => r.label)).to.include('São Paulo');
    const slaEl = await ready('kpi-regional-sla', sla);
    expect(shadowText(slaEl)).to.include('São Paulo');

    const funnel = buildFunnelFromOrders(orders, {
      steps: (['ordered_at', 'approved_at', 'shipped_at', 'delivered_at'] as const).map((column) => ({ column })),
      segmentBy: 'region_group',
    }).doc;
    const funnelEl = await ready('kpi-funnel', funnel);
    expect(shadowText(funnelEl)).to.include((funnel.steps[3]!.count ?? -1).toLocaleString('en-US'));

    const forecast = buildForecast(orders, { granularity: 'month', from: '2017-01-01', asOf: '2018-08-20' });
    expect(forecast.points.at(-1)).to.include({ period: '2018-08-01', partial: true });
    await ready('kpi-forecast', forecast);

    const channelsEl = await ready('kpi-channel-view', buildChannels(orders));
    expect(shadowText(channelsEl)).to.include('unknown');
  });
});
