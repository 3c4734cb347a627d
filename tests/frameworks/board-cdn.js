// Mounts a board of `?widgets=<kind>:<fixture>,…` on a page that loaded only dist/cdn/kpi-board.js, then reports to
// the parent test page: the board's state, its widgets' states, the scripts the page loaded and the console warnings.
const params = new URL(location.href).searchParams;
const widgets = params.get('widgets').split(',');
// `auth=1`: the documents are behind a token (the test backend's /api/auth/), which only the board's fetcher adds.
const auth = params.get('auth') === '1';
const board = document.createElement('kpi-board');
if (auth)
  board.fetcher = (url, init) =>
    fetch(url, { ...init, headers: { ...init?.headers, authorization: 'Bearer kpi-test-token' } });
board.manifest = {
  kind: 'board',
  version: 1,
  widgets: widgets.map((w, i) => {
    const [kind, file] = w.split(':');
    return { id: `w${i}`, kind, src: `${auth ? '/api/auth' : '/fixtures'}/${file}` };
  }),
};
document.body.append(board);
const start = Date.now();
const timer = setInterval(() => {
  const shown = [...(board.shadowRoot?.querySelectorAll('[data-widget]') ?? [])];
  const done =
    board.getAttribute('state') === 'ready' &&
    shown.length > 0 &&
    shown.every((w) => ['ready', 'error', 'empty'].includes(w.getAttribute('state') ?? ''));
  if (!done && Date.now() - start < 15000) return;
  clearInterval(timer);
  parent.postMessage(
    {
      kpiBoardPage: true,
      state: board.getAttribute('state'),
      widgets: shown.map((w) => `${w.localName}:${w.getAttribute('state')}`),
      scripts: performance
        .getEntriesByType('resource')
        .map((r) => new URL(r.name).pathname)
        .filter((p) => p.startsWith('/dist/cdn/')),
      warnings: window.__kpiWarnings ?? [],
    },
    '*',
  );
}, 50);
