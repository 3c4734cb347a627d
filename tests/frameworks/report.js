// Collects console errors and page errors, and reports the widgets' states to the parent test page.
const errors = [];
const consoleError = console.error.bind(console);
console.error = (...args) => {
  errors.push(args.map(String).join(' '));
  consoleError(...args);
};
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

const { ELEMENTS } = await import('/src/registry.ts');
const tags = ELEMENTS.map((w) => w.tag);
const start = Date.now();
const timer = setInterval(() => {
  const els = tags.map((t) => document.querySelector(t));
  const done = els.every((el) => el && ['ready', 'error', 'empty'].includes(el.getAttribute('state') ?? ''));
  if (!done && Date.now() - start < 15000) return;
  clearInterval(timer);
  // Click a funnel step so the framework's event binding is exercised too.
  const step = els[0]?.shadowRoot?.querySelector('[part~="chart"] [part~="row"]');
  step?.click();
  setTimeout(() => {
    parent.postMessage(
      {
        kpiFramework: true,
        states: els.map((el, i) => `${tags[i]}:${el?.getAttribute('state') ?? 'missing'}`),
        picked: document.getElementById('picked')?.textContent ?? '',
        errors,
        warnings: window.__kpiWarnings ?? [],
      },
      '*',
    );
  }, 100);
}, 50);
