import type { CohortDoc } from '../../src/schema/cohort.js';

/** 104 weekly cohorts × up to 104 periods (a triangle, ~5,500 filled cells), deterministic. */
export function weeklyCohorts(n = 104): CohortDoc {
  const cohorts = Array.from({ length: n }, (_, i) => {
    const size = 800 + ((i * 37) % 400);
    const values = Array.from({ length: n - i }, (_, k) => (k === 0 ? size : Math.round(size * 0.35 * Math.exp(-k / 20) * (0.9 + ((i + k) % 7) / 30))));
    const start = new Date(Date.UTC(2024, 11, 30 + 7 * i));
    return { id: `w${i}`, label: `${start.toISOString().slice(0, 10)}`, size, values };
  });
  return { kind: 'cohort', version: 1, measure: 'customers', periodUnit: 'week', title: 'Weekly cohorts, two years', subtitle: 'Generated: 104 cohorts × 104 weeks', cohorts };
}
