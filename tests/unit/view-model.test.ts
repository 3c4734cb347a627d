// The view models: each value worked out again only when one of its inputs changed, and only then.
import { describe, expect, it } from 'vitest';
import { SlaTableModel, type SlaTableInput } from '../../src/view/regional-sla-model.js';
import { FunnelViewModel } from '../../src/view/funnel-model.js';
import { municipalities } from '../data/generators.js';
import { loadFixture } from './fixtures.js';
import { inLocale } from './view/helpers.js';
import { funnelStrings } from '../../src/i18n/en/funnel.js';
import type { FunnelOptions } from '../../src/view/funnel.js';
import type { FunnelDoc } from '../../src/index.js';

describe('SlaTableModel: filter, sort, groups and totals, each recomputed only when its inputs change', () => {
  const doc = municipalities(50);
  const base: SlaTableInput = {
    doc,
    version: 1,
    filter: '',
    sort: 'volume',
    dir: 'descending',
    grouped: false,
    loc: 'en',
    noGroup: 'No group',
    total: 'Total',
  };
  it('the same inputs give the same values, not new ones', () => {
    const m = new SlaTableModel();
    const shown = m.shown(base);
    expect(shown).toHaveLength(50);
    expect(m.shown({ ...base })).toBe(shown);
    expect(m.items({ ...base })).toBe(m.items(base));
    expect(m.total({ ...base })).toBe(m.total(base));
  });
  it('a sort orders again but keeps the filtered rows, the totals and the counts', () => {
    const m = new SlaTableModel();
    const [filtered, total, counts, shown] = [m.filtered(base), m.total(base), m.counts(base), m.shown(base)];
    const byLabel = { ...base, sort: 'label' as const, dir: 'ascending' as const };
    expect(m.shown(byLabel)).not.toBe(shown);
    expect(m.filtered(byLabel)).toBe(filtered);
    expect(m.total(byLabel)).toBe(total);
    expect(m.counts(byLabel)).toBe(counts);
  });
  it('a filter changes the rows, the totals and the counts; a new document everything', () => {
    const m = new SlaTableModel();
    const total = m.total(base);
    const label = doc.regions[0]!.label;
    const filtered = { ...base, filter: label };
    expect(m.shown(filtered).every((r) => r.label.toLowerCase().includes(label.toLowerCase()))).toBe(true);
    expect(m.total(filtered)).not.toBe(total);
    const rows = m.rows(base);
    expect(m.rows({ ...base, version: 2 })).not.toBe(rows);
  });
});

describe('FunnelViewModel', () => {
  const doc = loadFixture('funnel.fulfilment.json') as unknown as FunnelDoc;
  const o: FunnelOptions = { percentOf: 'first', scale: 'linear', ...inLocale(funnelStrings, 'en-US') };
  it('one model per document; a view per segment and options', () => {
    const m = new FunnelViewModel();
    const total = m.total(doc, 1);
    expect(m.total(doc, 1)).toBe(total);
    expect(m.total(doc, 2)).not.toBe(total);
    const view = m.view(doc, 2, undefined, o);
    expect(m.view(doc, 2, undefined, o)).toBe(view);
    expect(m.view(doc, 2, undefined, { ...o, percentOf: 'previous' })).not.toBe(view);
  });
});
