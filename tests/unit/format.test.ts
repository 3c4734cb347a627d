import { describe, expect, it } from 'vitest';
import {
  NO_VALUE,
  csvSeparator,
  formatCompact,
  formatCurrency,
  formatDate,
  formatDateRange,
  formatDuration,
  formatInUnit,
  formatInteger,
  formatPercent,
  formatPointsDelta,
  formatSignedPercent,
  formatValue,
  safeLocale,
  styleFor,
} from '../../src/index.js';

// Intl output uses narrow/non-breaking spaces in places; compare with them folded.
const norm = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('formatInteger', () => {
  it.each([
    ['en-US', 182340, '182,340'],
    ['pt-BR', 182340, '182.340'],
    ['es', 182340, '182.340'],
    ['en-US', 0, '0'],
    ['pt-BR', 1e12, '1.000.000.000.000'],
    ['en-US', 2.6, '3'],
  ])('%s %d → %s', (loc, v, out) => expect(norm(formatInteger(loc, v))).toBe(out));
  it.each([null, undefined, NaN, Infinity, -Infinity])('%s → the no-value mark', (v) => {
    expect(formatInteger('en-US', v as number)).toBe(NO_VALUE);
  });
});

describe('formatCurrency', () => {
  it.each([
    ['pt-BR', 612480.5, 'BRL', 'R$ 612.480,50'],
    ['en-US', 612480.5, 'BRL', 'R$612,480.50'],
    ['es', 612480.5, 'BRL', '612.480,50 BRL'],
    ['en-US', 0, 'USD', '$0.00'],
  ])('%s %d %s → %s', (loc, v, cur, out) => expect(norm(formatCurrency(loc, v, cur))).toBe(out));
  it('compact', () => {
    expect(norm(formatCurrency('pt-BR', 1369346.94, 'BRL', { compact: true }))).toBe('R$ 1,4 mi');
    expect(norm(formatCurrency('en-US', 1369346.94, 'BRL', { compact: true }))).toBe('R$1.4M');
  });
  it('without a currency falls back to a number', () => {
    expect(formatCurrency('en-US', 12.5, undefined)).toBe('12.5');
  });
  it('never shows NaN', () => expect(formatCurrency('pt-BR', NaN, 'BRL')).toBe(NO_VALUE));
});

describe('formatPercent', () => {
  it.each([
    ['en-US', 0.3585, '35.9%'],
    ['pt-BR', 0.3585, '35,9%'],
    ['es', 0.3585, '35,9 %'],
    ['en-US', 0.0042, '0.42%'],
    ['en-US', 0, '0%'],
    ['en-US', 1, '100%'],
  ])('%s %d → %s', (loc, v, out) => expect(norm(formatPercent(loc, v))).toBe(out));
  it('deltas', () => {
    expect(norm(formatPointsDelta('en-US', 0.023))).toBe('+2.3 p.p.');
    expect(norm(formatPointsDelta('pt-BR', -0.0151))).toBe('-1,5 p.p.');
    expect(norm(formatSignedPercent('en-US', 0.125))).toBe('+12.5%');
    expect(formatSignedPercent('en-US', null)).toBe(NO_VALUE);
  });
});

describe('formatCompact', () => {
  it.each([
    ['en-US', 182340, '182.3K'],
    ['pt-BR', 182340, '182,3 mil'],
    ['es', 1500000, '1,5 M'],
  ])('%s %d → %s', (loc, v, out) => expect(norm(formatCompact(loc, v))).toBe(out));
});

describe('formatDuration', () => {
  it.each([
    ['en-US', 42, '42 sec'],
    ['en-US', 1469, '24 min'],
    ['en-US', 154243, '1.8 days'],
    ['pt-BR', 154243, '1,8 dia'],
    ['es', 7200, '2 h'],
    ['en-US', 0, '0 sec'],
  ])('%s %d s → %s', (loc, v, out) => expect(norm(formatDuration(loc, v))).toBe(out));
  it('in a named unit', () => {
    expect(norm(formatInUnit('en-US', 7.22, 'day'))).toBe('7.2 days');
    expect(norm(formatInUnit('pt-BR', 33.34, 'hour'))).toBe('33 h');
    expect(norm(formatInUnit('pt-BR', 12, 'day', 1))).toBe('12,0 dias');
    expect(norm(formatInUnit('en-US', 6.14, 'day', 0))).toBe('6 days');
  });
  it('never shows NaN', () => expect(formatDuration('en-US', NaN)).toBe(NO_VALUE));
});

