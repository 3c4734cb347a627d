import { WIDGETS } from '../../src/registry.js';
import { INSIGHT_RULES } from '../../src/insights/all.js';
import { expect } from '@open-wc/testing';

/**
 * All five widgets from the CDN build (dist/cdn/kpi-kit.js, written by
 * `npm run build`, which `npm test` runs first) in a page served with
 * `default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'`.
 */
describe('strict Content Security Policy and Trusted Types', () => {
  it('renders every widget from the CDN build with zero violations', async () => {
    const probe = await fetch('/dist/cdn/kpi-kit.js', { method: 'HEAD' });
    expect(probe.ok, 'dist/cdn/kpi-kit.js is missing: run `npm run build` first (npm test does)').to.equal(true);
    const frame = document.createElement('iframe');
    const result = new Promise<{
      violations: string[];
      states?: string[];
      insights?: boolean[];
      exported?: string[];
      menus?: number[];
      error?: string;
    }>((resolve) => {
      window.addEventListener('message', function onMessage(e: MessageEvent) {
        if (e.data?.kpiCsp) {
          window.removeEventListener('message', onMessage);
          resolve(e.data);
        }
      });
    });
    frame.src = '/csp/page.html';
    document.body.append(frame);
    try {
      const r = await result;
      expect(`${r.error ?? ''} ${JSON.stringify(r)}`.trim()).to.equal(JSON.stringify(r));
      expect(r.violations).to.deep.equal([]);
      expect(r.states).to.deep.equal(WIDGETS.map((w) => `${w.tag}:ready`));
      // Every widget of a kind with insight rules shows its insights, whose code loaded from chunks/ under the policy.
      expect(r.insights).to.deep.equal(WIDGETS.map((w) => w.kind in INSIGHT_RULES));
      // Every widget exports SVG, PNG and CSV, and opens its export menu, whose code loaded from chunks/ too.
      expect(r.exported).to.deep.equal(WIDGETS.map(() => 'image/svg+xml image/png text/csv'));
      expect(r.menus).to.deep.equal(WIDGETS.map(() => 3));
    } finally {
      frame.remove();
    }
  });
});
