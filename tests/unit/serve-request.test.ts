// What a request may ask of the server's handler (table-tested), and a token's scope: filters narrow it, never
// widen it.
import { describe, expect, it } from 'vitest';
import { DATA_PATHS } from '../../src/data/paths/all.js';
import {
  asParameters,
  cacheKey,
  checkBuildOptions,
  narrow,
  readBuildRequest,
  scopeOfClaim,
  type Filters,
} from '../../src/serve/request.js';
import { QueryTimeoutError, EngineUnavailableError, classifyEngineError, filterWhere } from '../../src/serve/engine.js';
import { refused } from '../data/serve-setup.js';

describe('what a request may ask', () => {
  const cohort = DATA_PATHS.cohort;
  const sla = DATA_PATHS['regional-sla'];
  it.each([
    ['period=month&region=BR-SP&region=BR-RJ', { flags: { period: 'month' }, filters: { region: ['BR-RJ', 'BR-SP'] } }],
    ['store=b&store=a&store=b', { flags: {}, filters: { store: ['a', 'b'] } }],
    ['', { flags: {}, filters: {} }],
  ])('%s is read', (q, want) => expect(readBuildRequest(cohort, new URLSearchParams(q))).toEqual(want));
  it('a repeatable option keeps its values in order', () =>
    expect(readBuildRequest(sla, new URLSearchParams('metric=b=x..y:days:1&metric=a=x..y:days:1')).flags).toEqual({
      metric: ['b=x..y:days:1', 'a=x..y:days:1'],
    }));
  it.each([
    ['periodo=month', 'periodo', 'unknown parameter; did you mean period?'],
    ['metric=x', 'metric', 'unknown parameter; expected one of'],
    ['labels=/etc/passwd', 'labels', 'names a file'],
    ['period=day&period=week', 'period', 'given 2 times; takes one value'],
    [`title=${'x'.repeat(501)}`, 'title', 'expected at most 500 characters, got 501'],
    ['title=a%00b', 'title', 'expected text without control characters'],
    ['region=', 'region', 'expected a value, got nothing'],
    [Array.from({ length: 101 }, (_, i) => `store=s${i}`).join('&'), 'store', 'expected at most 100 values, got 101'],
  ])('%s is a 400 naming %s', (q, param, message) => {
    const r = refused(() => readBuildRequest(cohort, new URLSearchParams(q)));
    expect(r?.status).toBe(400);
    expect(r?.issues[0]?.path).toBe(param);
    expect(r?.issues[0]?.message).toContain(message);
  });
  it.each([
    ['--as-of: expected a date YYYY-MM-DD, got x', 'expected a date YYYY-MM-DD, got x'],
    [
      'no orders, so no running period: give the orders, or --as-of to place it',
      'give the orders, or as-of to place it',
    ],
    ['build regional-sla needs at least one --metric <id>=<from>..<to>', 'needs at least one metric <id>'],
  ])('a command-line message in a request’s words: %s', (message, want) => {
    expect(asParameters(message.replace(/^--[a-z-]+: /, ''))).toContain(want);
  });
  it('a kind whose options lack a required one names it', () => {
    const r = refused(() => checkBuildOptions('regional-sla', DATA_PATHS['regional-sla'] as never, {}));
    expect(r?.issues[0]?.path).toBe('metric');
    expect(r?.issues[0]?.message).toMatch(/^build regional-sla needs at least one metric /);
  });
  it('every bad parameter is named at once', () =>
    expect(
      refused(() => readBuildRequest(cohort, new URLSearchParams('a=1&b=2&period=1&period=2')))?.issues.map(
        (i) => i.path,
      ),
    ).toEqual(['a', 'b', 'period']));
});

describe("a token's scope: filters narrow it, never widen it", () => {
  const scope = { store: ['a', 'b'], region: ['BR-SP'] };
  it.each<[string, Filters, Filters | number]>([
    ['no filter: the scope', {}, { store: ['a', 'b'], region: ['BR-SP'] }],
    ['a store inside it', { store: ['b'] }, { store: ['b'], region: ['BR-SP'] }],
    [
      'a channel (the scope says nothing of channels)',
      { channel: ['app'] },
      { store: ['a', 'b'], region: ['BR-SP'], channel: ['app'] },
    ],
    ['a store outside it', { store: ['c'] }, 403],
    ['a region outside it', { region: ['BR-SP', 'BR-RJ'] }, 403],
  ])('%s', (_, filters, want) => {
    if (typeof want === 'number') expect(refused(() => narrow(scope, filters))?.status).toBe(want);
    else expect(narrow(scope, filters)).toEqual(want);
  });
  it('without a token the filters are as asked', () =>
    expect(narrow(null, { region: ['x'] })).toEqual({ region: ['x'] }));
  it.each([
    [undefined, 'no kpi claim'],
    [{}, 'kpi.store must be a non-empty list'],
    [{ store: [] }, 'kpi.store must be a non-empty list'],
    [{ store: [''] }, 'kpi.store must be a non-empty list'],
    [{ store: 'a' }, 'kpi.store must be a non-empty list'],
    [{ store: ['a'], region: [] }, 'kpi.region must be a non-empty list'],
    [{ store: ['a'], tenant: 'x' }, 'unknown fields: tenant'],
  ])('the claim %j is a 403', (claim, message) => {
    const r = refused(() => scopeOfClaim(claim));
    expect(r?.status).toBe(403);
    expect(r?.issues[0]?.message).toContain(message);
  });
  it('values reach SQL as parameters, an empty list as FALSE', () => {
    expect(filterWhere({ region: ["x'; DROP TABLE orders; --"], store: ['a', 'b'] })).toEqual({
      where: 'region_id IN ($1) AND store_id IN ($2, $3)',
      params: ["x'; DROP TABLE orders; --", 'a', 'b'],
    });
    expect(filterWhere({ store: [] })).toEqual({ where: 'FALSE', params: [] });
    expect(filterWhere({})).toEqual({ where: 'TRUE', params: [] });
  });
  it('the cache key does not depend on the order of the parameters', () =>
    expect(cacheKey('cohort', { period: 'week', measure: 'revenue' }, { region: ['a'] })).toBe(
      cacheKey('cohort', { measure: 'revenue', period: 'week' }, { region: ['a'] }),
    ));
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), EngineUnavailableError],
    [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      EngineUnavailableError,
    ],
    [new Error('Connection terminated unexpectedly'), EngineUnavailableError],
    [Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), QueryTimeoutError],
    [new Error('INTERRUPT Error: Interrupted!'), QueryTimeoutError],
    [new Error('Binder Error: no such column'), Error],
  ])('%s is answered as %o', (e, type) => expect(classifyEngineError(e, 100).constructor).toBe(type));
});
