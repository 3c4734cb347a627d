// Runs inside the strict-CSP page: loads the CDN build, renders all five
// widgets from `src`, exercises them a little, and reports to the parent.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim());
});
const report = (data) => parent.postMessage({ kpiCsp: true, ...data }, '*');

try {
  await import('/dist/cdn/kpi-kit.js');
  const widgets = {
    'kpi-funnel': 'funnel.fulfilment.pt-BR.json',
    'kpi-checkout-friction': 'checkout-friction.modelled.json',
    'kpi-cohort-grid': 'cohort.monthly-revenue.json',
    'kpi-regional-sla': 'regional-sla.states.pt-BR.json',
    'kpi-channel-view': 'channels.omnichannel.modelled.json',
  };
  const els = Object.entries(widgets).map(([tag, file]) => {
    const el = document.createElement(tag);
    el.setAttribute('src', `/fixtures/${file}`);
    document.body.append(el);
    return el;
  });
  const settled = () => els.every((el) => ['ready', 'error', 'empty'].includes(el.getAttribute('state')));
  const start = Date.now();
  while (!settled() && Date.now() - start < 15000) await new Promise((r) => setTimeout(r, 50));
  // Interact: re-render with other settings, hover and focus, as a user would.
  els[0].setAttribute('percent-of', 'previous');
  els[0].setAttribute('multiples', '');
  els[2].setAttribute('curve', '');
  els[2].setAttribute('mode', 'revenue');
  els[3].setAttribute('grouped', '');
  els[3].setAttribute('filter', 'sao');
  els[4].setAttribute('metric', 'orders');
  await Promise.all(els.map((el) => el.updateComplete));
  for (const el of els) {
    const target = el.shadowRoot.querySelector('button, td[tabindex], tr[tabindex]');
    target?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    target?.focus();
  }
  await new Promise((r) => setTimeout(r, 200));
  report({ violations, states: els.map((el) => `${el.localName}:${el.getAttribute('state')}`) });
} catch (error) {
  report({ violations, error: String(error && error.message || error), defined: Object.keys({ a: 1 }).length && ['kpi-funnel', 'kpi-cohort-grid'].map((t) => `${t}=${Boolean(customElements.get(t))}`) });
}
