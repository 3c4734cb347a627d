// Writes the forecast fixtures into demo/public/data from the raw Olist sample
// (../shared/data/olist), until the data path (`kpi-kit build forecast`) makes them.
//   node scripts/forecast-fixtures.mjs
// Revenue = sum of payment_value of qualifying orders (status not canceled or
// unavailable) by the day of order_purchase_timestamp, as ../shared/design/data-path.md defines.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runnerImport } from 'vite';
import { root } from './registry.mjs';

const olist = path.resolve(root, '../shared/data/olist');
const out = path.join(root, 'demo/public/data');

/** A small CSV reader: the Olist files quote only free-text review fields, which we do not read here. */
function readCsv(file) {
  const [head, ...lines] = readFileSync(path.join(olist, file), 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

const paid = new Map();
for (const p of readCsv('olist_order_payments_dataset.csv')) paid.set(p.order_id, (paid.get(p.order_id) ?? 0) + Number(p.payment_value));
const daily = new Map();
for (const o of readCsv('olist_orders_dataset.csv')) {
  if (['canceled', 'cancelled', 'unavailable'].includes(o.order_status)) continue;
  const day = o.order_purchase_timestamp.slice(0, 10);
  daily.set(day, (daily.get(day) ?? 0) + (paid.get(o.order_id) ?? 0));
}
const cents = (v) => Math.round(v * 100) / 100;
const dayList = (from, to) => {
  const days = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};
const sumDays = (pred) => cents([...daily].filter(([d]) => pred(d)).reduce((s, [, v]) => s + v, 0));
const write = (name, doc) => writeFileSync(path.join(out, name), `${JSON.stringify(doc, null, 2)}\n`);
const source = 'Olist Brazilian E-Commerce sample (15,000 real orders, CC BY-NC-SA 4.0)';

// 1. Monthly revenue Jan 2017 – Jul 2018, August 2018 running (days through the 20th), targets from 2018.
const AS_OF = '2018-08-20';
const months = [];
for (let y = 2017, m = 1; y < 2018 || m <= 10; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) months.push(`${y}-${String(m).padStart(2, '0')}`);
const Q4 = sumDays((d) => d >= '2017-10-01' && d < '2018-01-01') / 3;
const monthly = months.map((ym) => {
  const period = `${ym}-01`;
  // Targets (ours, not Olist's) from 2018: Q4 2017's monthly average, growing 3 % a month, to the thousand.
  const target = ym >= '2018-01' ? Math.round((Q4 * 1.03 ** Number(ym.slice(5))) / 1000) * 1000 : undefined;
  if (ym > '2018-08') return { period, target };
  if (ym === '2018-08') return { period, actual: sumDays((d) => d.startsWith(ym) && d <= AS_OF), target, partial: true };
  return { period, actual: sumDays((d) => d.startsWith(ym)), ...(target === undefined ? {} : { target }) };
});
write('forecast.monthly-revenue.json', {
  kind: 'forecast', version: 1,
  title: 'Monthly revenue',
  subtitle: `${source}; targets are ours (Q4 2017’s monthly average, +3 % a month)`,
  currency: 'BRL',
  metric: { label: 'Revenue', format: 'currency' },
  granularity: 'month',
  seasonLength: 12,
  points: monthly,
  forecast: { horizon: 3, level: 0.8, model: 'auto' },
  pacing: { asOf: AS_OF, days: dayList('2018-05-01', AS_OF).map((date) => ({ date, actual: cents(daily.get(date) ?? 0) })) },
});

// 2. Daily revenue, 1 Jan – 20 Aug 2018, two weeks ahead with a weekly season.
write('forecast.daily-revenue.json', {
  kind: 'forecast', version: 1,
  title: 'Daily revenue',
  subtitle: source,
  currency: 'BRL',
  metric: { label: 'Revenue', format: 'currency' },
  granularity: 'day',
  seasonLength: 7,
  points: dayList('2018-01-01', AS_OF).map((date) => ({ period: date, actual: cents(daily.get(date) ?? 0) })),
  forecast: { horizon: 14, level: 0.8, model: 'auto' },
});

// 3. Weekly revenue with the backend's own forecast (here made offline with ETS(A,Ad,N) at 90 %).
const { module: fc } = await runnerImport(path.join(root, 'src/compute/forecast.ts'), { configFile: false, logLevel: 'silent', root });
const weeks = [];
for (let t = Date.parse('2018-01-01T00:00:00Z'); t <= Date.parse('2018-08-13T00:00:00Z'); t += 7 * 86_400_000) weeks.push(new Date(t).toISOString().slice(0, 10));
const weekly = weeks.map((w) => ({ period: w, actual: sumDays((d) => d >= w && d < new Date(Date.parse(`${w}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) }));
const complete = weekly;
const backend = fc.forecastSeries(complete.map((p) => p.actual), { horizon: 6, model: 'AAdN', level: 0.9, backtest: false });
const provided = [
  ...complete,
  ...backend.forecast.map((f, j) => ({
    period: new Date(Date.parse(`${weeks.at(-1)}T00:00:00Z`) + (j + 1) * 7 * 86_400_000).toISOString().slice(0, 10),
    forecast: { value: Math.round(f.value), lower: Math.round(f.lower), upper: Math.round(f.upper) },
  })),
];
write('forecast.weekly-provided.json', {
  kind: 'forecast', version: 1,
  title: 'Weekly revenue',
  subtitle: `${source}; forecast supplied with the data (made offline with ETS(A,Ad,N), 90 % interval)`,
  currency: 'BRL',
  metric: { label: 'Revenue', format: 'currency' },
  granularity: 'week',
  points: provided,
  forecast: { level: 0.9 },
});
// 4. MODELLED: a services firm's monthly bookings against quota, November 2026 running, with its pipeline.
let seed = 7;
const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.12;
const SEASON = [0.78, 0.9, 1.02, 0.98, 1.0, 1.04, 0.92, 0.96, 1.05, 1.08, 1.1, 1.17];
const bookingMonths = [];
for (let i = 0; i < 24; i++) bookingMonths.push(`${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
const BOOK_AS_OF = '2026-11-20';
const bookingDays = dayList('2026-08-01', BOOK_AS_OF).map((date) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { date, actual: weekday === 0 || weekday === 6 ? 0 : Math.round(42000 * (1 + noise() * 4)) };
});
const bookings = bookingMonths.map((period, i) => {
  const quota = Math.round((760000 * 1.012 ** i * SEASON[i % 12]) / 5000) * 5000;
  if (period === '2026-11-01') return { period, actual: bookingDays.filter((d) => d.date >= period).reduce((s, d) => s + d.actual, 0), target: quota, partial: true };
  if (period > '2026-11-01') return { period, target: quota };
  return { period, actual: Math.round(760000 * 1.012 ** i * SEASON[i % 12] * (1 + noise())), target: quota };
});
const running = bookings.find((p) => p.partial);
write('forecast.pipeline.modelled.json', {
  kind: 'forecast', version: 1,
  title: 'Bookings',
  subtitle: 'MODELLED: an IT services firm’s monthly bookings, quota and deal pipeline (illustrative numbers)',
  currency: 'BRL',
  metric: { label: 'Bookings', format: 'currency' },
  granularity: 'month',
  seasonLength: 12,
  points: bookings,
  forecast: { horizon: 2, level: 0.8, model: 'auto' },
  pacing: { asOf: BOOK_AS_OF, days: bookingDays },
  pipeline: { quota: running.target, closed: running.actual, commit: 210000, bestCase: 140000, open: 380000 },
});
console.log('wrote forecast.monthly-revenue.json, forecast.daily-revenue.json, forecast.weekly-provided.json, forecast.pipeline.modelled.json');
