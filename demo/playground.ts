// One widget, configured from the query string, for screenshots and quick checks:
//   playground.html?tag=kpi-funnel&src=funnel.fulfilment.json&theme=dark&lang=pt-BR&attr.orientation=vertical&width=320
//   &root=32px sets the page's root font size (a reader's 200% text).
import '../components/index.js';

const q = new URLSearchParams(location.search);
const theme = q.get('theme') ?? 'light';
document.documentElement.lang = q.get('lang') ?? 'en-US';
if (q.get('root')) document.documentElement.style.fontSize = q.get('root')!;
document.body.style.margin = '0';
document.body.style.padding = '16px';
document.body.style.background = theme === 'dark' ? '#0d1117' : '#eef1f5';
const stage = document.getElementById('stage')!;
if (q.get('width')) stage.style.maxWidth = `${q.get('width')}px`;
const el = document.createElement(q.get('tag') ?? 'kpi-funnel');
el.setAttribute('theme', theme);
for (const [k, v] of q) if (k.startsWith('attr.')) el.setAttribute(k.slice(5), v);
if (q.get('src')) el.setAttribute('src', `./data/${q.get('src')}`);
stage.append(el);
