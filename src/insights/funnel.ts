import type { FunnelDoc } from '../schema/funnel.js';
import { formatDateRange } from '../format/index.js';
import { int, pct, insight, MIN_SEGMENT, type Say } from './rule.js';
import { share, type Insight, type InsightFact } from './facts.js';

/** The insights of a `funnel` document (the rules are listed in src/insights/index.ts). */
export function funnelInsights(doc: FunnelDoc, s: Say, prev?: FunnelDoc): Insight[] {
  const out: Insight[] = [];
  const steps = doc.steps;
  if (steps.length < 2) return out;
  const first = steps[0]!;
  const last = steps.at(-1)!;
  // A step without a count (not measured) makes no conversion.
  if (first.count === null || last.count === null) return out;
  const [n0, n1] = [first.count, last.count];
  const rate = share(n1, n0);
  if (rate === null) return out;
  const facts: Record<string, InsightFact> = { rate: pct(rate), first: int(n0), last: int(n1) };
  let change: 'up' | 'down' | 'same' | null = null;
  // Against the document's own comparison, else the document it is compared to (its period, or its title, names it).
  const prevLabel = prev
    ? prev.period
      ? formatDateRange(s.c.locale, prev.period.from, prev.period.to)
      : prev.title
    : '';
  const against = doc.comparison ?? (prev && prevLabel ? { label: prevLabel, steps: prev.steps } : undefined);
  const cFirst = against?.steps.find((x) => x.id === first.id)?.count;
  const cLast = against?.steps.find((x) => x.id === last.id)?.count;
  const before = cFirst == null || cLast == null ? null : share(cLast, cFirst);
  if (before !== null) {
    const noise = 2 * Math.sqrt((rate * (1 - rate)) / n0 + (before * (1 - before)) / cFirst!);
    const delta = rate - before;
    change = Math.abs(delta) <= noise ? 'same' : delta > 0 ? 'up' : 'down';
    facts['before'] = pct(before);
    if (change !== 'same') facts['change'] = { value: delta, format: 'points' };
  }
  out.push(
    insight(
      s,
      { id: 'funnel.conversion', type: change ? 'change' : 'level', importance: 1, marks: [first.id, last.id] },
      facts,
      (w) => s.t.funnelConversion({ ...w, lastLabel: last.label, comparison: against?.label ?? '' }, change),
    ),
  );
  // The step that loses the most.
  let worst = -1;
  let lost = 0;
  for (let k = 1; k < steps.length; k++) {
    const [a, b] = [steps[k - 1]!.count, steps[k]!.count];
    const l = a === null || b === null ? 0 : a - b;
    if (l > lost) [worst, lost] = [k, l];
  }
  const allLost = n0 - n1;
  const lostShare = share(lost, allLost);
  if (worst > 0 && lostShare !== null)
    out.push(
      insight(
        s,
        { id: 'funnel.loss', type: 'loss', importance: 0.8, marks: [steps[worst - 1]!.id, steps[worst]!.id] },
        { lost: int(lost), share: pct(lostShare) },
        (w) => s.t.funnelLoss({ ...w, from: steps[worst - 1]!.label, to: steps[worst]!.label }),
      ),
    );
  // The weakest segment against the total.
  let weakest: { id: string; label: string; rate: number } | null = null;
  for (const seg of doc.segments ?? []) {
    const sf = seg.steps.find((x) => x.id === first.id)?.count ?? 0;
    const sl = seg.steps.find((x) => x.id === last.id)?.count;
    const r = sl == null || sf < MIN_SEGMENT ? null : share(sl, sf);
    if (r !== null && r < rate && (!weakest || r < weakest.rate)) weakest = { id: seg.id, label: seg.label, rate: r };
  }
  if (weakest)
    out.push(
      insight(
        s,
        { id: 'funnel.weakest-segment', type: 'outlier', importance: 0.6, marks: [weakest.id] },
        { segmentRate: pct(weakest.rate), rate: pct(rate) },
        (w) => s.t.funnelWeakest({ ...w, segment: weakest.label }),
      ),
    );
  return out;
}
