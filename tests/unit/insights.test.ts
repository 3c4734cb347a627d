// Insights: on every demo document, in en, pt-BR and es, each kind says what the issue lists; every
// number in every sentence is one of its facts as the formatters write it; the facts equal a
// reference computed here, the plain way; plurals and agreement hold ("1 região", "2 regiões").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insights, formatFact, wholeMoneyIn, type Insight, type InsightFact } from '../../src/insights/index.js';
import { insight, money, type Say } from '../../src/insights/rule.js';
import type { KpiDoc } from '../../src/kinds/contract.js';
import type { RegionalSlaDoc } from '../../src/schema/regional-sla.js';
import type { FunnelDoc } from '../../src/schema/funnel.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'demo/public/data');
const DOCS: [string, KpiDoc][] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as KpiDoc]);
const LOCALES = ['en', 'pt-BR', 'es'];

/** The numbers a sentence writes (digits with their separators, signs, units), as text. */
const numbersIn = (text: string) => text.match(/[+−-]?\d[\d.,\u00a0\u202f]*\d*/g) ?? [];

/** Each number of the sentence is one of its facts, written by the formatter (else the problem). */
function untraced(i: Insight, locale: string, currency?: string): string[] {
  const whole = wholeMoneyIn(i.facts);
  const written = Object.values(i.facts).map((f) => formatFact(f, { locale, currency }, whole));
  const labels = i.text.match(/“[^”]*”/g) ?? [];
  let rest = i.text;
  for (const l of labels) rest = rest.replace(l, '');
  for (const w of [...written].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  return numbersIn(rest).filter((n) => /\d/.test(n));
}

describe('on every demo document, in every language', () => {
  /** What the issue lists for each kind, where the document has what it speaks of. */
  const want = (doc: KpiDoc): string[] => {
    switch (doc.kind) {
      case 'funnel':
        return ['funnel.conversion', 'funnel.loss', ...(doc.segments?.length ? ['funnel.weakest-segment'] : [])];
      case 'checkout-friction':
        return ['checkout.top-risk', 'checkout.biggest-exit'];
      case 'cohort':
        return ['cohort.latest', 'cohort.best-worst'];
      case 'regional-sla':
        return ['sla.most-late', ...doc.metrics.map((m) => `sla.breaches.${m.id}`)];
      case 'channels':
        return ['channels.largest', ...(doc.customers?.unique !== undefined ? ['channels.shared-customers'] : [])];
      case 'forecast':
        return ['forecast.next', ...(doc.points.some((p) => p.partial && p.target != null) ? ['forecast.close'] : [])];
      default:
        return []; // a board manifest has none
    }
  };
  for (const [file, doc] of DOCS)
    for (const locale of LOCALES)
      it(`${file} (${locale}): the insights of its kind, each number one of its facts`, () => {
        const list = insights(doc, { locale });
        expect(list.map((i) => i.id)).toEqual(expect.arrayContaining(want(doc)));
        for (const i of list) {
          expect(i.text).not.toMatch(/NaN|Infinity|undefined|null|—/);
          expect(untraced(i, locale, 'currency' in doc ? doc.currency : undefined), i.text).toEqual([]);
          expect(i.importance).toBeGreaterThan(0);
          expect(i.importance).toBeLessThanOrEqual(1);
        }
        expect(list.map((i) => i.importance)).toEqual([...list.map((i) => i.importance)].sort((a, b) => b - a));
      });
  it('the forecast with a target says its projected close, the gap and what each day needs', () => {
    const doc = DOCS.find(([f]) => f === 'forecast.pipeline.modelled.json')![1];
    const [close] = insights(doc, { locale: 'pt-BR' });
    expect(close!.id).toBe('forecast.close');
    expect(close!.text).toMatch(
      /^O período em curso deve fechar em R\$\s[\d.]+, [\d,]+% da meta de R\$\s[\d.]+\. Para chegar lá/,
    );
    expect(Object.keys(close!.facts).sort()).toEqual(['attainment', 'daysLeft', 'perDay', 'projected', 'target']);
  });
  it('the check catches a number that is not a fact (a template broken on purpose)', () => {
    const [first] = insights(DOCS.find(([, d]) => d.kind === 'funnel')![1], { locale: 'en' });
    expect(untraced({ ...first!, text: `${first!.text} That is 12.5% better.` }, 'en')).toEqual(['12.5']);
  });
});

const sla = (breaches: number, regions: number): RegionalSlaDoc => ({
  kind: 'regional-sla',
  version: 1,
  metrics: [{ id: 'delivery', label: 'Entrega', unit: 'days', target: 10 }],
  regions: Array.from({ length: regions }, (_, i) => ({
    id: `R${i}`,
    label: `Região ${i}`,
    volume: 100,
    values: { delivery: { p50: i < breaches ? 12 : 5, p90: i < breaches ? 20 : 9, withinTarget: 90 - i, total: 100 } },
  })),
});

describe('plurals and agreement', () => {
  it.each([
    ['pt-BR', 1, 1, '1 de 1 região estoura a meta de “Entrega”.'],
    ['pt-BR', 2, 3, '2 de 3 regiões estouram a meta de “Entrega”.'],
    ['pt-BR', 0, 1, 'Nenhuma região estoura a meta de “Entrega” (1 medida).'],
    ['en', 1, 2, '1 of 2 regions breaches the target of “Entrega”.'],
    ['en', 0, 5, 'No region breaches the target of “Entrega” (5 measured).'],
    ['es', 2, 2, '2 de 2 regiones incumplen el objetivo de “Entrega”.'],
    ['es', 0, 4, 'Ninguna región incumple el objetivo de “Entrega” (4 medidas).'],
  ])('%s: %i of %i', (locale, breaches, regions, text) => {
    expect(insights(sla(breaches, regions), { locale }).find((i) => i.id === 'sla.breaches.delivery')!.text).toBe(text);
  });
  it('cohort periods agree with their noun: “Na segunda semana”, “No segundo mês”', () => {
    const cohort = (periodUnit: 'week' | 'month') =>
      insights(
        {
          kind: 'cohort',
          version: 1,
          measure: 'customers',
          periodUnit,
          cohorts: [
            { id: 'a', label: 'A', size: 100, values: [100, 20] },
            { id: 'b', label: 'B', size: 50, values: [50, 5] },
          ],
        } as KpiDoc,
        { locale: 'pt-BR' },
      )[0]!.text;
    expect(cohort('week')).toBe(
      'Na segunda semana, a coorte mais recente (“B”) manteve 10% dos clientes; ' + 'a média nessa idade é 16,7%.',
    );
    expect(cohort('month')).toMatch(/^No segundo mês/);
  });
});

describe('money in one sentence reads alike', () => {
  const say = (facts: Record<string, InsightFact>, locale = 'pt-BR') => {
    const s: Say = {
      t: {} as Say['t'],
      c: { locale, currency: 'BRL' },
      f: (f, whole) => formatFact(f, { locale, currency: 'BRL' }, whole),
    };
    return insight(s, { id: 'x', type: 'outlook', importance: 1, marks: [] }, facts, (w) => `${w['a']} a ${w['b']}`)
      .text;
  };
  it.each([
    // An interval across 10,000: both ends in whole units, not "R$ 8.200,17 a R$ 29.686".
    [8200.17, 29686.2, 'R$\u00a08.200 a R$\u00a029.686'],
    [-12000.5, 42.42, '-R$\u00a012.001 a R$\u00a042'],
    // Both below: both with cents.
    [8200.17, 9999.99, 'R$\u00a08.200,17 a R$\u00a09.999,99'],
    [0, 0.42, 'R$\u00a00,00 a R$\u00a00,42'],
  ])('%f and %f', (a, b, text) => {
    expect(say({ a: money(a), b: money(b) })).toBe(text);
  });
  it('counts and percentages do not make money whole, and keep their own format', () => {
    expect(say({ a: money(8200.17), b: { value: 25_000, format: 'integer' } })).toBe('R$\u00a08.200,17 a 25.000');
  });
});

/** A funnel of random counts (non-increasing), with a comparison and segments. */
const funnels = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 2, maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 2, maxLength: 6 }),
  )
  .map(([a, b]): FunnelDoc => {
    const down = (xs: number[]) => xs.map((_, i) => Math.min(...xs.slice(0, i + 1)));
    const counts = down(a);
    const before = down([...b, ...b].slice(0, counts.length));
    return {
      kind: 'funnel',
      version: 1,
      steps: counts.map((count, i) => ({ id: `s${i}`, label: `Step ${i}`, count })),
      comparison: { label: 'before', steps: before.map((count, i) => ({ id: `s${i}`, count })) },
      segments: [
        { id: 'x', label: 'X', steps: counts.map((c, i) => ({ id: `s${i}`, count: Math.floor(c / 3) })) },
        { id: 'y', label: 'Y', steps: counts.map((c, i) => ({ id: `s${i}`, count: Math.floor(c / (i + 1)) })) },
      ],
    };
  });

