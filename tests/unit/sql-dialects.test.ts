// The printed recipes: DuckDB and PostgreSQL share one text; the warehouse dialects are
// snapshots, so a change to a macro shows up in review. ClickHouse's run on chDB (sql-clickhouse.test.ts);
// BigQuery's and Snowflake's cannot run here, so an independent parser of each dialect reads every statement
// (sql-parser-cst for BigQuery, node-sql-parser for Snowflake), and fails on one broken on purpose.
import { describe, expect, it } from 'vitest';
import { parse as parseCst } from 'sql-parser-cst';
import sqlParser from 'node-sql-parser';
import {
  DIALECTS,
  MACROS,
  checkTimeZone,
  printRecipe,
  relation,
  type Dialect,
  type Recipe,
} from '../../src/data/dialects.js';
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

/** A recipe in `dialect`, reading `orders`, `events` and `frictions` as named (three-part names in the warehouses). */
type Make = (dialect: Dialect, names?: { orders?: string; events?: string; frictions?: string }) => Recipe;
const recipes: Record<string, Make> = {
  cohort: (dialect, names) => cohortRecipe({ dialect, ...names, period: 'month', tz: 'America/Sao_Paulo' }),
  'regional-sla': (dialect, names) =>
    regionalSlaRecipe({
      dialect,
      ...names,
      metrics: ['delivery=ordered_at..delivered_at:days:10', 'approval=ordered_at..approved_at:hours:24'].map(
        parseMetricSpec,
      ),
    }),
  funnel: (dialect, names) =>
    funnelOrdersRecipe({
      dialect,
      ...names,
      steps: ['ordered_at', 'approved_at', 'delivered_at'],
      segmentBy: 'channel',
      from: '2018-01-01',
      to: '2018-06-30',
    }),
  forecast: (dialect, names) => forecastRecipe({ dialect, ...names, tz: 'Asia/Tokyo' }),
  channels: (dialect, names) => channelsRecipe({ dialect, ...names, from: '2018-01-01' }),
  'funnel-events': (dialect, names) =>
    reachRecipe({
      dialect,
      ...names,
      steps: ['view_item', 'add_to_cart', 'purchase'],
      window: 7 * 86400,
      segmentBy: 'device',
      from: '2024-09-01',
      to: '2024-09-30',
    }),
  'checkout-friction': (dialect, names) =>
    checkoutRecipe({
      dialect,
      ...names,
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

/** The statements of a printed script: split at each statement's end, comments dropped. */
const statements = (script: string) =>
  script
    .split(/;\n/)
    .map((t) => t.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);

const snowflake = new sqlParser.Parser();
const parseSnowflake = (sql: string) => snowflake.astify(sql, { database: 'Snowflake' });

describe('BigQuery and Snowflake: every printed statement parsed by an independent parser of its dialect', () => {
  const warehouse = {
    bigquery: { orders: 'my-project.shop.orders', events: 'my-project.analytics.events', frictions: 'frictions' },
    snowflake: { orders: 'SHOP.PUBLIC.ORDERS', events: 'SHOP.WEB.EVENTS', frictions: 'SHOP.WEB.FRICTIONS' },
  } as const;
  for (const [kind, make] of Object.entries(recipes)) {
    it(`${kind} for BigQuery (sql-parser-cst), reading \`my-project.shop.orders\``, () => {
      const script = printRecipe(make('bigquery', warehouse.bigquery), 'bigquery');
      const cst = parseCst(script, { dialect: 'bigquery' });
      // The helper function, then one statement per query (and the empty one after the last semicolon).
      expect(cst.statements.filter((x) => x.type !== 'empty')).toHaveLength(Object.keys(make('duckdb')).length + 1);
      expect(script).toMatch(/`my-project\.(shop\.orders|analytics\.events)`/);
    });
    it(`${kind} for Snowflake (node-sql-parser): three-part names, every column returned quoted, lower case`, () => {
      const script = printRecipe(make('snowflake', warehouse.snowflake), 'snowflake');
      const parsed = statements(script);
      expect(parsed).toHaveLength(Object.keys(make('duckdb')).length);
      for (const sql of parsed) {
        const ast = parseSnowflake(sql);
        const select = (Array.isArray(ast) ? ast[0] : ast) as unknown as { columns: { as: string | null }[] };
        for (const column of select.columns) {
          expect(column.as, sql).toMatch(/^[a-z0-9_]+$/);
          expect(sql).toContain(`AS "${column.as}"`);
        }
      }
      expect(script).toMatch(/FROM SHOP\.(PUBLIC\.ORDERS|WEB\.EVENTS)/);
    });
  }
  it('the GA4 adapter for BigQuery parses', () => {
    expect(() =>
      parseCst(ga4EventsSql('bigquery', 'my-project.analytics_123456.events_*'), { dialect: 'bigquery' }),
    ).not.toThrow();
  });
  it('a statement broken on purpose fails each parser', () => {
    const broken = (sql: string) => sql.replace('GROUP BY', 'GROUP');
    const bq = printRecipe(recipes['cohort']!('bigquery'), 'bigquery');
    expect(() => parseCst(bq, { dialect: 'bigquery' })).not.toThrow();
    expect(() => parseCst(broken(bq), { dialect: 'bigquery' })).toThrow(/Syntax Error/);
    const [, cells] = statements(printRecipe(recipes['cohort']!('snowflake'), 'snowflake'));
    expect(() => parseSnowflake(cells!)).not.toThrow();
    expect(() => parseSnowflake(broken(cells!))).toThrow();
    // BigQuery's array subscript is not Snowflake's.
    expect(() => parseSnowflake('SELECT a[OFFSET(1)] FROM t')).toThrow();
  });
  it('Snowflake converts from UTC whatever the session zone: CONVERT_TIMEZONE with three arguments', () => {
    const script = printRecipe(recipes['cohort']!('snowflake'), 'snowflake');
    expect(script).toContain("CONVERT_TIMEZONE('UTC', 'America/Sao_Paulo', ordered_at)");
    expect(script).not.toMatch(/CONVERT_TIMEZONE\('America\/Sao_Paulo', /);
    expect(printRecipe(forecastRecipe({ dialect: 'snowflake' }), 'snowflake')).not.toContain('CONVERT_TIMEZONE');
  });
});

describe('table names: three parts where the warehouse has them, quoted as it needs, hostile ones refused', () => {
  it.each([
    ['bigquery', 'my-project.shop.orders', '`my-project.shop.orders`'],
    ['bigquery', 'shop.orders', 'shop.orders'],
    ['snowflake', 'DB.SCHEMA.ORDERS', 'DB.SCHEMA.ORDERS'],
    ['snowflake', 'SHOP$1.PUBLIC.ORDERS', 'SHOP$1.PUBLIC.ORDERS'],
    ['duckdb', 'lake.main.orders', 'lake.main.orders'],
    ['clickhouse', 'shop.orders', 'shop.orders'],
    ['postgres', 'public.orders', 'public.orders'],
  ] as const)('%s: %s prints as %s', (dialect, name, printed) => {
    expect(relation('orders', name, dialect)).toBe(printed);
  });
  it.each([
    ['bigquery', 'my-project.shop.orders`; DROP TABLE x; --'],
    ['bigquery', 'shop.my-orders'],
    ['bigquery', 'a.b.c.d'],
    ['snowflake', 'DB."SCHEMA".ORDERS'],
    ['snowflake', 'DB..ORDERS'],
    ['clickhouse', 'a.b.c'],
    ['postgres', 'db.public.orders'],
    ['duckdb', 'orders; DROP TABLE orders'],
    ['duckdb', 'orders o'],
    ['duckdb', ''],
  ] as const)('%s refuses %j', (dialect, name) => {
    expect(() => relation('orders', name, dialect)).toThrow(/--orders: expected a table name/);
  });
});
