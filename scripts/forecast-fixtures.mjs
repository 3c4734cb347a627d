// Writes the forecast fixtures into demo/public/data from the raw Olist sample
// (data/olist, gzipped) through the data path's in-memory builders: the Olist adapter
// (src/data/olist.ts) makes canonical orders, buildForecast (src/data/forecast.ts) the
// documents, validated by parseKpi. Revenue is the sum of `amount` (the order's payments)
// of qualifying orders by the UTC day they were placed, as docs/data-path.md defines.
//   node scripts/forecast-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { runnerImport } from 'vite';
import { root } from './registry.mjs';

const olist = path.join(root, 'data/olist');
const out = path.join(root, 'demo/public/data');
const load = async (file) =>
  (await runnerImport(path.join(root, file), { configFile: false, logLevel: 'silent', root })).module;
const env = process.env.NODE_ENV;
const [{ olistOrders }, { buildForecast }, fc] = await Promise.all([
  load('src/data/olist.ts'),
  load('src/data/forecast.ts'),
  load('src/compute/forecast.ts'),
]);
if (env === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = env;

const read = (name) => gunzipSync(readFileSync(path.join(olist, `olist_${name}_dataset.csv.gz`))).toString('utf8');
const orders = olistOrders({
  orders: read('orders'),
  customers: read('customers'),
  payments: read('order_payments'),
  reviews: read('order_reviews'),
});
const write = (name, doc) => writeFileSync(path.join(out, name), `${JSON.stringify(doc, null, 2)}\n`);
const source = 'Olist Brazilian E-Commerce sample (15,000 real orders, CC BY-NC-SA 4.0)';
const dayList = (from, to) => {
  const days = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

// 1. Monthly revenue Jan 2017 – Jul 2018, August 2018 running (days through the 20th), targets from 2018.
const AS_OF = '2018-08-20';
// Targets (ours, not Olist's) from 2018: Q4 2017's monthly average, growing 3 % a month, to the thousand.
const q4 =
  buildForecast(orders, { granularity: 'quarter', from: '2017-10-01', asOf: '2017-12-31' }).points[0].actual / 3;
const targets = Object.fromEntries(
  Array.from({ length: 10 }, (_, k) => [
    `2018-${String(k + 1).padStart(2, '0')}-01`,
    Math.round((q4 * 1.03 ** (k + 1)) / 1000) * 1000,
  ]),
);
write(
  'forecast.monthly-revenue.json',
  buildForecast(orders, {
    granularity: 'month',
    from: '2017-01-01',
    asOf: AS_OF,
    targets,
    seasonLength: 12,
    pacingHistoryDays: 92,
    title: 'Monthly revenue',
    subtitle: `${source}; targets are ours (Q4 2017’s monthly average, +3 % a month)`,
    forecast: { horizon: 3, level: 0.8, model: 'auto' },
  }),
);

// 2. Daily revenue, 1 Jan – 20 Aug 2018, two weeks ahead with a weekly season.
write(
  'forecast.daily-revenue.json',
  buildForecast(orders, {
    granularity: 'day',
    from: '2018-01-01',
    asOf: AS_OF,
    seasonLength: 7,
    title: 'Daily revenue',
    subtitle: source,
    forecast: { horizon: 14, level: 0.8, model: 'auto' },
  }),
);

// 3. Weekly revenue with the backend's own forecast (here made offline with ETS(A,Ad,N) at 90 %).
const weekly = buildForecast(orders, { granularity: 'week', from: '2018-01-01', asOf: '2018-08-19' });
const backend = fc.forecastSeries(
  weekly.points.map((p) => p.actual),
  { horizon: 6, model: 'AAdN', level: 0.9, backtest: false },
);
const lastWeek = weekly.points.at(-1).period;
write('forecast.weekly-provided.json', {
  kind: 'forecast',
  version: 1,
  title: 'Weekly revenue',
  subtitle: `${source}; forecast supplied with the data (made offline with ETS(A,Ad,N), 90 % interval)`,
  currency: 'BRL',
  metric: { label: 'Revenue', format: 'currency' },
  granularity: 'week',
  points: [
    ...weekly.points,
    ...backend.forecast.map((f, j) => ({
      period: new Date(Date.parse(`${lastWeek}T00:00:00Z`) + (j + 1) * 7 * 86_400_000).toISOString().slice(0, 10),
      forecast: { value: Math.round(f.value), lower: Math.round(f.lower), upper: Math.round(f.upper) },
    })),
  ],
  forecast: { level: 0.9 },
});

// 4. MODELLED: a services firm's monthly bookings against quota, November 2026 running, with its pipeline.
let seed = 7;
const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.12;
const SEASON = [0.78, 0.9, 1.02, 0.98, 1.0, 1.04, 0.92, 0.96, 1.05, 1.08, 1.1, 1.17];
const bookingMonths = [];
for (let i = 0; i < 24; i++)
  bookingMonths.push(`${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
const BOOK_AS_OF = '2026-11-20';
const bookingDays = dayList('2026-08-01', BOOK_AS_OF).map((date) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { date, actual: weekday === 0 || weekday === 6 ? 0 : Math.round(42000 * (1 + noise() * 4)) };
});
const bookings = bookingMonths.map((period, i) => {
  const quota = Math.round((760000 * 1.012 ** i * SEASON[i % 12]) / 5000) * 5000;
  if (period === '2026-11-01')
    return {
      period,
      actual: bookingDays.filter((d) => d.date >= period).reduce((s, d) => s + d.actual, 0),
      target: quota,
      partial: true,
    };
  if (period > '2026-11-01') return { period, target: quota };
  return { period, actual: Math.round(760000 * 1.012 ** i * SEASON[i % 12] * (1 + noise())), target: quota };
});
const running = bookings.find((p) => p.partial);
write('forecast.pipeline.modelled.json', {
  kind: 'forecast',
  version: 1,
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
console.log(
  'wrote forecast.monthly-revenue.json, forecast.daily-revenue.json, ' +
    'forecast.weekly-provided.json, forecast.pipeline.modelled.json',
);
