import { describe, expect, it } from 'vitest';
import { gridKey, isPick, listKey } from '../../src/core/keys.js';
import type { ReactiveControllerHost } from 'lit';
import { RovingFocus } from '../../src/core/roving-focus.js';
import { TooltipController } from '../../src/core/tooltip.js';

describe('listKey', () => {
  it.each<[string, number, number, number, boolean, number | null]>([
    ['ArrowDown', 0, 5, 0, false, 1],
    ['ArrowRight', 0, 5, 0, false, 1],
    ['ArrowUp', 3, 5, 0, false, 2],
    ['ArrowLeft', 3, 5, 0, false, 2],
    ['ArrowDown', 4, 5, 0, false, 4],
    ['ArrowUp', 0, 5, 0, false, 0],
    ['Home', 3, 5, 0, false, 0],
    ['End', 1, 5, 0, false, 4],
    ['PageDown', 1, 50, 10, false, 11],
    ['PageDown', 45, 50, 10, false, 49],
    ['PageUp', 5, 50, 10, false, 0],
    ['PageDown', 1, 50, 0, false, null],
    ['ArrowRight', 1, 5, 0, true, null],
    ['ArrowLeft', 1, 5, 0, true, null],
    ['ArrowDown', 1, 5, 0, true, 2],
    ['Tab', 1, 5, 0, false, null],
    ['a', 1, 5, 0, false, null],
    ['ArrowDown', 0, 1, 0, false, 0],
  ])('%s from %i of %i (page %i, vertical %s) → %s', (key, index, count, page, vertical, next) => {
    expect(listKey(key, index, count, page, vertical)).toBe(next);
  });
});

describe('gridKey', () => {
  const grid = { rows: 4, cols: 3 };
  it.each<[string, boolean, number, number, { r: number; c: number } | null]>([
    ['ArrowRight', false, 1, 1, { r: 1, c: 2 }],
    ['ArrowRight', false, 1, 2, { r: 1, c: 2 }],
    ['ArrowLeft', false, 1, 0, { r: 1, c: 0 }],
    ['ArrowDown', false, 3, 1, { r: 3, c: 1 }],
    ['ArrowUp', false, 0, 1, { r: 0, c: 1 }],
    ['Home', false, 2, 2, { r: 2, c: 0 }],
    ['End', false, 2, 0, { r: 2, c: 2 }],
    ['Home', true, 2, 2, { r: 0, c: 0 }],
    ['End', true, 0, 0, { r: 3, c: 2 }],
    ['PageDown', false, 0, 0, null],
    ['Enter', false, 0, 0, null],
  ])('%s (ctrl %s) from %i,%i', (key, ctrl, r, c, to) => {
    expect(gridKey(key, ctrl, r, c, grid)).toEqual(to);
  });

  it('starts at firstRow (a summary row above the data) and pages by `page`', () => {
    const size = { rows: 101, cols: 10, firstRow: -1, page: 10 };
    expect(gridKey('ArrowUp', false, 0, 3, size)).toEqual({ r: -1, c: 3 });
    expect(gridKey('ArrowUp', false, -1, 3, size)).toEqual({ r: -1, c: 3 });
    expect(gridKey('PageUp', false, 5, 3, size)).toEqual({ r: -1, c: 3 });
    expect(gridKey('PageDown', false, 95, 3, size)).toEqual({ r: 99, c: 3 });
    expect(gridKey('Home', true, 50, 3, size)).toEqual({ r: -1, c: 0 });
    expect(gridKey('End', true, 50, 3, size)).toEqual({ r: 99, c: 9 });
  });
});

describe('isPick', () => {
  it.each([
    ['Enter', true],
    [' ', true],
    ['Spacebar', false],
    ['a', false],
  ])('%j → %s', (key, pick) => {
    expect(isPick(key as string)).toBe(pick);
  });
});

