#!/usr/bin/env node
// kpi-kit: raw rows to KPI documents (the data path's command line).
//   kpi-kit import olist <dir> --out <orders.csv|orders.json>
//   kpi-kit build forecast --orders <file> --granularity day|week|month|quarter [options]
//   kpi-kit build cohort --orders <file> [--period day|week|month] [--measure customers|revenue] [options]
//   kpi-kit build regional-sla --orders <file> --metric <id>=<from_col>..<to_col>:<unit>:<target> [--metric …]
//   kpi-kit build funnel --orders <file> --steps <col>,<col>,… [--segment-by <col>] [--from] [--to]
//   kpi-kit check <document.json>
// This first part runs the in-memory builders of the package root; the SQL recipes on
// DuckDB and PostgreSQL come next (issue #17). Errors name the file, the line, the column
// and the value; the exit status is 1 and an --out file is left as it was (documents are
// written to a temporary file and renamed only after parseKpi accepted them).
import { readFileSync, renameSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  buildCohort, buildForecast, buildFunnelFromOrders, buildRegionalSla, issueText, olistOrders, ordersFromCsv, ordersFromJson, ordersToCsv, parseKpi, parseMetricSpec,
} from '../dist/lib/index.js';

const HELP = `kpi-kit: raw rows to KPI documents

  kpi-kit import olist <dir> --out <orders.csv|orders.json>
      Olist's CSV files (orders, customers, order_payments, order_reviews) to canonical orders.
  kpi-kit build forecast --orders <file.csv|file.json> --granularity day|week|month|quarter
      [--as-of YYYY-MM-DD] [--from YYYY-MM-DD] [--targets <targets.json>] [--horizon N]
      [--title T] [--currency XXX] [--out <document.json>]
      The sum of amount of qualifying orders per period; the period holding --as-of (default:
      the last order's day) is running and paced. Without --out the document goes to stdout.
  kpi-kit build cohort --orders <file.csv|file.json> [--period day|week|month] [--measure customers|revenue]
      [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--title T] [--currency XXX] [--out <document.json>]
      Acquisition cohorts: a customer's cohort is the period of their first qualifying order.
  kpi-kit build regional-sla --orders <file.csv|file.json> --metric <id>=<from>..<to>:<unit>:<target> [--metric …]
      [--title T] [--out <document.json>]
      Per region (region_id, region_label, region_group): p50/p90 of each duration, within target, volume.
      e.g. --metric delivery=ordered_at..delivered_at:days:10 --metric approval=ordered_at..approved_at:hours:24
  kpi-kit build funnel --orders <file.csv|file.json> --steps <col>,<col>,… [--segment-by <col>]
      [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--title T] [--out <document.json>]
      A fulfilment funnel over timestamp columns (every order, canceled ones included): an order reaches a
      step when its column or a later one is set; medians between steps; value = sum of amount.
  kpi-kit check <document.json>
      Validates a KPI document; prints each problem with its JSON path.

Exit status: 0 on success, 1 on bad input (the message names file, line, column and value), 2 on bad usage.`;

class Usage extends Error {}

/** --name value pairs and positional arguments. */
function parseArgs(argv) {
  const options = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') options.help = true;
    else if (a.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Usage(`${a} needs a value`);
      // A repeated option (--metric) collects its values.
      const key = a.slice(2);
      options[key] = key in options ? [options[key], value].flat() : value;
      i++;
    } else positional.push(a);
  }
  return { options, positional };
}

function read(file) {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  return readFileSync(file, 'utf8');
}

/** Writes atomically: a temporary file beside the target, renamed over it. */
function writeAtomic(file, text) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function output(text, out) {
  if (out) writeAtomic(out, text);
  else process.stdout.write(text);
}

function readOrders(file) {
  return file.endsWith('.json') ? ordersFromJson(read(file), file) : ordersFromCsv(read(file), file);
}

