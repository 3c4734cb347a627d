/** The `channels` kind's data path: sales and retention per channel, in memory or on an engine. */
import { channelsRecipe } from '../sql.js';
import { runRecipe } from '../engines.js';
import type { ChannelsDoc } from '../../schema/channels.js';
import type { OrderRow } from '../orders.js';
import { assembleChannels, buildChannels, type ChannelsBuildOptions, type ChannelsRows } from '../channels.js';
import { checkOverlapChannels } from '../build-checks.js';
import { flag, recipeFacts, sourceContext, type DataPath, type SqlSource } from './common.js';

const period = (o: ChannelsBuildOptions) => ({ ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });

export async function buildChannelsSql(s: SqlSource, options: ChannelsBuildOptions = {}): Promise<ChannelsDoc> {
  const { bits, ...rest } = channelsRecipe({ ...sourceContext(s, options.tz), ...period(options) });
  // The channels first: past MAX_OVERLAP_CHANNELS the sets query would overflow its 64-bit mask inside the engine.
  const channelBits = await s.engine.all(bits!);
  checkOverlapChannels(channelBits.length);
  const r: Record<string, Record<string, unknown>[]> = { ...(await runRecipe(s.engine, rest)), bits: channelBits };
  return assembleChannels(
    {
      facts: recipeFacts(r['facts']),
      channels: r['channels'] as unknown as ChannelsRows['channels'],
      months: r['months'] as unknown as ChannelsRows['months'],
      sets: r['sets'] as unknown as ChannelsRows['sets'],
      bits: r['bits'] as unknown as ChannelsRows['bits'],
    },
    options,
  );
}

export const channelsPath: DataPath<ChannelsBuildOptions, ChannelsDoc> = {
  help: `  kpi-kit build channels --orders <file>
      Revenue, orders, customers, average ticket and repeat rate per channel, a monthly series, and each
      customer counted once across channels (unique customers, customers per set of channels).`,
  flags: ['labels'],
  inputs: () => ['orders'],
  options: ({ flags, common, readJson }) => {
    const labels = flag(flags, 'labels');
    return { ...common, labels: labels ? (readJson(labels) as ChannelsBuildOptions['labels']) : undefined };
  },
  memory: ([orders], o) => ({ doc: buildChannels(orders as OrderRow[], o), notes: [] }),
  sql: async (s, o) => ({ doc: await buildChannelsSql(s, o), notes: [] }),
  recipe: (names, o) => channelsRecipe({ ...names, ...period(o) }),
};
