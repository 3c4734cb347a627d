/** The benchmark scenarios of a page of twenty mixed widgets, against twenty ECharts charts. */
import { make, box, step, heap, echarts, type Widget, type Result } from './harness.js';
import { funnelOption, heatmapOption } from './data.js';
import { weeklyCohorts } from '../../tests/data/generators.js';
import funnelFixture from '../../demo/public/data/funnel.fulfilment.json';
import cohortFixture from '../../demo/public/data/cohort.monthly-customers.json';
import checkoutFixture from '../../demo/public/data/checkout-friction.modelled.json';
import slaFixture from '../../demo/public/data/regional-sla.states.json';
import channelsFixture from '../../demo/public/data/channels.omnichannel.modelled.json';
import type { FunnelDoc } from '../../src/index.js';

export const widgets20Scenarios: Record<string, Record<string, () => Promise<Result>>> = {
  widgets20: {
    'kpi-kit': async () => {
      const docs: [string, unknown][] = [
        ['kpi-funnel', funnelFixture],
        ['kpi-cohort-grid', cohortFixture],
        ['kpi-checkout-friction', checkoutFixture],
        ['kpi-regional-sla', slaFixture],
        ['kpi-channel-view', channelsFixture],
      ];
      const out: Result = {};
      const els: Widget[] = [];
      await step(
        out,
        'all ready',
        () => {
          for (let i = 0; i < 20; i++) {
            const [tag, doc] = docs[i % 5]!;
            const el = make(tag);
            el.data = doc;
            box(600, 400).append(el);
            els.push(el);
          }
        },
        () => Promise.all(els.map((e) => e.updateComplete)),
      );
      if (!els.every((e) => e.getAttribute('state') === 'ready')) throw new Error('not all ready');
      return { ...out, ...(await heap()) };
    },
    echarts: async () => {
      const cohort = cohortFixture as unknown as ReturnType<typeof weeklyCohorts>;
      const options = [
        funnelOption(
          {
            ...(funnelFixture as unknown as FunnelDoc),
            segments: [
              { id: 'all', label: 'All', steps: funnelFixture.steps.map((s) => ({ id: s.id, count: s.count })) },
            ],
          },
          'first',
        ),
        {
          ...heatmapOption({ ...cohort, cohorts: cohort.cohorts } as ReturnType<typeof weeklyCohorts>, 'percent'),
          xAxis: { type: 'category', data: Array.from({ length: 20 }, (_, i) => String(i)) },
        },
        {
          animation: false,
          xAxis: { type: 'category', data: checkoutFixture.steps.map((s) => s.label) },
          yAxis: { type: 'value' },
          series: [{ type: 'bar', data: checkoutFixture.steps.map((s) => s.exited) }],
        },
        {
          animation: false,
          xAxis: { type: 'category', data: slaFixture.regions.map((r) => r.id) },
          yAxis: { type: 'value' },
          series: slaFixture.metrics.map((m) => ({
            type: 'bar',
            data: slaFixture.regions.map((r) => (r.values as Record<string, { p90: number }>)[m.id]?.p90 ?? null),
          })),
        },
        {
          animation: false,
          legend: {},
          xAxis: { type: 'category', data: channelsFixture.channels[0]!.series!.map((b) => b.date) },
          yAxis: { type: 'value' },
          series: channelsFixture.channels.map((c) => ({
            type: 'bar',
            stack: 'all',
            name: c.label,
            data: (c.series ?? []).map((b) => (b.values as Record<string, number>)['revenue'] ?? null),
          })),
        },
      ];
      const out: Result = {};
      const done: Promise<void>[] = [];
      await step(
        out,
        'all ready',
        () => {
          for (let i = 0; i < 20; i++) {
            const chart = echarts.init(box(600, 400), undefined, { renderer: 'canvas' });
            done.push(new Promise<void>((r) => chart.on('finished', () => r())));
            chart.setOption(options[i % 5]!);
          }
        },
        () => Promise.all(done),
      );
      return { ...out, ...(await heap()) };
    },
  },
};