describe('dates (UTC, calendar dates)', () => {
  it.each([
    ['en-US', '2026-10-01', 'Oct 1, 2026'],
    ['pt-BR', '2026-10-01', '1 de out. de 2026'],
    ['es', '2026-10-01', '1 oct 2026'],
  ])('%s %s → %s', (loc, d, out) => expect(norm(formatDate(loc, d))).toBe(out));
  it('ranges', () => {
    expect(norm(formatDateRange('en-US', '2026-10-01', '2026-10-31'))).toBe('Oct 1 – 31, 2026');
    expect(formatDateRange('en-US', undefined, '2026-10-31')).toBe(NO_VALUE);
  });
  it('bad input never throws', () => expect(formatDate('en-US', 'not a date')).toBe(NO_VALUE));
});

describe('locales', () => {
  it('a malformed locale falls back to en', () => {
    expect(safeLocale('not_a_locale!!')).toBe('en');
    expect(formatInteger('not_a_locale!!', 1000)).toBe('1,000');
  });
  it('CSV separator follows the decimal mark', () => {
    expect(csvSeparator('en-US')).toBe(',');
    expect(csvSeparator('pt-BR')).toBe(';');
    expect(csvSeparator('es')).toBe(';');
  });
});

describe('one format for values read together', () => {
  it('a column of rates with one precision: "16.0%" beside "29.8%"', () => {
    expect([0.16, 0.298, 0].map((v) => formatPercent('en-US', v, 1))).toEqual(['16.0%', '29.8%', '0.0%']);
    expect(formatPercent('en-US', 0.16)).toBe('16%');
  });
  it('a fixed precision: a P90 of 12 days beside a median of 6.1 days reads "12,0 dias"', () => {
    expect([6.1, 12].map((v) => norm(formatInUnit('pt-BR', v, 'day', 1)))).toEqual(['6,1 dias', '12,0 dias']);
    expect(norm(formatDuration('en-US', 90000))).toBe('1 day');
  });

  it('an axis: every tick compact once one is large enough ("R$ 5 mil" beside "R$ 10 mil", not "R$ 5.000")', () => {
    const ticks = [0, 5000, 10000, 15000];
    const s = styleFor('currency', ticks, { currency: 'BRL', compact: true });
    expect(ticks.map((v) => norm(formatValue('pt-BR', 'currency', v, s)))).toEqual([
      'R$ 0',
      'R$ 5 mil',
      'R$ 10 mil',
      'R$ 15 mil',
    ]);
    const small = [0, 2000, 4000, 6000];
    const t = styleFor('currency', small, { currency: 'BRL', compact: true });
    expect(small.map((v) => norm(formatValue('pt-BR', 'currency', v, t)))).toEqual([
      'R$ 0',
      'R$ 2.000',
      'R$ 4.000',
      'R$ 6.000',
    ]);
    const counts = [0, 50000, 100000, 150000];
    const c = styleFor('integer', counts, { compact: true });
    expect(counts.map((v) => norm(formatValue('en-US', 'integer', v, c)))).toEqual(['0', '50K', '100K', '150K']);
  });

  it('money in one widget: cents for all or for none', () => {
    const some = [3065, 200, 12.5];
    const s = styleFor('currency', some, { currency: 'BRL' });
    expect(some.map((v) => norm(formatValue('pt-BR', 'currency', v, s)))).toEqual(['R$ 3.065', 'R$ 200', 'R$ 13']);
    const all = [200, 12.5, 0];
    const a = styleFor('currency', all, { currency: 'BRL' });
    expect(all.map((v) => norm(formatValue('pt-BR', 'currency', v, a)))).toEqual(['R$ 200,00', 'R$ 12,50', 'R$ 0,00']);
  });

  it('huge values and no values', () => {
    const s = styleFor('currency', [1e15, null, NaN], { currency: 'BRL', compact: true });
    expect(norm(formatValue('en-US', 'currency', 1e15, s))).toBe('R$1000T');
    expect(formatValue('en-US', 'currency', null, s)).toBe(NO_VALUE);
    expect(styleFor('currency', [])).toMatchObject({ compactFrom: Infinity, centsBelow: Infinity });
  });
});
