import { expect } from '@open-wc/testing';
import { WIDGETS } from '../../src/registry.js';

interface Report {
  states: string[];
  picked: string;
  errors: string[];
  warnings: string[];
}

/** Opens a page in an iframe and waits for its report (tests/frameworks/report.js). */
async function open(url: string): Promise<Report> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '800px';
  const report = new Promise<Report>((resolve) => {
    window.addEventListener('message', function onMessage(e: MessageEvent) {
      if (e.source === frame.contentWindow && e.data?.kpiFramework) {
        window.removeEventListener('message', onMessage);
        resolve(e.data as Report);
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

const READY = WIDGETS.map((w) => `${w.tag}:ready`);

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
});
