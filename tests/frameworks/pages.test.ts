import { expect } from '@open-wc/testing';
import { ELEMENTS } from '../../src/registry.js';

interface Report {
  states: string[];
  picked: string;
  errors: string[];
  warnings: string[];
}

/** Opens a page in an iframe and waits for its report (tests/frameworks/report.js, or the page's own). */
async function open<R = Report>(url: string, key = 'kpiFramework'): Promise<R> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '800px';
  const report = new Promise<R>((resolve) => {
    window.addEventListener('message', function onMessage(e: MessageEvent) {
      if (e.source === frame.contentWindow && e.data?.[key]) {
        window.removeEventListener('message', onMessage);
        resolve(e.data as R);
      }
    });
  });
  frame.src = url;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

const READY = ELEMENTS.map((w) => `${w.tag}:ready`);

/** These pages use the CDN build (and the React page's bundle), which `npm test` builds before this runs. */
describe('the CDN build in real pages', function () {
  this.timeout(30000);
  it('a blank page: all five widgets from src reach ready with no console errors', async () => {
    const r = await open('/tests/frameworks/blank.html');
    expect(r.errors).to.deep.equal([]);
    expect(r.states).to.deep.equal(READY);
  });
  it('a React 19 page: properties, attributes and the kpi-select handler', async () => {
    const r = await open('/tests/frameworks/react.html');
    expect(r.errors).to.deep.equal([]);
    expect(r.states).to.deep.equal(READY);
    expect(r.picked).to.equal('step:purchased');
  });
  it('a Vue 3 page: properties, attributes and the kpi-select handler', async () => {
    const r = await open('/tests/frameworks/vue.html');
    expect(r.errors).to.deep.equal([]);
    expect(r.states).to.deep.equal(READY);
    expect(r.picked).to.equal('step:purchased');
  });
  it('the kit loaded twice, plus a single-widget file: no error, one warning, everything works', async () => {
    const r = await open('/tests/frameworks/twice.html');
    expect(r.errors).to.deep.equal([]);
    expect(r.warnings.length).to.equal(1);
    expect(r.warnings[0]).to.contain('kpi-kit is loaded twice');
    expect(r.states).to.deep.equal(READY);
  });

  interface BoardReport {
    state: string;
    widgets: string[];
    scripts: string[];
    warnings: string[];
  }
  const board = (widgets: string) =>
    open<BoardReport>(`/tests/frameworks/board-cdn.html?widgets=${widgets}`, 'kpiBoardPage');

  it('kpi-board.js alone, a board of three kinds: it loads the kit beside it (kit plus board), quietly', async () => {
    const r = await board(
      'funnel:funnel.fulfilment.json,regional-sla:regional-sla.states.json,channels:channels.leads.json',
    );
    expect(r.state).to.equal('ready');
    expect(r.widgets).to.deep.equal(['kpi-funnel:ready', 'kpi-regional-sla:ready', 'kpi-channel-view:ready']);
    expect(r.scripts.filter((s) => !s.includes('/chunks/')).sort()).to.deep.equal([
      '/dist/cdn/kpi-board.js',
      '/dist/cdn/kpi-kit.js',
    ]);
    // The kit's own <kpi-board> is an expected second definition: no warning.
    expect(r.warnings).to.deep.equal([]);
  });

  it('kpi-board.js alone: widgets defined after the board made them still fetch with its fetcher', async () => {
    const r = await board('funnel:funnel.fulfilment.json,cohort:cohort.monthly-customers.json&auth=1');
    expect(r.widgets).to.deep.equal(['kpi-funnel:ready', 'kpi-cohort-grid:ready']);
  });

  it('kpi-board.js alone, a board of one kind: it loads that widget’s own file only', async () => {
    const r = await board('funnel:funnel.fulfilment.json,funnel:funnel.leads.json');
    expect(r.widgets).to.deep.equal(['kpi-funnel:ready', 'kpi-funnel:ready']);
    expect(r.scripts.filter((s) => !s.includes('/chunks/')).sort()).to.deep.equal([
      '/dist/cdn/kpi-board.js',
      '/dist/cdn/kpi-funnel.js',
    ]);
    expect(r.warnings).to.deep.equal([]);
  });
});
