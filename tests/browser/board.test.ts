// <kpi-board> on the real built kit (dist/cdn/kpi-kit.js) against kpi-kit serve's handler over two stores
// (web-test-runner.config.mjs mounts it at /kpi): every widget ready, filters by keyboard reloading exactly the
// widgets that list them, cross-filters from the SLA table and the channel view, the URL both ways, the host API,
// a race, static boards, a bad manifest, axe.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { KpiBoard } from '../../components/board/kpi-board.js';
import type { BoardFilters } from '../../src/view/board.js';
import { assertNoBadText, untilState } from './helpers/util.js';

// The built kit, as a page loads it (its own copy of every element).
const KIT = '/dist/cdn/kpi-kit.js';
before(async () => {
  await import(/* @vite-ignore */ KIT);
});

const MANIFEST = {
  kind: 'board',
  version: 1,
  title: 'Vendas',
  filters: [
    { id: 'period', asOf: '2018-08-31' },
    { id: 'region', values: '/kpi/values/region' },
    { id: 'channel', values: '/kpi/values/channel' },
    { id: 'store', values: '/kpi/values/store' },
  ],
  widgets: [
    {
      id: 'funnel',
      kind: 'funnel',
      src: '/kpi/funnel?steps=ordered_at,approved_at,shipped_at,delivered_at',
      filters: ['period', 'region', 'channel'],
      size: 'half',
    },
    {
      id: 'channels',
      kind: 'channels',
      src: '/kpi/channels',
      filters: ['period', 'region'],
      select: { channel: 'channel' },
      size: 'half',
    },
    {
      id: 'sla',
      kind: 'regional-sla',
      src: '/kpi/regional-sla?metric=delivery=ordered_at..delivered_at:days:12',
      filters: ['period', 'channel'],
      select: { region: 'region' },
    },
    { id: 'cohort', kind: 'cohort', src: '/kpi/cohort?period=month', filters: ['region', 'channel'], size: 'third' },
    {
      id: 'checkout',
      kind: 'checkout-friction',
      src: '/kpi/checkout-friction?steps=view_item,add_to_cart,begin_checkout,add_payment_info&complete=purchase',
      filters: ['period', 'region', 'channel'],
      size: 'third',
    },
    {
      id: 'forecast',
      kind: 'forecast',
      src: '/kpi/forecast?granularity=month&as-of=2018-08-20',
      filters: ['region', 'channel'],
      size: 'third',
    },
  ],
};
const IDS = MANIFEST.widgets.map((w) => w.id);

/** Every request the board and its widgets make, in order (path and query). */
let requests: string[] = [];
const recording: typeof fetch = (input, init) => {
  requests.push(String(input));
  return fetch(input, init);
};

const $ = (board: KpiBoard, sel: string) => board.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (board: KpiBoard, sel: string) => [...board.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
/** The widget elements on the board. */
const widgets = (board: KpiBoard) => IDS.map((id) => board.widget(id)!);

async function allReady(board: KpiBoard): Promise<void> {
  await untilState(board, 'ready');
  for (const w of widgets(board)) await untilState(w, 'ready', 15000);
}

/** The widgets whose documents were requested since `from` (request index). */
function reloaded(from: number): string[] {
  return IDS.filter((id) => {
    const src = MANIFEST.widgets.find((w) => w.id === id)!.src.split('?')[0]!;
    return requests.slice(from).some((r) => r.split('?')[0] === src);
  });
}

async function mountBoard(manifest: unknown = MANIFEST, width = 1200): Promise<KpiBoard> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:${width}px">
    <kpi-board locale="pt-BR" .fetcher=${recording} .manifest=${manifest}></kpi-board>
  </div>`);
  return wrap.firstElementChild as KpiBoard;
}

beforeEach(() => {
  requests = [];
  history.replaceState(null, '', location.pathname);
});

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
