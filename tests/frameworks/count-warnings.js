// Counts kpi-kit's console warnings for the "loaded twice" page.
window.__kpiWarnings = [];
const warn = console.warn.bind(console);
console.warn = (...args) => {
  const text = args.map(String).join(' ');
  if (text.startsWith('kpi-kit')) window.__kpiWarnings.push(text);
  warn(...args);
};
