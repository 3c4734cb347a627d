// The demo page's own logic: it creates the widgets (registered by /cdn/kpi-kit.js) and wires the switches.

import { WIDGETS as REGISTRY } from '../src/registry.js';

/** Extra attributes for some demo embeds (by fixture). */
const ATTRS: Record<string, Record<string, string>> = {
  'funnel.leads.json': { scale: 'log' },
  'cohort.monthly-customers.json': { curve: '' },
};

/** Each widget in the demo: every widget of the registry; the funnel shows both its fixtures, the others their first. */
const WIDGETS = REGISTRY.flatMap((w) => (w.kind === 'funnel' ? w.fixtures : w.fixtures.slice(0, 1)).map((src) => ({
  tag: w.tag, src, wide: w.wide, attrs: ATTRS[src], portuguese: w.portuguese?.[src],
})));

const srcFor = (w: { src: string; portuguese?: string | undefined }, lang: string) => `./data/${lang.startsWith('pt') && w.portuguese ? w.portuguese : w.src}`;

const main = document.getElementById('widgets')!;
const raw = document.getElementById('raw')!;
const shown = new Map<Element, (typeof WIDGETS)[number]>();
for (const w of WIDGETS) {
  const el = document.createElement(w.tag);
  el.setAttribute('src', srcFor(w, document.documentElement.lang));
  shown.set(el, w);
  if (w.wide) el.classList.add('wide');
  for (const [k, v] of Object.entries(w.attrs ?? {})) el.setAttribute(k, v);
  main.append(el);
}
// Documents built at `npm start` from raw rows (scripts/demo-data.mjs), one per kind, named after it.
const RAW = REGISTRY.map((w) => ({ tag: w.tag, file: `${w.kind}.json` }));
void fetch('./data/raw/funnel.json', { method: 'HEAD' }).then((r) => {
  const built = r.ok && (r.headers.get('content-type') ?? '').includes('json');
  document.getElementById('raw-missing')!.hidden = built;
  if (!built) return;
  for (const { tag, file } of RAW) {
    const el = document.createElement(tag);
    el.setAttribute('src', `./data/raw/${file}`);
    el.classList.add('wide');
    raw.append(el);
  }
});
main.addEventListener('kpi-select', (e) => console.info('kpi-select', (e as CustomEvent).detail));

// The board: the demo's manifest, read through kpi-kit serve (scripts/start.mjs starts it and passes /kpi on), as
// one client of an agency at a time. Each client's token (made by scripts/start.mjs for this demo) scopes the
// server to its store; switching client swaps the token and the manifest's title.
const board = document.getElementById('board') as HTMLElement & { manifest?: unknown; fetcher?: typeof fetch };
const tenant = document.getElementById('tenant') as HTMLSelectElement;
interface Tenant {
  id: string;
  label: string;
  token: string;
}
void Promise.all([
  fetch('./data/board.demo.json').then((r) => r.json() as Promise<{ title?: string }>),
  fetch('/demo/tenants.json').then((r) => (r.ok ? (r.json() as Promise<Tenant[]>) : [])),
]).then(([manifest, tenants]) => {
  document.getElementById('board-missing')!.hidden = tenants.length > 0;
  for (const t of tenants) tenant.append(new Option(t.label, t.id));
  const show = () => {
    const t = tenants.find((x) => x.id === tenant.value);
    if (!t) return;
    board.fetcher = (url, init) =>
      fetch(url, { ...init, headers: { ...init?.headers, authorization: `Bearer ${t.token}` } });
    board.manifest = { ...manifest, title: `${manifest.title ?? ''} · ${t.label}` };
  };
  tenant.addEventListener('change', show);
  show();
});

const locale = document.getElementById('locale') as HTMLSelectElement;
const theme = document.getElementById('theme') as HTMLSelectElement;
const brand = document.getElementById('brand') as HTMLSelectElement;
locale.value = document.documentElement.lang;
locale.addEventListener('change', () => {
  document.documentElement.lang = locale.value;
  for (const [el, w] of shown) el.setAttribute('src', srcFor(w, locale.value));
});
theme.addEventListener('change', () => {
  // The page follows the same scheme as its widgets (demo.css reads data-theme).
  if (theme.value) document.documentElement.dataset['theme'] = theme.value;
  else delete document.documentElement.dataset['theme'];
  for (const el of [board, ...main.children, ...raw.children]) {
    if (theme.value) el.setAttribute('theme', theme.value);
    else el.removeAttribute('theme');
  }
});
brand.addEventListener('change', () => {
  main.classList.toggle('brand-aurora', brand.value === 'aurora');
  board.parentElement!.classList.toggle('brand-aurora', brand.value === 'aurora');
  raw.classList.toggle('brand-aurora', brand.value === 'aurora');
});