describe('compareTo', () => {
  it('a funnel without a comparison of its own is compared with the document given, named by its period', () => {
    const now = {
      kind: 'funnel',
      version: 1,
      steps: [
        { id: 'a', label: 'A', count: 1000 },
        { id: 'b', label: 'B', count: 300 },
      ],
    };
    const before = {
      ...now,
      period: { from: '2026-01-01', to: '2026-01-31' },
      steps: [
        { id: 'a', label: 'A', count: 1000 },
        { id: 'b', label: 'B', count: 200 },
      ],
    };
    const [conv] = insights(now as KpiDoc, { locale: 'en', compareTo: before as KpiDoc });
    expect(conv!.text).toMatch(
      /^Overall conversion is 30%: 300 of 1,000 reached “B”, \+10 p\.p\. against 20% in “Jan 1\s–\s31, 2026”\.$/,
    );
    expect(conv!.facts['change']).toEqual({ value: 0.09999999999999998, format: 'points' });
    // Another kind, or none: no comparison.
    expect(insights(now as KpiDoc, { locale: 'en', compareTo: sla(1, 1) })[0]!.text).toMatch(/reached “B”\.$/);
  });
});

describe('truthful: the facts are what a plain reference computes, every number traced', () => {
  it('funnels (fast-check): conversion, the biggest loss, its share', () => {
    fc.assert(
      fc.property(funnels, fc.constantFrom(...LOCALES), (doc, locale) => {
        const list = insights(doc, { locale });
        const counts = doc.steps.map((s) => s.count!);
        const [first, last] = [counts[0]!, counts.at(-1)!];
        const conv = list.find((i) => i.id === 'funnel.conversion');
        if (first === 0) {
          expect(conv).toBeUndefined();
          return;
        }
        expect(conv!.facts['rate']!.value).toBe(last / first);
        const losses = counts.slice(1).map((c, k) => counts[k]! - c);
        const lost = Math.max(...losses);
        const loss = list.find((i) => i.id === 'funnel.loss');
        if (lost > 0) {
          expect(loss!.facts['lost']!.value).toBe(lost);
          expect(loss!.facts['share']!.value).toBeCloseTo(lost / (first - last), 12);
          expect(loss!.marks).toEqual([`s${losses.indexOf(lost)}`, `s${losses.indexOf(lost) + 1}`]);
        } else expect(loss).toBeUndefined();
        for (const i of list) expect(untraced(i, locale), i.text).toEqual([]);
      }),
      { numRuns: 300, seed: 36 },
    );
  });
  it('checkout (fast-check): the step most leave at, and the top cause by revenue at risk with its share', () => {
    const steps = fc.array(
      fc.record({
        entered: fc.integer({ min: 1, max: 1_000_000 }),
        left: fc.double({ min: 0, max: 1, noNaN: true }),
        causes: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(
        steps,
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.constantFrom(...LOCALES),
        (raw, aov, locale) => {
          const doc = {
            kind: 'checkout-friction',
            version: 1,
            currency: 'BRL',
            averageOrderValue: aov,
            steps: raw.map((r, i) => ({
              id: `s${i}`,
              label: `Step ${String.fromCharCode(65 + i)}`,
              entered: r.entered,
              exited: Math.floor(r.entered * r.left),
              frictions: r.causes.map((count, k) => ({
                id: `c${i}${k}`,
                label: `Cause ${k}`,
                category: 'price',
                count,
              })),
            })),
          } as KpiDoc;
          const list = insights(doc, { locale });
          const d = doc as Extract<KpiDoc, { kind: 'checkout-friction' }>;
          // The reference: exits, and each cause's share of its step's exits × AOV (observations over exits when more).
          const exits = d.steps.map((st) => st.exited);
          const exit = list.find((i) => i.id === 'checkout.biggest-exit');
          if (Math.max(...exits) > 0) expect(exit!.facts['exited']!.value).toBe(Math.max(...exits));
          else expect(exit).toBeUndefined();
          const risks = d.steps.flatMap((st) => {
            const observed = (st.frictions ?? []).reduce((n, f) => n + f.count, 0);
            const denom = Math.max(observed, st.exited);
            return (st.frictions ?? []).map((f) => (denom > 0 ? (f.count / denom) * st.exited * aov : 0));
          });
          const top = list.find((i) => i.id === 'checkout.top-risk');
          const total = risks.reduce((a, b) => a + b, 0);
          if (total > 0) {
            expect(top!.facts['risk']!.value).toBeCloseTo(Math.max(...risks), 6);
            expect(top!.facts['share']!.value).toBeCloseTo(Math.max(...risks) / total, 9);
          } else expect(top).toBeUndefined();
          for (const i of list) expect(untraced(i, locale, 'BRL'), i.text).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 36 },
    );
  });
  it('cohort (fast-check): the latest second-period retention and the weighted average', () => {
    const cohorts = fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 100_000 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      ),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(cohorts, fc.constantFrom(...LOCALES), (raw, locale) => {
        const rows = raw.map(([size, kept], i) => ({
          id: `c${i}`,
          label: `C${String.fromCharCode(65 + i)}`,
          size,
          values: kept === null ? [size] : [size, Math.floor(size * kept)],
        }));
        const doc = { kind: 'cohort', version: 1, measure: 'customers', periodUnit: 'month', cohorts: rows } as KpiDoc;
        const list = insights(doc, { locale });
        const withSecond = rows.filter((r) => r.values.length > 1);
        const latest = list.find((i) => i.id === 'cohort.latest');
        if (!withSecond.length) {
          expect(latest).toBeUndefined();
          return;
        }
        const last = withSecond.at(-1)!;
        expect(latest!.facts['value']!.value).toBe(last.values[1]! / last.size);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(latest!.facts['average']!.value).toBeCloseTo(
          sum(withSecond.map((r) => r.values[1]!)) / sum(withSecond.map((r) => r.size)),
          12,
        );
        expect(latest!.marks).toEqual([last.id]);
        for (const i of list) expect(untraced(i, locale), i.text).toEqual([]);
      }),
      { numRuns: 200, seed: 36 },
    );
  });
  it('regional SLA (fast-check): breaches counted as the widget marks them, the most late orders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(...LOCALES),
        (b, n, locale) => {
          const doc = sla(Math.min(b, n), n);
          const list = insights(doc, { locale });
          expect(list.find((i) => i.id === 'sla.breaches.delivery')!.facts['breached']!.value).toBe(Math.min(b, n));
          const late = doc.regions.map((r) => r.values['delivery']!.total - r.values['delivery']!.withinTarget!);
          expect(list.find((i) => i.id === 'sla.most-late')!.facts['late']!.value).toBe(Math.max(...late));
          for (const i of list) expect(untraced(i, locale), i.text).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 36 },
    );
  });
});
