import type { CohortDoc } from '../schema/cohort.js';
import { pct, money, insight, MIN_COHORT, type Say } from './rule.js';
import { share, type Insight } from './facts.js';

/** The insights of a `cohort` document (the rules are listed in src/insights/index.ts). */
export function cohortInsights(doc: CohortDoc, s: Say): Insight[] {
  const out: Insight[] = [];
  const revenue = doc.measure === 'revenue';
  const at1 = doc.cohorts
    .map((c) => ({ c, v: c.values[1] ?? null }))
    .filter((x): x is { c: (typeof doc.cohorts)[number]; v: number } => x.v !== null && x.c.size > 0);
  const latest = at1.at(-1);
  const size = at1.reduce((n, x) => n + x.c.size, 0);
  const avg = share(
    at1.reduce((n, x) => n + x.v, 0),
    size,
  );
  const fact = (v: number) => (revenue ? money(v) : pct(v));
  if (latest && avg !== null)
    out.push(
      insight(
        s,
        { id: 'cohort.latest', type: 'level', importance: 1, marks: [latest.c.id] },
        { value: fact(latest.v / latest.c.size), average: fact(avg) },
        (w) => s.t.cohortLatest({ ...w, cohort: latest.c.label ?? latest.c.id }, doc.periodUnit, revenue),
      ),
    );
  const ranked = at1.filter((x) => x.c.size >= MIN_COHORT).sort((a, b) => b.v / b.c.size - a.v / a.c.size);
  if (ranked.length >= 2) {
    const best = ranked[0]!;
    const worst = ranked.at(-1)!;
    out.push(
      insight(
        s,
        { id: 'cohort.best-worst', type: 'outlier', importance: 0.7, marks: [best.c.id, worst.c.id] },
        { best: fact(best.v / best.c.size), worst: fact(worst.v / worst.c.size) },
        (w) =>
          s.t.cohortBestWorst(
            { ...w, bestCohort: best.c.label ?? best.c.id, worstCohort: worst.c.label ?? worst.c.id },
            doc.periodUnit,
          ),
      ),
    );
  }
  return out;
}
