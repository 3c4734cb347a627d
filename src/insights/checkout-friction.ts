import type { CheckoutFrictionDoc } from '../schema/checkout-friction.js';
import { computeCheckout, rankCauses } from '../compute/checkout-friction.js';
import { int, pct, money, insight, type Say } from './rule.js';
import { share, type Insight } from './facts.js';

/** The insights of a `checkout-friction` document (the rules are listed in src/insights/index.ts). */
export function checkoutFrictionInsights(doc: CheckoutFrictionDoc, s: Say): Insight[] {
  const out: Insight[] = [];
  const flow = computeCheckout(doc);
  const causes = rankCauses(doc, flow, 'revenue').filter((c) => c.revenueAtRisk !== null && c.revenueAtRisk > 0);
  const total = causes.reduce((n, c) => n + c.revenueAtRisk!, 0);
  const top = causes[0];
  const topShare = top ? share(top.revenueAtRisk!, total) : null;
  if (top && topShare !== null)
    out.push(
      insight(
        s,
        { id: 'checkout.top-risk', type: 'risk', importance: 1, marks: [top.stepId, top.id] },
        { risk: money(top.revenueAtRisk!), share: pct(topShare) },
        (w) => s.t.checkoutRisk({ ...w, cause: top.label, step: top.stepLabel }),
      ),
    );
  const exits = doc.steps.map((st) => ({ st, rate: share(st.exited, st.entered) })).filter((x) => x.st.exited > 0);
  const most = exits.sort((a, b) => b.st.exited - a.st.exited)[0];
  if (most && most.rate !== null)
    out.push(
      insight(
        s,
        { id: 'checkout.biggest-exit', type: 'loss', importance: 0.8, marks: [most.st.id] },
        { exited: int(most.st.exited), entered: int(most.st.entered), rate: pct(most.rate) },
        (w) => s.t.checkoutExit({ ...w, step: most.st.label }),
      ),
    );
  return out;
}
