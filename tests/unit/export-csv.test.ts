// The CSV export's tables (src/export/<kind>.ts) and their writing: each kind's numbers as the document has them,
// rates that are null rather than NaN or Infinity (a first step of zero, an unknown count), headers in the page's
// language, `;` and decimal commas in pt-BR, a BOM; huge values written in full.
import { describe, expect, it } from 'vitest';
import { csvText, percent, type CsvTable } from '../../src/export/csv.js';
import { funnelCsv } from '../../src/export/funnel.js';
import { checkoutFrictionCsv } from '../../src/export/checkout-friction.js';
import { cohortCsv } from '../../src/export/cohort.js';
import { channelsCsv } from '../../src/export/channels.js';
import { forecastCsv } from '../../src/export/forecast.js';
import { translator } from '../../src/i18n/index.js';
import { funnelStrings } from '../../src/i18n/en/funnel.js';
import { checkoutStrings } from '../../src/i18n/en/checkout-friction.js';
import { cohortStrings } from '../../src/i18n/en/cohort.js';
import { channelStrings } from '../../src/i18n/en/channels.js';
import { forecastStrings } from '../../src/i18n/en/forecast.js';
import type { FunnelDoc } from '../../src/schema/funnel.js';
import type { CheckoutFrictionDoc } from '../../src/schema/checkout-friction.js';
import type { CohortDoc } from '../../src/schema/cohort.js';
import type { ChannelsDoc } from '../../src/schema/channels.js';
import type { ForecastDoc } from '../../src/schema/forecast.js';

const body = (t: CsvTable) => t.rows.slice(1);

describe('percent: a share as a percentage, null where it has no meaning', () => {
  it.each([
    [50, 200, 25],
    [0, 200, 0],
    [5, 0, null],
    [null, 10, null],
    [10, null, null],
    [1e15, 1e15, 100],
  ])('%j of %j → %j', (part, whole, want) => expect(percent(part, whole)).toBe(want));
});

describe('csvText: the locale’s conventions and a BOM', () => {
  const table: CsvTable = {
    rows: [
      ['Step', 'Count', 'Share'],
      ['Cart; "a"', 1234567.5, 0.125],
      ['=cmd', null, 12_345_678_901_234],
    ],
    text: new Set([0]),
  };
  it('en: commas, points, quoted text, formulas defused, nothing for none', () => {
    expect(csvText(table, 'en')).toBe(
      '\ufeffStep,Count,Share\r\n"Cart; ""a""",1234567.5,0.125\r\n\'=cmd,,12345678901234\r\n',
    );
  });
  it('pt-BR: semicolons and decimal commas', () => {
    expect(csvText(table, 'pt-BR')).toBe(
      '\ufeffStep;Count;Share\r\n"Cart; ""a""";1234567,5;0,125\r\n\'=cmd;;12345678901234\r\n',
    );
  });
});

describe("each kind's table holds the document's numbers", () => {
  it('funnel: counts, % of first and of previous (null past a zero or an unknown), segments and comparison', () => {
    const doc = {
      kind: 'funnel',
      version: 1,
      steps: [
        { id: 'a', label: 'A', count: 0 },
        { id: 'b', label: 'B', count: null },
        { id: 'c', label: 'C', count: 5, value: 10 },
      ],
      segments: [{ id: 's', label: 'Mobile', steps: [{ id: 'a', count: 3 }] }],
      comparison: { label: 'Before', steps: [{ id: 'c', count: 7 }] },
    } as unknown as FunnelDoc;
    const t = funnelCsv(doc, { t: translator(funnelStrings, 'en'), locale: 'en' });
    expect(t.rows[0]).toEqual([
      'Step',
      'Count',
      '% of first step',
      '% of previous step',
      'Value',
      'Mobile – Count',
      'Before – Count',
    ]);
    expect(body(t)).toEqual([
      ['A', 0, null, null, null, 3, null],
      ['B', null, null, null, null, null, null],
      ['C', 5, null, null, 10, null, 7],
    ]);
  });
  it('checkout: entered, left, abandonment and median time per step', () => {
    const doc = {
      steps: [
        { id: 'cart', label: 'Cart', entered: 200, exited: 50, medianSeconds: 30, frictions: [] },
        { id: 'pay', label: 'Pay', entered: 0, exited: 0, frictions: [] },
      ],
    } as unknown as CheckoutFrictionDoc;
    const t = checkoutFrictionCsv(doc, { t: translator(checkoutStrings, 'en'), locale: 'en' });
    expect(t.rows[0]).toEqual(['Step', 'Entered', 'Left', 'Abandonment (%)', 'Median time (s)']);
    expect(body(t)).toEqual([
      ['Cart', 200, 50, 25, 30],
      ['Pay', 0, 0, null, null],
    ]);
  });
  it('cohort: size and a column per period, in the locale’s numbers; short cohorts padded with none', () => {
    const doc = {
      periodUnit: 'month',
      cohorts: [
        { id: 'a', label: 'Jan', size: 10, values: [10, 4, 2] },
        { id: 'b', label: 'Feb', size: 1, values: [1] },
      ],
    } as unknown as CohortDoc;
    const t = cohortCsv(doc, { t: translator(cohortStrings, 'en'), locale: 'en' });
    expect(t.rows[0]).toEqual(['Cohort', 'Size', 'Month 0', 'Month 1', 'Month 2']);
    expect(body(t)).toEqual([
      ['Jan', 10, 10, 4, 2],
      ['Feb', 1, 1, null, null],
    ]);
  });
  it('channels: a column per metric, rows in the order the widget shows them', () => {
    const doc = {
      metrics: [
        { id: 'revenue', label: 'Revenue', format: 'currency', aggregate: 'sum' },
        { id: 'orders', label: 'Orders', format: 'integer', aggregate: 'sum' },
      ],
      channels: [
        { id: 'web', label: 'Web', values: { revenue: 1e12, orders: 3 } },
        { id: 'app', label: 'App', values: { orders: 1 } },
      ],
    } as unknown as ChannelsDoc;
    const t = (shown?: unknown) => channelsCsv(doc, { t: translator(channelStrings, 'en'), locale: 'en', shown });
    expect(t().rows).toEqual([
      ['Channel', 'Revenue', 'Orders'],
      ['Web', 1e12, 3],
      ['App', null, 1],
    ]);
    expect(body(t(['app', 'web'])).map((r) => r[0])).toEqual(['App', 'Web']);
  });
  it('forecast: the widget’s rows (the model’s forecasts included), else the document’s points', () => {
    const doc = {
      points: [
        { period: '2024-01-01', actual: 10, target: 12 },
        { period: '2024-02-01', actual: null, forecast: { value: 11, lower: 9, upper: 13 } },
      ],
    } as unknown as ForecastDoc;
    const t = (shown?: unknown) => forecastCsv(doc, { t: translator(forecastStrings, 'en'), locale: 'en', shown });
    expect(t().rows).toEqual([
      ['Period', 'Actual', 'Target', 'Forecast', 'Low', 'High'],
      ['2024-01-01', 10, 12, null, null, null],
      ['2024-02-01', null, null, 11, 9, 13],
    ]);
    const rows = [{ period: '2024-03-01', actual: null, target: null, forecast: { value: 1, lower: 0, upper: 2 } }];
    expect(body(t({ rows }))).toEqual([['2024-03-01', null, null, 1, 0, 2]]);
  });
});
