import { describe, expect, it } from 'vitest';
import { channelRows, channelsView, formatMetric } from '../../../src/view/channels.js';
import { shareableMetrics } from '../../../src/compute/channels.js';
import { channelStrings } from '../../../src/i18n/en/channels.js';
import { formatValue } from '../../../src/format/index.js';
import type { ChannelsDoc } from '../../../src/index.js';
import { loadFixture } from '../fixtures.js';
import { assertCleanView, inLocale } from './helpers.js';

const en = inLocale(channelStrings, 'en-US');
const pt = inLocale(channelStrings, 'pt-BR');
const omni = loadFixture('channels.omnichannel.modelled.json') as unknown as ChannelsDoc;
const leads = loadFixture('channels.leads.json') as unknown as ChannelsDoc;

describe('formatValue: one formatter for every widget', () => {
  it.each([
    ['currency', 160.16, {}, 'R$160.16'],
    ['currency', 1500, {}, 'R$1,500'],
    ['currency', 0, {}, 'R$0'],
    ['currency', 61_800_000, { compact: true }, 'R$61.8M'],
    ['currency', 150.5, { centsBelow: 100 }, 'R$151'],
    ['integer', 250_000, { compact: true }, '250K'],
    ['integer', 250_000, {}, '250,000'],
    ['integer', 2.5, {}, '2.5'],
    ['percent', 0.1234, {}, '12.3%'],
    ['percent', 0.0004, { percentDigits: 1 }, '<0.1%'],
    ['duration', 7200, {}, '2 hr'],
    ['number', 1234.567, {}, '1,234.57'],
    ['number', null, {}, '—'],
    ['integer', Number.NaN, {}, '—'],
  ] as const)('%s %s %j → %s', (format, v, o, text) =>
    expect(formatValue('en-US', format, v, { currency: 'BRL', ...o })).toBe(text),
  );
});

describe('channelsView', () => {
  it('the omnichannel retailer: tiles say how each total was made, customers counted once', () => {
    const v = channelsView(omni, shareableMetrics(omni)[0], en);
    expect(v.tiles).toHaveLength(omni.metrics.length);
    expect(v.tiles.map((x) => x.sub)).toEqual(
      omni.metrics.map((m) =>
        m.id === 'customers' ? 'Sum of channels: 28,240' : m.aggregate === 'sum' ? 'Sum of channels' : 'Reported total',
      ),
    );
    const noTotal = { ...omni, totals: {} } as ChannelsDoc;
    expect(channelsView(noTotal, undefined, en).tiles[3]!).toMatchObject({
      value: '—',
      sub: 'Not summable: no total reported',
    });
    expect(v.customers!.line).toMatch(/^24,100 unique customers vs 28,240 summed across channels$/);
    expect(v.customers!.overlaps[0]!.pct).toBe(100);
    expect(Object.keys(v.tiles[0]!.byChannel)).toEqual(omni.channels.map((c) => c.id));
    assertCleanView(v);
  });
  it('tones against the median channel, inverted where lower is better, none for summed metrics', () => {
    const v = channelsView(omni, shareableMetrics(omni)[0], en);
    omni.metrics.forEach((m, i) => {
      const tones = omni.channels.map((c) => v.cells[c.id]![i]!.tone);
      if (m.aggregate === 'sum')
        expect(
          tones.every((x) => x === 'neutral'),
          m.id,
        ).toBe(true);
      else
        expect(
          tones.some((x) => x !== 'neutral'),
          m.id,
        ).toBe(true);
    });
    const lower = omni.metrics.findIndex((m) => m.better === 'lower');
    expect(lower).toBeGreaterThanOrEqual(0);
    const ids = omni.channels.map((c) => c.id).filter((id) => !v.cells[id]![lower]!.missing);
    const values = ids.map((id) => Number.parseFloat(v.cells[id]![lower]!.text.replace(/[^\d.]/g, '')));
    const best = ids[values.indexOf(Math.min(...values))]!;
    expect(v.cells[best]![lower]!.tone).toBe('better');
    expect(v.cells[best]![lower]!.toneName).toBe('better than the median channel');
    expect(v.toneKey).toBe('▲ better than the median channel · ▼ worse than the median channel');
  });
  it('no ▲/▼ key when no cell is toned (only summed metrics)', () => {
    const summed = { ...omni, metrics: omni.metrics.filter((m) => m.aggregate === 'sum') };
    expect(channelsView(summed, shareableMetrics(summed)[0], en).toneKey).toBeNull();
  });
  it('a channel without a metric: no data, never toned', () => {
    const v = channelsView(omni, undefined, en);
    const missing = Object.values(v.cells)
      .flat()
      .filter((c) => c.missing);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((c) => c.text === 'no data' && c.tone === 'neutral')).toBe(true);
    expect(v.mix).toBeNull();
    expect(v.trend).toBeNull();
  });
  it('the leads funnel by origin, in pt-BR: mix, trend labels and the screen-reader table', () => {
    const v = channelsView(leads, shareableMetrics(leads)[0], pt);
    expect(v.mix!.items[0]!.share).toMatch(/%$/);
    expect(v.mix!.segments.reduce((n, s) => n + s.pct, 0)).toBeCloseTo(100, 6);
    expect(v.trend!.table.rows).toHaveLength(leads.channels.length);
    expect(v.trend!.dates[0]).toMatch(/2017/);
    expect(v.customers).toBeNull();
    assertCleanView(v);
  });
  it('counts next to words read right for 1 as for many in pt-BR and es', () => {
    const one = {
      ...omni,
      customers: {
        ...omni.customers!,
        unique: 28239,
        overlaps: [{ channels: ['online_store', 'physical_stores'], customers: 0 }],
      },
    } as ChannelsDoc;
    const c = channelsView(one, undefined, pt).customers!;
    expect(c.duplicates).toBe('1 (0%) com contagem repetida');
    expect(c.rest).toBe('As sobreposições listadas somam 0; sem detalhe: 1.');
    expect(channelsView(one, undefined, inLocale(channelStrings, 'es')).customers!.duplicates).toMatch(
      /^1 \(0\s?%\) con conteo repetido$/,
    );
  });

  it('one unique customer: singular', () => {
    const one = { ...omni, customers: { ...omni.customers!, unique: 1, overlaps: [] } } as ChannelsDoc;
    expect(channelsView(one, undefined, en).customers!.line).toMatch(/^1 unique customer vs/);
    expect(channelsView(one, undefined, pt).customers!.line).toMatch(/^1 cliente único vs\./);
  });
});