const commands = {
  import({ options, positional: [source, dir] }) {
    if (source !== 'olist' || !dir) throw new Usage('kpi-kit import olist <dir> --out <orders.csv|orders.json>');
    if (!options.out) throw new Usage('import needs --out <orders.csv|orders.json>');
    const file = (name) => path.join(dir, `olist_${name}_dataset.csv`);
    const optional = (name) => (existsSync(file(name)) ? read(file(name)) : undefined);
    const orders = olistOrders({ orders: read(file('orders')), customers: optional('customers'), payments: optional('order_payments'), reviews: optional('order_reviews') });
    output(options.out.endsWith('.json') ? `${JSON.stringify(orders, null, 1)}\n` : ordersToCsv(orders), options.out);
    process.stderr.write(`kpi-kit: ${orders.length} orders written to ${options.out}\n`);
  },
  build({ options, positional: [kind] }) {
    if (!['forecast', 'cohort', 'regional-sla', 'funnel'].includes(kind)) throw new Usage(kind ? `build ${kind} is not here yet (this first part builds forecast, cohort, regional-sla and funnel from orders)` : 'kpi-kit build forecast|cohort|regional-sla|funnel --orders <file>');
    if (!options.orders) throw new Usage(`build ${kind} needs --orders <file.csv|file.json>${kind === 'funnel' ? ' (funnels from events come later)' : ''}`);
    if (kind === 'funnel') {
      const steps = String(options.steps ?? '').split(',').filter(Boolean);
      const columns = ['ordered_at', 'approved_at', 'shipped_at', 'delivered_at', 'promised_at', 'reviewed_at'];
      const bad = steps.find((c) => !columns.includes(c));
      if (steps.length < 2 || bad) throw new Usage(`--steps: expected two or more of ${columns.join(', ')}, in order${bad ? `; got ${bad}` : ''}`);
      const { doc, negative } = buildFunnelFromOrders(readOrders(options.orders), {
        steps: steps.map((column) => ({ column })), segmentBy: options['segment-by'], from: options.from, to: options.to, title: options.title, currency: options.currency,
      });
      for (const [id, n] of Object.entries(negative)) if (n) process.stderr.write(`kpi-kit: left out ${n} negative interval${n > 1 ? 's' : ''} before ${id} from its median\n`);
      output(`${JSON.stringify(doc, null, 2)}\n`, options.out);
      return;
    }
    if (kind === 'regional-sla') {
      if (!options.metric) throw new Usage('build regional-sla needs at least one --metric <id>=<from>..<to>:<unit>:<target>');
      let metrics;
      try {
        metrics = [options.metric].flat().map(parseMetricSpec);
      } catch (e) {
        throw new Usage(e.message);
      }
      const { doc, negative, withoutRegion } = buildRegionalSla(readOrders(options.orders), { metrics, title: options.title });
      for (const [id, n] of Object.entries(negative)) if (n) process.stderr.write(`kpi-kit: left out ${n} negative duration${n > 1 ? 's' : ''} of ${id} (the end before the start)\n`);
      if (withoutRegion) process.stderr.write(`kpi-kit: left out ${withoutRegion} qualifying order${withoutRegion > 1 ? 's' : ''} without a region_id\n`);
      output(`${JSON.stringify(doc, null, 2)}\n`, options.out);
      return;
    }
    if (kind === 'cohort') {
      const period = options.period ?? 'month';
      const measure = options.measure ?? 'customers';
      if (!['day', 'week', 'month'].includes(period)) throw new Usage(`--period: expected day, week or month, got ${period}`);
      if (!['customers', 'revenue'].includes(measure)) throw new Usage(`--measure: expected customers or revenue, got ${measure}`);
      const doc = buildCohort(readOrders(options.orders), { period, measure, from: options.from, to: options.to, title: options.title, currency: options.currency });
      output(`${JSON.stringify(doc, null, 2)}\n`, options.out);
      return;
    }
    const granularity = options.granularity ?? 'month';
    if (!['day', 'week', 'month', 'quarter'].includes(granularity)) throw new Usage(`--granularity: expected day, week, month or quarter, got ${granularity}`);
    const targets = options.targets ? JSON.parse(read(options.targets)) : undefined;
    const doc = buildForecast(readOrders(options.orders), {
      granularity, asOf: options['as-of'], from: options.from, title: options.title, currency: options.currency, targets,
      ...(options.horizon ? { forecast: { horizon: Number(options.horizon) } } : {}),
    });
    output(`${JSON.stringify(doc, null, 2)}\n`, options.out);
  },
  check({ positional: [file] }) {
    if (!file) throw new Usage('kpi-kit check <document.json>');
    const result = parseKpi(read(file));
    if (!result.ok) {
      process.stderr.write(`${file}: ${result.issues.length} problem${result.issues.length > 1 ? 's' : ''}\n${result.issues.map((i) => `  ${issueText(i)}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${file}: a valid ${result.doc.kind} document\n`);
  },
};

try {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseArgs(rest);
  if (!command || command === '--help' || command === '-h' || args.options.help) process.stdout.write(`${HELP}\n`);
  else if (!commands[command]) throw new Usage(`unknown command ${command}`);
  else commands[command](args);
} catch (e) {
  if (e instanceof Usage) {
    process.stderr.write(`kpi-kit: ${e.message}\n(kpi-kit --help for the commands)\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`kpi-kit: ${e.message}\n`);
    process.exitCode = 1;
  }
}
