// The printed recipes: DuckDB and PostgreSQL share one text; the warehouse dialects are
// snapshots (they cannot run here), so a change to a macro shows up in review.
import { describe, expect, it } from 'vitest';
import { DIALECTS, MACROS, checkTimeZone, printRecipe, type Dialect, type Recipe } from '../../src/data/dialects.js';
import { ga4EventsSql } from '../../src/data/ga4.js';
import {
  channelsRecipe,
  checkoutRecipe,
  cohortRecipe,
  forecastRecipe,
  funnelOrdersRecipe,
  reachRecipe,
  regionalSlaRecipe,
} from '../../src/data/sql.js';
import { parseMetricSpec } from '../../src/data/regional-sla.js';

const recipes: Record<string, (dialect: Dialect) => Recipe> = {
  cohort: (dialect) => cohortRecipe({ dialect, period: 'month', tz: 'America/Sao_Paulo' }),
  'regional-sla': (dialect) =>
    regionalSlaRecipe({
      dialect,
      metrics: ['delivery=ordered_at..delivered_at:days:10', 'approval=ordered_at..approved_at:hours:24'].map(
        parseMetricSpec,
      ),
    }),
  funnel: (dialect) =>
    funnelOrdersRecipe({
      dialect,
      steps: ['ordered_at', 'approved_at', 'delivered_at'],
      segmentBy: 'channel',
      from: '2018-01-01',
      to: '2018-06-30',
    }),
  forecast: (dialect) => forecastRecipe({ dialect }),
  channels: (dialect) => channelsRecipe({ dialect, from: '2018-01-01' }),
  'funnel-events': (dialect) =>
    reachRecipe({
      dialect,
      steps: ['view_item', 'add_to_cart', 'purchase'],
      window: 7 * 86400,
      segmentBy: 'device',
      from: '2024-09-01',
      to: '2024-09-30',
    }),
  'checkout-friction': (dialect) =>
    checkoutRecipe({
      dialect,
      steps: ['begin_checkout', 'add_payment_info'],
      complete: 'purchase',
      tz: 'America/Sao_Paulo',
    }),
};

describe('printed recipes', () => {
  it('DuckDB and PostgreSQL run the same text', () => {
    for (const make of Object.values(recipes))
      expect(printRecipe(make('postgres'), 'postgres')).toBe(printRecipe(make('duckdb'), 'duckdb'));
    expect(MACROS.postgres).toBe(MACROS.duckdb);
  });
  for (const dialect of DIALECTS.filter((d) => d !== 'postgres')) {
    for (const [kind, make] of Object.entries(recipes)) {
      it(`${kind} for ${dialect}`, async () => {
        const r = make(dialect);
        expect(Object.keys(r)).toEqual(Object.keys(make('duckdb')));
        await expect(printRecipe(r, dialect)).toMatchFileSnapshot(`./__snapshots__/sql/${kind}.${dialect}.sql`);
      });
    }
  }
  it('the GA4 adapter for BigQuery', async () => {
    await expect(`${ga4EventsSql('bigquery', 'my-project.analytics_123456.events_*')};\n`).toMatchFileSnapshot(
      './__snapshots__/sql/ga4.bigquery.sql',
    );
    expect(() => ga4EventsSql('bigquery', 'x`; DROP TABLE y')).toThrow(/--table: expected a BigQuery table/);
  });
  it('options never reach the SQL text unchecked', () => {
    expect(() => cohortRecipe({ tz: "UTC'; DROP TABLE orders; --" })).toThrow(/--tz: expected an IANA time zone/);
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/--tz/);
    expect(() => funnelOrdersRecipe({ steps: ['ordered_at', 'approved_at'], segmentBy: 'channel; DROP' })).toThrow(
      /--segment-by: expected one of/,
    );
    expect(() => funnelOrdersRecipe({ steps: ['ordered_at', 'paid_at'] })).toThrow(/--steps: expected one of/);
    expect(() => funnelOrdersRecipe({ steps: ['ordered_at', 'approved_at'], from: "2018-01-01' OR 1=1" })).toThrow(
      /--from: expected a date/,
    );
    expect(() => forecastRecipe({ orders: 'orders; DROP TABLE x' })).toThrow(/--orders: expected a table name/);
    expect(() => reachRecipe({ steps: ["view'); DROP TABLE events; --", 'cart'] })).toThrow(
      /--steps: expected event names/,
    );
    expect(() => reachRecipe({ steps: ['view', 'view'] })).toThrow(/distinct/);
    expect(() =>
      regionalSlaRecipe({
        metrics: [{ id: 'x', from: 'ordered_at', to: 'approved_at', unit: 'days', target: Number.NaN }],
      }),
    ).toThrow(/target/);
  });
});
