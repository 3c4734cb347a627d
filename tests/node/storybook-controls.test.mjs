import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlProblems } from '../../scripts/storybook-controls.mjs';

const row = (key, over = {}) => ({
  key,
  category: 'attributes',
  control: 'text',
  shown: true,
  description: 'What it does.',
  ...over,
});

test('controls a designer understands pass', () => {
  assert.deepEqual(
    controlProblems(
      [
        row('data', { control: 'object' }),
        row('src'),
        row('timeout', { control: 'number', defaultSummary: '30' }),
        row('percent-of', { control: 'inline-radio' }),
        row('percentOf', { shown: false, control: 'object', description: '' }),
        row('kpi-select', { category: 'events', control: false }),
        row('--kpi-funnel-bar-color', { category: 'css custom properties', control: false }),
        row('base', { category: 'css shadow parts', control: false }),
        row('state', { control: false }),
      ],
      new Map([
        ['percent-of', 'percentOf'],
        ['percentOf', 'percentOf'],
      ]),
    ),
    [],
  );
});

test('each kind of problem is named', () => {
  const cases = [
    [[row('refresh', { control: 'object', type: 'number' })], 'refresh: an object control ("Set object") on a number'],
    [[row('kpi-select', { category: 'events', control: 'object' })], 'kpi-select: a control for an event'],
    [
      [row('--kpi-x', { category: 'css custom properties', control: 'object' })],
      '--kpi-x: a control for a CSS custom property',
    ],
    [[row('base', { category: 'css shadow parts', control: 'object' })], 'base: a control for a CSS part'],
    [[row('width', { description: '' })], 'width: a control with no description'],
    [
      [row('timeout', { control: 'number', defaultSummary: 'DEFAULT_TIMEOUT_SECONDS' })],
      "timeout: its default reads as a constant's name (DEFAULT_TIMEOUT_SECONDS)",
    ],
  ];
  for (const [rows, problem] of cases)
    assert.ok(
      controlProblems(rows).some((p) => p.startsWith(problem)),
      `${problem}: got ${controlProblems(rows)}`,
    );
});

test('an attribute and its property both shown is one property twice', () => {
  const fields = new Map([
    ['percent-of', 'percentOf'],
    ['percentOf', 'percentOf'],
  ]);
  assert.deepEqual(
    controlProblems(
      [row('percentOf', { control: 'object' }), row('percent-of', { control: 'inline-radio' })],
      fields,
    ).filter((p) => p.includes('twice')),
    ['percent-of: the same property as percentOf, shown twice'],
  );
});
