/** Deterministic large documents for tests, stories and benchmarks. */
import type { CohortDoc, RegionalSlaDoc } from '../../src/index.js';

/** `n` weekly cohorts × up to `n` periods (a triangle: 104 gives ~5,500 filled cells). */
export function weeklyCohorts(n = 104): CohortDoc {
  const cohorts = Array.from({ length: n }, (_, i) => {
    const size = 800 + ((i * 37) % 400);
    const values = Array.from({ length: n - i }, (_, k) =>
      k === 0 ? size : Math.round(size * 0.35 * Math.exp(-k / 20) * (0.9 + ((i + k) % 7) / 30)),
    );
    const start = new Date(Date.UTC(2024, 11, 30 + 7 * i));
    return { id: `w${i}`, label: `Week of ${start.toISOString().slice(0, 10)}`, size, values };
  });
  return {
    kind: 'cohort',
    version: 1,
    measure: 'customers',
    periodUnit: 'week',
    title: 'Weekly cohorts, two years',
    subtitle: `Generated: ${n} cohorts × ${n} weeks`,
    cohorts,
  };
}

/** `n` municipalities × 3 metrics; every 11th lacks the hand-off metric; labels repeat across groups. */
export function municipalities(n = 5000): RegionalSlaDoc {
  const groups = ['Norte', 'Nordeste', 'Centro-Oeste', 'Sudeste', 'Sul'];
  const names = [
    'São José',
    'Bom Jesus',
    'Santa Luzia',
    'Itaúna',
    'Conceição',
    'Palmeiras',
    'Brejo Grande',
    'Água Branca',
  ];
  const regions = Array.from({ length: n }, (_, i) => {
    const a = (i * 7919) % 1000;
    const values: RegionalSlaDoc['regions'][number]['values'] = {
      delivery: { p50: 3 + (a % 90) / 10, p90: 12 + (a % 160) / 10, withinTarget: 50 + (a % 40), total: 100 },
      approval: { p50: 1 + (a % 30), p90: 31 + (a % 40), withinTarget: 70, total: 90 },
    };
    if (i % 11 !== 0)
      values['handoff'] = { p50: 1 + (a % 20) / 10, p90: 3 + (a % 50) / 10, withinTarget: 60, total: 80 };
    return {
      id: `M${String(i).padStart(5, '0')}`,
      label: `${names[i % names.length]} ${i % 3 === 0 ? '' : i}`.trim(),
      group: groups[i % groups.length],
      volume: 100 + (a % 900),
      values,
    };
  });
  return {
    kind: 'regional-sla',
    version: 1,
    title: `${n.toLocaleString('en')} municipalities`,
    subtitle: 'Generated data',
    metrics: [
      { id: 'delivery', label: 'Delivery', unit: 'days', target: 10 },
      { id: 'approval', label: 'Approval', unit: 'hours', target: 24 },
      { id: 'handoff', label: 'Hand-off', unit: 'days', target: 3 },
    ],
    regions,
  };
}
