import { describe, expect, it } from 'vitest';
import { classNames } from '../../src/core/class-names.js';

describe('classNames', () => {
  it.each([
    [{}, ''],
    [{ step: true }, 'step'],
    [{ step: true, active: false }, 'step'],
    [{ step: true, largest: true, active: true }, 'step largest active'],
    [{ a: 0, b: '', c: null, d: undefined, e: Number.NaN }, ''],
    [{ a: 1, b: 'yes', 'tile-sub': true }, 'a b tile-sub'],
  ])('%j → %j', (map, expected) => {
    expect(classNames(map)).to.equal(expected);
  });
});
