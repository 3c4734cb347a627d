// What the board's browser tests share: the built kit loaded as a page loads it, a manifest over kpi-kit serve's
// handler (web-test-runner.config.mjs mounts it at /kpi), a fetcher that records every request, and the board mounted
// with it.
import { fixture, html } from '@open-wc/testing';
import type { KpiBoard } from '../../../components/board/kpi-board.js';
import { untilState } from './util.js';

// The built kit, as a page loads it (its own copy of every element).
const KIT = '/dist/cdn/kpi-kit.js';

/** Loads the built kit before the file's tests, and starts each test with no request recorded and a bare URL. */
export function useBuiltKit(): void {
  before(async () => {
    await import(/* @vite-ignore */ KIT);
  });
  beforeEach(() => {
    requests.length = 0;
    history.replaceState(null, '', location.pathname);
  });
}

export const MANIFEST = {
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
export const IDS = MANIFEST.widgets.map((w) => w.id);

/** Every request the board and its widgets make, in order (path and query). */
export const requests: string[] = [];
export const recording: typeof fetch = (input, init) => {
  requests.push(String(input));
  return fetch(input, init);
};

export const $ = (board: KpiBoard, sel: string) => board.shadowRoot!.querySelector<HTMLElement>(sel);
export const $$ = (board: KpiBoard, sel: string) => [...board.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
/** The widget elements on the board. */
export const widgets = (board: KpiBoard) => IDS.map((id) => board.widget(id)!);

export async function allReady(board: KpiBoard): Promise<void> {
  await untilState(board, 'ready');
  for (const w of widgets(board)) await untilState(w, 'ready', 15000);
}

/** The widgets whose documents were requested since `from` (request index). */
export function reloaded(from: number): string[] {
  return IDS.filter((id) => {
    const src = MANIFEST.widgets.find((w) => w.id === id)!.src.split('?')[0]!;
    return requests.slice(from).some((r) => r.split('?')[0] === src);
  });
}

export async function mountBoard(manifest: unknown = MANIFEST, width = 1200): Promise<KpiBoard> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:${width}px">
    <kpi-board locale="pt-BR" .fetcher=${recording} .manifest=${manifest}></kpi-board>
  </div>`);
  return wrap.firstElementChild as KpiBoard;
}
