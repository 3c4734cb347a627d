import type { RegionalSlaDoc } from '../schema/regional-sla.js';
import { slaStatus } from '../compute/regional-sla.js';
import { int, pct, insight, type Say } from './rule.js';
import { share, type Insight } from './facts.js';

/** The insights of a `regional-sla` document (the rules are listed in src/insights/index.ts). */
export function regionalSlaInsights(doc: RegionalSlaDoc, s: Say): Insight[] {
  const out: Insight[] = [];
  let top: { region: RegionalSlaDoc['regions'][number]; metric: string; late: number; total: number } | null = null;
  for (const m of doc.metrics) {
    const breached = doc.regions.filter((r) => {
      const v = r.values[m.id];
      return v ? slaStatus(v.p50 ?? null, v.p90 ?? null, m.target) === 'breached' : false;
    });
    const measured = doc.regions.filter((r) => r.values[m.id]).length;
    if (measured)
      out.push(
        insight(
          s,
          {
            id: `sla.breaches.${m.id}`,
            type: 'count',
            importance: breached.length ? 0.5 + 0.5 * (breached.length / measured) : 0.3,
            marks: breached.map((r) => r.id),
          },
          { breached: int(breached.length), regions: int(measured) },
          (w) => s.t.slaBreaches({ ...w, metric: m.label }, breached.length, measured),
        ),
      );
    for (const r of doc.regions) {
      const v = r.values[m.id];
      const late = v && v.withinTarget !== undefined ? v.total - v.withinTarget : 0;
      if (v && late > (top?.late ?? 0)) top = { region: r, metric: m.label, late, total: v.total };
    }
  }
  const lateShare = top ? share(top.late, top.total) : null;
  if (top && lateShare !== null) {
    const t = top;
    out.push(
      insight(
        s,
        { id: 'sla.most-late', type: 'outlier', importance: 0.9, marks: [t.region.id] },
        { late: int(t.late), total: int(t.total), share: pct(lateShare) },
        (w) => s.t.slaMostLate({ ...w, region: t.region.label, group: t.region.group ?? '', metric: t.metric }),
      ),
    );
  }
  return out;
}
