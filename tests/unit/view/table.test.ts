import { describe, expect, it } from 'vitest';
import { sortTabStop } from '../../../src/view/table.js';

describe('sortTabStop: which sort button of a header row holds its one Tab stop', () => {
  it.each([
    [[], 0],
    [['none'], 0],
    [['none', 'none', 'none'], 0],
    [['none', 'descending', 'none'], 1],
    [['none', 'none', 'ascending'], 2],
    [['ascending', 'none'], 0],
  ] as const)('%j → %i', (sorts, stop) => {
    expect(sortTabStop(sorts)).toBe(stop);
  });
});