describe('channelRows', () => {
  it('groups in first-seen order, a header where each group starts, sorted within groups', () => {
    const rows = channelRows(omni, 'label', 'ascending', 'en');
    expect(rows).toHaveLength(omni.channels.length);
    const starts = rows.filter((r) => r.groupStart !== null).map((r) => r.groupStart);
    expect(new Set(starts).size).toBe(starts.length);
    expect(channelRows(omni, 'nonsense', 'ascending', 'en').map((r) => r.id)).toEqual(
      channelRows(omni, '', 'ascending', 'en').map((r) => r.id),
    );
  });
  it('no groups: no header rows', () => {
    const plain = { ...omni, channels: omni.channels.map(({ group: _g, ...c }) => c) } as ChannelsDoc;
    expect(channelRows(plain, '', 'descending', 'en').every((r) => r.groupStart === null)).toBe(true);
  });
  it('formatMetric uses the document currency', () => {
    expect(formatMetric({ currency: 'EUR', channels: [], metrics: [] }, { format: 'currency' }, 12.5, 'en-US')).toBe(
      '€12.50',
    );
  });
  it('money reads alike in one widget: a R$ 3,065 revenue beside a R$ 200 average ticket, neither with cents', () => {
    const doc = {
      kind: 'channels',
      version: 1,
      currency: 'BRL',
      metrics: [
        { id: 'revenue', label: 'Revenue', format: 'currency', aggregate: 'sum' },
        { id: 'ticket', label: 'Average ticket', format: 'currency' },
      ],
      channels: [
        { id: 'web', label: 'Web', values: { revenue: 3065, ticket: 200 } },
        { id: 'app', label: 'App', values: { revenue: 800, ticket: 12.5 } },
      ],
      totals: { ticket: 200 },
    } as ChannelsDoc;
    const v = channelsView(doc, doc.metrics[0], inLocale(channelStrings, 'pt-BR'));
    expect(v.tiles.map((t) => t.value.replace(/\s/g, ' '))).toEqual(['R$ 3.865', 'R$ 200']);
    expect(formatMetric(doc, doc.metrics[1]!, 12.5, 'pt-BR').replace(/\s/g, ' ')).toBe('R$ 13');
    // Every amount below a thousand: cents on all.
    const small = {
      ...doc,
      channels: doc.channels.map((c) => ({ ...c, values: { revenue: 300, ticket: 20 } })),
      totals: { ticket: 20 },
    } as ChannelsDoc;
    expect(
      channelsView(small, small.metrics[0], inLocale(channelStrings, 'pt-BR')).tiles.map((t) =>
        t.value.replace(/\s/g, ' '),
      ),
    ).toEqual(['R$ 600,00', 'R$ 20,00']);
  });
});
