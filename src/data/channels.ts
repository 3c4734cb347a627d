/**
 * The `channels` builder from orders: one view of every sales channel, each customer
 * counted once. The definition every engine shares (data-path.md): per channel, `revenue`
 * (sum of `amount`), `orders` and `customers` (distinct) over qualifying orders, with a
 * monthly series; `customers.unique` counts each customer once across channels and
 * `customers.overlaps` gives the customers of every exact set of two or more channels
 * (a bit mask per customer in SQL, decoded here). The repeat rate is the share of
 * customers with two or more qualifying orders (in the channel; overall for the total).
 * Orders without a channel are the channel `unknown`.
 */
import { checkOverlapChannels } from './build-checks.js';
import { channelsSchema, type ChannelsDoc } from '../schema/channels.js';
import {
  recipeFacts,
  cents,
  checkOrders,
  docHeader,
  idMaker,
  recipeNumber as num,
  validated,
  type OrderRow,
  type RecipeFacts,
} from './orders.js';
import { channelsPlan } from './sql.js';
import { calendarDay, runPlan } from './plan-run.js';
import { checkTimeZone } from './dialects.js';
import { builtInLabel, type BuiltInLabel } from './labels.js';

export interface ChannelsBuildOptions {
  /** Orders placed from this day on. */
  from?: string;
  /** Orders placed up to this day. */
  to?: string;
  title?: string;
  subtitle?: string;
  currency?: string;
  /** Time zone of days and months (default UTC). */
  tz?: string;
  /** Language of the metric labels ("Receita" in pt-BR); default en. */
  locale?: string;
  /** Labels of channel values (`{ marketplace: 'Marketplace' }`); default the value itself. */
  labels?: Readonly<Record<string, string>>;
}

/** What the channels recipe returns (and {@link channelsRows} computes in memory). */
export interface ChannelsRows {
  facts: RecipeFacts;
  channels: { channel: string; revenue: number; orders: number; customers: number; repeat_customers: number }[];
  months: { channel: string; month_start: string; revenue: number; orders: number; customers: number }[];
  /** Customers per exact set of channels: `mask` is a decimal 64-bit number, bit = the channel's entry in `bits`. */
  sets: { mask: string; customers: number; repeat_customers: number }[];
  bits: { channel: string; bit: number }[];
}

/** The channels recipe, in memory: the same plan as the SQL, run over the orders. */
export function channelsRows(
  orders: readonly OrderRow[],
  options: Pick<ChannelsBuildOptions, 'from' | 'to' | 'tz'> = {},
): ChannelsRows {
  checkOrders(orders);
  const plan = channelsPlan({
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  const r = runPlan(plan, { orders }, calendarDay(checkTimeZone(options.tz ?? 'UTC')));
  checkOverlapChannels(r['bits']!.length);
  return {
    facts: recipeFacts(r['facts']),
    channels: r['channels'] as unknown as ChannelsRows['channels'],
    months: r['months'] as unknown as ChannelsRows['months'],
    sets: r['sets'] as unknown as ChannelsRows['sets'],
    bits: r['bits'] as unknown as ChannelsRows['bits'],
  };
}

/** Builds and validates a `channels` document from orders in memory. */
export function buildChannels(orders: readonly OrderRow[], options: ChannelsBuildOptions = {}): ChannelsDoc {
  return assembleChannels(channelsRows(orders, options), options);
}

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(4)) : null);

/** The channels document from the recipe's rows (from SQL or from {@link channelsRows}), validated. */
export function assembleChannels(rows: ChannelsRows, options: ChannelsBuildOptions = {}): ChannelsDoc {
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Most revenue first; the channel's value breaks ties.
  const channels = rows.channels
    .map((c) => ({
      ...c,
      revenue: cents(num(c.revenue)),
      orders: num(c.orders),
      customers: num(c.customers),
      repeat: num(c.repeat_customers),
    }))
    .sort((a, b) => b.revenue - a.revenue || byName(a.channel, b.channel));
  const ids = new Map<string, string>();
  const id = idMaker();
  for (const c of [...channels].sort((a, b) => byName(a.channel, b.channel))) ids.set(c.channel, id(c.channel));
  const channelOfBit = new Map(rows.bits.map((b) => [num(b.bit), b.channel]));
  const order = new Map(channels.map((c, i) => [c.channel, i]));
  let unique = 0;
  let repeat = 0;
  const overlaps: { channels: string[]; customers: number }[] = [];
  for (const s of rows.sets) {
    unique += num(s.customers);
    repeat += num(s.repeat_customers);
    const members: string[] = [];
    const mask = BigInt(s.mask);
    for (const [b, name] of channelOfBit) if ((mask >> BigInt(b)) & 1n) members.push(name);
    if (members.length >= 2)
      overlaps.push({
        channels: members.sort((a, b) => order.get(a)! - order.get(b)!).map((n) => ids.get(n)!),
        customers: num(s.customers),
      });
  }
  overlaps.sort((a, b) => b.customers - a.customers || byName(a.channels.join(','), b.channels.join(',')));
  const months = [...rows.months].sort((a, b) => byName(a.month_start, b.month_start));
  const label = (key: BuiltInLabel) => builtInLabel(key, options.locale);
  const revenue = channels.reduce((s, c) => s + c.revenue, 0);
  const orders = channels.reduce((s, c) => s + c.orders, 0);
  const doc: ChannelsDoc = {
    kind: 'channels',
    version: 1,
    ...docHeader(options),
    currency: options.currency ?? rows.facts.currency ?? 'BRL',
    metrics: [
      { id: 'revenue', label: label('revenue'), format: 'currency', aggregate: 'sum' },
      { id: 'orders', label: label('orders'), format: 'integer', aggregate: 'sum' },
      { id: 'customers', label: label('customers'), format: 'integer', aggregate: 'sum' },
      { id: 'averageTicket', label: label('averageTicket'), format: 'currency', aggregate: 'none' },
      { id: 'repeatRate', label: label('repeatRate'), format: 'percent', aggregate: 'none' },
    ],
    channels: channels.map((c) => ({
      id: ids.get(c.channel)!,
      label: options.labels?.[c.channel] ?? c.channel,
      values: {
        revenue: c.revenue,
        orders: c.orders,
        customers: c.customers,
        averageTicket: c.orders ? cents(c.revenue / c.orders) : null,
        repeatRate: ratio(c.repeat, c.customers),
      },
      series: months
        .filter((m) => m.channel === c.channel)
        .map((m) => ({
          date: m.month_start,
          values: { revenue: cents(num(m.revenue)), orders: num(m.orders), customers: num(m.customers) },
        })),
    })),
    customers: { metric: 'customers', unique, overlaps },
    totals: { averageTicket: orders ? cents(cents(revenue) / orders) : 0, repeatRate: ratio(repeat, unique) ?? 0 },
  };
  return validated(doc, channelsSchema);
}
