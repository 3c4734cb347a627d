// Runs inside the strict-CSP page: loads the CDN build, renders all five
// widgets from `src`, exercises them a little, and reports to the parent.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim());
});
const report = (data) => parent.postMessage({ kpiCsp: true, ...data }, '*');

try {
  await import('/dist/cdn/kpi-kit.js');
  // Every widget of the registry, with its Portuguese fixture where there is one, else its last.
  const { WIDGETS } = await import('/src/registry.ts');
  const els = WIDGETS.map((w) => {
    const el = document.createElement(w.tag);
    const first = w.fixtures[0];
    el.setAttribute('src', `/fixtures/${w.portuguese?.[first] ?? w.fixtures[w.fixtures.length - 1]}`);
    document.body.append(el);
    return el;
  });
  const settled = () => els.every((el) => ['ready', 'error', 'empty'].includes(el.getAttribute('state')));
  const start = Date.now();
  while (!settled() && Date.now() - start < 15000) await new Promise((r) => setTimeout(r, 50));
  // Interact: re-render with other settings, hover and focus, as a user would.
  const set = (tag, name, value = '') => document.querySelector(tag)?.setAttribute(name, value);
  set('kpi-funnel', 'percent-of', 'previous');
  set('kpi-funnel', 'multiples');
  set('kpi-cohort-grid', 'curve');
  set('kpi-cohort-grid', 'mode', 'revenue');
  set('kpi-regional-sla', 'grouped');
  set('kpi-regional-sla', 'filter', 'sao');
  set('kpi-channel-view', 'metric', 'orders');
  await Promise.all(els.map((el) => el.updateComplete));
  for (const el of els) {
    const target = el.shadowRoot.querySelector('button, td[tabindex], tr[tabindex]');
    target?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    target?.focus();
  }
  // The insights (chunks/insights.js, loaded on demand): each widget shows them; focusing one highlights its marks.
  await Promise.all(els.map((el) => el.updateComplete));
  const insights = els.map((el) => el.shadowRoot.querySelectorAll('[part~="insights"] li').length > 0);
  for (const el of els) el.shadowRoot.querySelector('[part~="insights"] li')?.focus();
  // Two frames: the tooltips and size-driven re-renders the focus and hover started have painted.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await Promise.all(els.map((el) => el.updateComplete));
  // Export (chunks/export.js): every widget to SVG, PNG and CSV, and its menu opened (one at a time: opening one
  // moves the focus, which closes another), under the policy.
  const exported = [];
  const menus = [];
  for (const el of els) {
    try {
      const files = [await el.export('svg'), await el.export('png'), await el.export('csv')];
      // A drawing of a few bytes is empty; a CSV has its header and at least one row (a small kind's is short).
      const full = files[0].size > 100 && files[1].size > 100 && (await files[2].text()).trim().split('\n').length > 1;
      exported.push(files.map((f) => f.type.split(';')[0]).join(' ') + (full ? '' : ' (empty)'));
    } catch (error) {
      exported.push(String(error));
    }
    el.shadowRoot.querySelector('[part~="export"]')?.click();
    const items = () => el.shadowRoot.querySelectorAll('[role="menuitem"]').length;
    for (let i = 0; i < 120 && items() === 0; i++) await new Promise((r) => requestAnimationFrame(r));
    menus.push(items());
  }
  report({
    violations,
    insights,
    exported,
    menus,
    states: els.map((el) => `${el.localName}:${el.getAttribute('state')}`),
  });
} catch (error) {
  report({ violations, error: String((error && error.message) || error) });
}
