import { expect, fixture } from '@open-wc/testing';
import fc from 'fast-check';
import '../../components/index.js';
import { KPI_KINDS, type KpiKind } from '../../src/index.js';
import { byKind } from '../../src/registry.js';
import type { KpiElement } from '../../src/core/kpi-element.js';
import { invalidDocument } from '../data/bad-input.js';
import { loadFixture } from '../browser/helpers/util.js';

/** Fixed seed so CI is deterministic; fast-check prints the seed and path of any failure. */
const SEED = 20261127;
const RUNS = 2000;

const TAGS = byKind((w) => w.tag);
const FIXTURES = byKind((w) => w.fixtures);

describe('generated invalid documents (fast-check)', () => {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const kind of KPI_KINDS) {
    it(`${kind}: ${RUNS} invalid documents each give state="error" with paths, and nothing throws`, async () => {
      const bases = await Promise.all(FIXTURES[kind].map((f) => loadFixture(f)));
      const el = await fixture<KpiElement<KpiKind>>(`<${TAGS[kind]} locale="en-US"></${TAGS[kind]}>`);
      let events = 0;
      el.addEventListener('kpi-error', () => {
        events++;
      });
      await fc.assert(
        fc.asyncProperty(invalidDocument(kind, bases), async ({ doc }) => {
          el.data = null;
          el.data = doc as never; // untyped on purpose: the widget validates it
          await el.updateComplete;
          expect(el.getAttribute('state')).to.equal('error');
          expect(el.issues.length).to.be.greaterThan(0);
          for (const i of el.issues) expect(i.pathText).to.be.a('string').and.not.equal('');
          const alert = el.shadowRoot!.querySelector('[role="alert"]');
          expect(alert, 'an alert').to.not.equal(null);
          expect(alert!.textContent).to.contain(el.issues[0]!.pathText);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
      );
      await new Promise((r) => setTimeout(r, 0));
      expect(events).to.be.greaterThan(RUNS / 2);
      expect(errors, 'uncaught errors').to.deep.equal([]);
    });
  }
});
