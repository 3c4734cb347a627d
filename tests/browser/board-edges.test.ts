// <kpi-board> on the real built kit at its edges: a race between answers, export, a static board, an invalid
// manifest, no URL state, axe and the Tab path, low vision.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { KpiBoard } from '../../components/board/kpi-board.js';
import { untilState } from './helpers/util.js';
import { $, $$, MANIFEST, allReady, mountBoard, recording, useBuiltKit } from './helpers/board.js';

useBuiltKit();

describe('<kpi-board> at its edges (built kit, served documents)', () => {
  it('a race: an old answer that arrives after the new one is dropped', async () => {
    // A fetcher the test holds: each funnel request waits until the test lets it through, and then answers even if
    // it was aborted meanwhile (as a fetcher that ignores the signal would).
    const gates: [string, () => void][] = [];
    /** The funnel answers handed to the widget, in order. */
    const handed: string[] = [];
    const held: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!url.startsWith('/kpi/funnel')) return fetch(input, init);
      await new Promise<void>((r) => gates.push([url, r]));
      const body = await (await fetch(input, { ...init, signal: null })).text();
      handed.push(url);
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    const firstCount = async (region: string) => {
      const doc = await (await fetch(`${MANIFEST.widgets[0]!.src}&region=${region}`)).json();
      return (doc as { steps: { count: number }[] }).steps[0]!.count.toLocaleString('en');
    };
    const [sp, rj] = [await firstCount('BR-SP'), await firstCount('BR-RJ')];
    expect(sp).not.to.equal(rj);
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1200px">
      <kpi-board locale="en" .fetcher=${held} .manifest=${MANIFEST}></kpi-board>
    </div>`);
    const board = wrap.firstElementChild as KpiBoard;
    await untilState(board, 'ready');
    const funnel = board.widget('funnel')!;
    await waitUntil(() => gates.length === 1);
    gates[0]![1]();
    await untilState(funnel, 'ready', 15000);
    board.setFilter('region', 'BR-SP');
    await waitUntil(() => gates.length === 2);
    board.setFilter('region', 'BR-RJ');
    await waitUntil(() => gates.length === 3);
    const text = () => funnel.shadowRoot!.textContent!;
    // The new answer lands first…
    gates[2]![1]();
    await waitUntil(() => text().includes(rj), 'the new answer never showed');
    // …then the old one arrives: it is dropped, the new figures stay.
    gates[1]![1]();
    await waitUntil(() => handed.length === 3, 'the old answer never arrived');
    expect(handed[2]).to.contain('region=BR-SP');
    // It was handed over: give the widget a render to (wrongly) show it.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(text()).to.contain(rj);
    expect(text()).not.to.contain(sp);
  });

  it('export: the whole board as SVG and PNG, and each widget’s numbers under its title as CSV', async () => {
    const board = await mountBoard({
      kind: 'board',
      version: 1,
      title: 'Semana 48',
      widgets: [
        { id: 'f', kind: 'funnel', src: '/fixtures/funnel.fulfilment.json', size: 'half' },
        { id: 's', kind: 'regional-sla', src: '/fixtures/regional-sla.states.json', size: 'half' },
      ],
    });
    await untilState(board, 'ready');
    for (const id of ['f', 's']) await untilState(board.widget(id)!, 'ready', 15000);
    const exporting = board as KpiBoard & { export(f: string): Promise<Blob> };
    const svg = await (await exporting.export('svg')).text();
    const xml = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(xml.querySelector('parsererror')).to.equal(null);
    expect(xml.querySelector('title')!.textContent).to.equal('Semana 48');
    const text = xml.documentElement.textContent!;
    for (const title of ['Semana 48', 'Order fulfilment funnel', 'Delivery SLA by state'])
      expect(text).to.contain(title);
    expect(svg).to.not.contain('part="export"');
    const png = await createImageBitmap(await exporting.export('png'));
    const box = board.getBoundingClientRect();
    expect([png.width, png.height]).to.deep.equal([Math.ceil(box.width * 2), Math.ceil(box.height * 2)]);
    const csv = await (await exporting.export('csv')).text();
    const lines = csv.split('\r\n');
    // pt-BR: each widget's table under its title, separated by semicolons.
    expect(lines[0]).to.contain('Order fulfilment funnel');
    expect(lines[1]!.split(';')[0]).to.equal('Etapa');
    expect(lines.some((l) => l.startsWith('Delivery SLA by state'))).to.equal(true);
    expect(lines.some((l) => l.startsWith('BR-SP;São Paulo;'))).to.equal(true);
    // The menu is in the board's header.
    expect($(board, '[part~="header"] [part~="export"]')!.textContent).to.equal('Exportar');
  });

  it('a static board (plain JSON files): filters a widget cannot apply are not offered, and it says so', async () => {
    const board = await mountBoard({
      kind: 'board',
      version: 1,
      filters: [{ id: 'period' }, { id: 'region', values: '/kpi/values/region' }],
      widgets: [
        { id: 'f', kind: 'funnel', src: '/fixtures/funnel.fulfilment.json', filters: ['period', 'region'] },
        { id: 's', kind: 'regional-sla', src: '/fixtures/regional-sla.states.json' },
      ],
    });
    await untilState(board, 'ready');
    await untilState(board.widget('f')!, 'ready');
    expect($(board, 'form')).to.equal(null);
    expect($(board, '.cell .note')!.textContent).to.contain('Arquivo fixo');
    expect(board.widget('f')!.getAttribute('src')).to.equal('/fixtures/funnel.fulfilment.json');
  });

  it('an invalid manifest shows each problem with its path and fires kpi-error; it never throws', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const board = document.createElement('kpi-board') as KpiBoard;
    board.setAttribute('locale', 'en');
    const failed = oneEvent(board, 'kpi-error');
    board.manifest = {
      kind: 'board',
      version: 1,
      widgets: [
        { id: 'x', kind: 'no-such-kind', src: '/x' },
        { id: 'y', kind: 'funnel', src: '/y', size: 'huge' },
      ],
    } as never;
    wrap.append(board);
    const { detail } = (await failed) as CustomEvent<{ issues: { pathText: string }[] }>;
    expect(detail.issues.map((i) => i.pathText)).to.deep.equal(['widgets[0].kind', 'widgets[1].size']);
    await untilState(board, 'error');
    expect(board.shadowRoot!.textContent).to.contain('widgets[1].size');
    await expect(board).to.be.accessible();
    // Once the shape is right, the cross-field rules: a filter the board does not declare.
    const again = oneEvent(board, 'kpi-error');
    board.manifest = {
      kind: 'board',
      version: 1,
      filters: [{ id: 'period' }],
      widgets: [{ id: 'y', kind: 'funnel', src: '/y', filters: ['region'], select: { region: 'channel' } }],
    };
    const second = (await again) as CustomEvent<{ issues: { pathText: string; message: string }[] }>;
    expect(second.detail.issues.map((i) => `${i.pathText}: ${i.message}`)).to.deep.equal([
      'widgets[0].filters[0]: expected a declared filter, got "region"',
      'widgets[0].select.region: expected a declared filter, got "channel"',
    ]);
  });

  it('no-url-state keeps the filters out of the URL', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <kpi-board no-url-state .fetcher=${recording} .manifest=${MANIFEST}></kpi-board>
    </div>`);
    const board = wrap.firstElementChild as KpiBoard;
    await untilState(board, 'ready');
    board.setFilter('region', 'BR-SP');
    expect(location.search).not.to.contain('region');
  });

  it('is axe clean with every widget ready, and Tab reaches the bar then each widget in a few stops', async () => {
    const board = await mountBoard();
    await allReady(board);
    await expect(board).to.be.accessible();
    // The tab order: the bar's controls (period, two pickers), then each widget's own stops.
    $(board, 'form select')!.focus();
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      stops.push((board.shadowRoot!.activeElement as HTMLElement).localName);
      await sendKeys({ press: 'Tab' });
    }
    expect(stops).to.deep.equal(['select', 'button', 'button']);
    // The next stop is inside the first widget.
    expect(board.shadowRoot!.activeElement).to.equal(board.widget('funnel'));
  });

  describe('low vision', () => {
    afterEach(async () => {
      await emulateMedia({ forcedColors: 'none' });
      document.documentElement.style.fontSize = '';
    });
    const overflows = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;

    it('forced colours: pickers, chips and clear-all keep their borders; a chip differs from clear-all', async () => {
      const board = await mountBoard();
      await untilState(board, 'ready');
      board.filters = { region: ['BR-SP'] };
      await board.updateComplete;
      await emulateMedia({ forcedColors: 'active' });
      const border = (el: HTMLElement) => getComputedStyle(el);
      for (const el of [$(board, '.pick')!, $(board, '.chip')!, $(board, '.clear')!, $(board, 'form select')!]) {
        const b = border(el);
        expect(b.borderTopStyle, el.className || el.localName).not.to.equal('none');
        expect(b.borderTopWidth, el.className || el.localName).not.to.equal('0px');
      }
      expect(border($(board, '.chip')!).borderTopStyle).not.to.equal(border($(board, '.clear')!).borderTopStyle);
    });

    for (const width of [320, 1200]) {
      it(`200 % text at ${width} px: the bar and its chips wrap, nothing sticks out`, async () => {
        document.documentElement.style.fontSize = '200%';
        const board = await mountBoard(MANIFEST, width);
        await untilState(board, 'ready');
        board.filters = { from: '2018-01-01', to: '2018-06-30', region: ['BR-SP', 'BR-RJ'], channel: ['marketplace'] };
        await board.updateComplete;
        const bar = $(board, 'form')!;
        // The text really is twice as large: the bar's controls follow the reader's font size.
        expect(parseFloat(getComputedStyle($(board, '.pick')!).fontSize)).to.be.greaterThan(24);
        expect(overflows(bar), 'the bar overflows').to.equal(false);
        for (const el of $$(board, '.chip, .pick, select'))
          expect(el.getBoundingClientRect().right, el.textContent!).to.be.at.most(
            bar.getBoundingClientRect().right + 1,
          );
      });
    }
  });
});
