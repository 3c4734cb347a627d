// <kpi-board> on the real built kit (dist/cdn/kpi-kit.js) against kpi-kit serve's handler over two stores: every
// widget ready, filters by keyboard reloading exactly the widgets that list them, cross-filters from the SLA table and
// the channel view, the URL both ways, the host API. A race, export, static boards, a bad manifest, axe and low
// vision: board-edges.test.ts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BoardFilters } from '../../src/view/board.js';
import { assertNoBadText, untilState } from './helpers/util.js';
import {
  $,
  $$,
  IDS,
  MANIFEST,
  allReady,
  mountBoard,
  reloaded,
  requests,
  useBuiltKit,
  widgets,
} from './helpers/board.js';

useBuiltKit();

describe('<kpi-board> (built kit, served documents)', () => {
  it('shows every widget ready on a grid; the bar a labelled form, each widget a labelled region', async () => {
    const board = await mountBoard();
    await allReady(board);
    expect(board.getAttribute('state')).to.equal('ready');
    const form = $(board, 'form')!;
    expect(form.getAttribute('aria-label')).to.equal('Filtros');
    // Each widget is a region named by its kind and title; the cells are not regions of their own.
    const cells = $$(board, '[part~="cell"]');
    expect(cells.map((c) => c.getAttribute('role'))).to.deep.equal(cells.map(() => null));
    const names = cells.map(
      (c) => c.firstElementChild!.shadowRoot!.querySelector('[role="region"]')!.getAttribute('aria-label')!,
    );
    expect(names.map((n) => n.split(' · ')[0])).to.deep.equal([
      'Funil',
      'Canais',
      'Níveis de serviço por região',
      'Retenção por coorte',
      'Atrito no checkout',
      'Previsão',
    ]);
    // half, half, full, third × 3 at 1200 px: two per row, then one, then three.
    const tops = cells.map((c) => Math.round(c.getBoundingClientRect().top));
    expect(tops[0]).to.equal(tops[1]);
    expect(tops[2]).to.be.greaterThan(tops[1]!);
    expect(tops[3]).to.equal(tops[5]);
    // Each widget read its document once, the pickers their values once; no widget lists store, so it is not offered.
    expect(requests.filter((r) => r.startsWith('/kpi/values/')).sort()).to.deep.equal([
      '/kpi/values/channel',
      '/kpi/values/region',
    ]);
    expect($$(board, '[data-filter]').map((f) => f.dataset['filter'])).to.deep.equal(['region', 'channel']);
    expect(reloaded(0)).to.deep.equal(IDS);
    assertNoBadText(board);
  });

  it('below 720 px every widget is full width', async () => {
    const board = await mountBoard(MANIFEST, 600);
    await untilState(board, 'ready');
    const cells = $$(board, '[part~="cell"]');
    const widths = cells.map((c) => Math.round(c.getBoundingClientRect().width));
    expect(new Set(widths).size).to.equal(1);
  });

  it('a region picked by keyboard reloads exactly the widgets that list region, with it in the query', async () => {
    const board = await mountBoard();
    await allReady(board);
    const button = $(board, '[data-filter="region"] button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    // The search field has the focus; narrow to Rio, go to its checkbox, tick it.
    await waitUntil(() => $(board, '.panel input[type="checkbox"]'), 'the values never loaded');
    await sendKeys({ type: 'rio de' });
    await board.updateComplete;
    const options = $$(board, '.panel label');
    expect(options.length).to.equal(1);
    expect(options[0]!.textContent).to.contain('Rio de Janeiro');
    const from = requests.length;
    const changed = oneEvent(board, 'kpi-board-change');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const { detail } = (await changed) as CustomEvent<{ filters: BoardFilters }>;
    expect(detail.filters.region).to.deep.equal(['BR-RJ']);
    await allReady(board);
    expect(reloaded(from)).to.deep.equal(['funnel', 'channels', 'cohort', 'checkout', 'forecast']);
    for (const r of requests.slice(from).filter((r) => !r.startsWith('/kpi/values')))
      expect(new URL(r, location.href).searchParams.getAll('region')).to.deep.equal(['BR-RJ']);
    // Escape closes the picker and returns to its button; the chip names the filter.
    await sendKeys({ press: 'Escape' });
    await board.updateComplete;
    expect($(board, '.panel')).to.equal(null);
    expect(board.shadowRoot!.activeElement).to.equal($(board, '[data-filter="region"] button'));
    expect($(board, '.chip')!.getAttribute('aria-label')).to.equal('Remover filtro Região: Rio de Janeiro');
    expect($(board, '[role="status"][aria-live="polite"]')!.textContent).to.equal('1 filtro · Rio de Janeiro');
  });

  it('a period preset sets from and to, counted back from the manifest’s asOf', async () => {
    const board = await mountBoard();
    await allReady(board);
    const from = requests.length;
    const select = $(board, 'form select') as HTMLSelectElement;
    select.focus();
    select.value = 'last-30';
    select.dispatchEvent(new Event('change'));
    expect(board.filters).to.deep.include({ from: '2018-08-02', to: '2018-08-31' });
    await allReady(board);
    // cohort and forecast do not list the period.
    expect(reloaded(from)).to.deep.equal(['funnel', 'channels', 'sla', 'checkout']);
    // Custom shows two date inputs with the range.
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await board.updateComplete;
    const dates = $$(board, 'input[type="date"]') as HTMLInputElement[];
    expect(dates.map((d) => d.value)).to.deep.equal(['2018-08-02', '2018-08-31']);
    dates[0]!.value = '2018-01-01';
    dates[0]!.dispatchEvent(new Event('change'));
    expect(board.filters).to.deep.include({ from: '2018-01-01', to: '2018-08-31' });
  });

  it('cross-filters from the SLA table and the channel view filter the others; Escape clears the last', async () => {
    const board = await mountBoard();
    await allReady(board);
    const sla = board.widget('sla')!;
    const spRow = [...sla.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].find((r) =>
      r.textContent!.includes('BR-SP'),
    )!;
    let from = requests.length;
    spRow.focus();
    await sendKeys({ press: 'Enter' });
    expect(board.filters.region).to.deep.equal(['BR-SP']);
    await allReady(board);
    expect(reloaded(from)).to.deep.equal(['funnel', 'channels', 'cohort', 'checkout', 'forecast']);
    expect(sla.shadowRoot!.activeElement, 'the tab stop stays on the picked row').to.equal(spRow);

    const channels = board.widget('channels')!;
    const appRow = [...channels.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].find(
      (r) => r.querySelector('[part~="label"]')!.textContent === 'app',
    )!;
    from = requests.length;
    appRow.focus();
    await sendKeys({ press: 'Enter' });
    expect(board.filters.channel).to.deep.equal(['app']);
    await allReady(board);
    expect(reloaded(from)).to.deep.equal(['funnel', 'sla', 'cohort', 'checkout', 'forecast']);
    await waitUntil(() => $(board, '.chip')?.textContent!.includes('São Paulo'), 'the labels never came');
    expect($$(board, '.chip').map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Região: São Paulo ×',
      'Canal: app ×',
    ]);

    // Escape on the board removes the latest cross-filter (the channel), then the region.
    await sendKeys({ press: 'Escape' });
    expect(board.filters.channel).to.deep.equal([]);
    expect(board.filters.region).to.deep.equal(['BR-SP']);
    await sendKeys({ press: 'Escape' });
    expect(board.filters.region).to.deep.equal([]);
  });

  it('a chip removes its filter and the focus stays in the chip row', async () => {
    const board = await mountBoard();
    await untilState(board, 'ready');
    board.filters = { region: ['BR-SP', 'BR-RJ'], channel: ['site'] };
    // A chip shows the value's id until the picker's values arrive, then its label.
    await waitUntil(() => $(board, '.chip')?.textContent!.includes('São Paulo'), 'the labels never came');
    const chips = $$(board, '.chip');
    expect(chips.length).to.equal(3);
    chips[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    await board.updateComplete;
    expect(board.filters.region).to.deep.equal(['BR-RJ']);
    const active = board.shadowRoot!.activeElement as HTMLElement;
    expect(active.classList.contains('chip'), 'focus on the next chip').to.equal(true);
    expect(active.textContent).to.contain('Rio de Janeiro');
    // Clear all: every filter goes, the focus goes to the bar's first control.
    $(board, '.clear')!.focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    await board.updateComplete;
    expect(board.filters).to.deep.equal({ region: [], channel: [], store: [] });
    expect(board.shadowRoot!.activeElement).to.equal($(board, 'form select'));
  });

  it('the URL: a change is pushed, back and forward restore it, a pasted link opens the same filters', async () => {
    const board = await mountBoard();
    await allReady(board);
    board.setFilter('region', ['BR-SP', 'BR-RJ']);
    expect(new URLSearchParams(location.search).getAll('region')).to.deep.equal(['BR-SP', 'BR-RJ']);
    board.setFilter('period', { from: '2018-01-01', to: '2018-06-30' });
    expect(location.search).to.contain('from=2018-01-01&to=2018-06-30');
    const url = location.href;
    const srcs = () => widgets(board).map((w) => w.getAttribute('src'));
    const withBoth = srcs();

    let popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    expect(board.filters).to.deep.equal({ region: ['BR-SP', 'BR-RJ'], channel: [], store: [] });
    popped = oneEvent(window, 'popstate');
    history.forward();
    await popped;
    expect(board.filters).to.deep.include({ from: '2018-01-01', to: '2018-06-30' });
    expect(srcs()).to.deep.equal(withBoth);
    expect(board.widget('funnel')!.getAttribute('src')).to.equal(
      '/kpi/funnel?steps=ordered_at%2Capproved_at%2Cshipped_at%2Cdelivered_at' +
        '&from=2018-01-01&to=2018-06-30&region=BR-SP&region=BR-RJ',
    );

    // A pasted link: a new board on that URL asks for the same documents.
    board.remove();
    history.replaceState(null, '', url);
    const again = await mountBoard();
    await untilState(again, 'ready');
    expect(widgets(again).map((w) => w.getAttribute('src'))).to.deep.equal(withBoth);
    expect(again.filters).to.deep.equal({
      from: '2018-01-01',
      to: '2018-06-30',
      region: ['BR-SP', 'BR-RJ'],
      channel: [],
      store: [],
    });
  });

  it('the host API: filters get and set, setFilter, kpi-board-change on each change and only then', async () => {
    const board = await mountBoard();
    await untilState(board, 'ready');
    const seen: BoardFilters[] = [];
    board.addEventListener('kpi-board-change', (e) =>
      seen.push((e as CustomEvent<{ filters: BoardFilters }>).detail.filters),
    );
    board.filters = { channel: 'app', region: ['BR-SP', 'BR-SP', ' ', 42], from: '2018-13-01' };
    expect(board.filters).to.deep.equal({ region: ['BR-SP'], channel: ['app'], store: [] });
    board.filters = { channel: ['app'], region: ['BR-SP'] };
    board.setFilter('store', 'loja-a');
    board.setFilter('period', { from: '2018-06-30', to: '2018-01-01' });
    expect(board.filters).to.deep.equal({
      from: '2018-01-01',
      to: '2018-06-30',
      region: ['BR-SP'],
      channel: ['app'],
      store: ['loja-a'],
    });
    expect(seen.length).to.equal(3);
    // The getter gives a copy: changing it changes nothing.
    board.filters.region.push('BR-RJ');
    expect(board.filters.region).to.deep.equal(['BR-SP']);
    expect(board.widget('sla')!.getAttribute('src')).to.contain('channel=app');
    expect(board.widget('sla')!.getAttribute('src')).not.to.contain('region=');
  });
});