describe('RovingFocus', () => {
  const host = () => {
    const h = { updates: 0, controllers: 0, addController: () => h.controllers++, requestUpdate: () => h.updates++ };
    return h as typeof h & ReactiveControllerHost;
  };

  it('the item that last had the focus holds the stop of each list that draws it, else the first item does', () => {
    const h = host();
    const focus = new RovingFocus(h);
    expect(h.controllers).toBe(1);
    expect(focus.stop(['a', 'b', 'c'])).toBe('a');
    focus.focused('c');
    expect(h.updates).toBe(1);
    expect(focus.stop(['a', 'b', 'c'])).toBe('c');
    expect(focus.stop(['c', 'd'])).toBe('c'); // another list drawing the same item (a channel in the table)
    expect(focus.stop(['x', 'y'])).toBe('x'); // a list without it: its first item
    expect(focus.stop([])).toBe('');
    focus.focused('c');
    expect(h.updates, 'the same item again renders nothing').toBe(1);
  });

  it('binds one keydown handler per selector and direction, the same on every render', () => {
    const focus = new RovingFocus(host());
    expect(focus.keydown()).toBe(focus.keydown('button'));
    expect(focus.keydown('tr[data-key]', true)).toBe(focus.keydown('tr[data-key]', true));
    expect(focus.keydown('tr[data-key]', true)).not.toBe(focus.keydown('tr[data-key]'));
  });
});

describe('TooltipController', () => {
  const setup = (focused: boolean) => {
    let updates = 0;
    const host = {
      addController: () => undefined,
      requestUpdate: () => void updates++,
    } as unknown as ReactiveControllerHost;
    const state = { focused };
    const tip = new TooltipController<number>(host, () => state.focused);
    return { tip, state, updates: () => updates };
  };
  const key = (k: string) => {
    let stopped = false;
    const event = { key: k, stopPropagation: () => void (stopped = true) } as unknown as KeyboardEvent;
    return { event, stopped: () => stopped };
  };

  it('shows a value, and the same value again draws nothing new', () => {
    const { tip, updates } = setup(false);
    tip.show(3);
    tip.show(3);
    expect(tip.value).toBe(3);
    expect(updates()).toBe(1);
    tip.show(0);
    expect(tip.value).toBe(0);
    expect(updates()).toBe(2);
  });

  it('the pointer leaving closes it, unless keyboard focus holds it open', () => {
    const { tip, state } = setup(true);
    tip.show(2);
    tip.leave();
    expect(tip.value).toBe(2);
    state.focused = false;
    tip.leave();
    expect(tip.value).toBe(null);
  });

  it('the pointer shows what it is over; leaving goes back to what the keyboard showed while focus holds it', () => {
    const { tip, state } = setup(true);
    tip.show(2);
    tip.point(5);
    tip.point(7);
    expect(tip.value).toBe(7);
    tip.leave();
    expect(tip.value).toBe(2);
    // Escape closed it: the pointer opens it, and leaving closes it (the keyboard shows nothing to go back to).
    tip.close();
    tip.point(4);
    tip.leave();
    expect(tip.value).toBe(null);
    // Without focus, the pointer alone: leaving closes it.
    state.focused = false;
    tip.point(1);
    tip.leave();
    expect(tip.value).toBe(null);
  });

  it('Escape closes an open tooltip and stops there; with none open, or another key, the page gets it', () => {
    const { tip } = setup(false);
    const idle = key('Escape');
    expect(tip.escape(idle.event)).toBe(false);
    expect(idle.stopped()).toBe(false);
    tip.show(1);
    const other = key('Enter');
    expect(tip.escape(other.event)).toBe(false);
    expect(tip.value).toBe(1);
    const esc = key('Escape');
    expect(tip.escape(esc.event)).toBe(true);
    expect(esc.stopped()).toBe(true);
    expect(tip.value).toBe(null);
    expect(tip.close()).toBe(false);
  });
});
