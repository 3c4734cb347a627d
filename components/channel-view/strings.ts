import { widgetStrings } from '../../src/i18n/index.js';

/** The English messages: the source of the keys every other language must have. */
const en = {
  metric: 'Metric',
  mix: 'Channel mix',
  trend: 'Trend',
  channel: 'Channel',
  uniqueSub: 'Sum of channels: {sum}',
  reported: 'Reported total',
  notSummable: 'Not summable: no total reported',
  summed: 'Sum of channels',
  once: 'Customers counted once',
  uniqueVs: { one: '{count} unique customer vs {sum} summed across channels', other: '{count} unique customers vs {sum} summed across channels' },
  duplicates: '{count} ({share}) counted more than once',
  overlaps: 'Bought in more than one channel',
  explained: 'Listed overlaps account for {explained}; {rest} more are not itemised.',
  gap: 'Some channels have no data for this period',
  caption: 'Channels: {title}',
  trendCaption: '{metric} by channel over time',
  better: 'better than the median channel',
  worse: 'worse than the median channel',
} as const;

/** Built-in strings: one object per language, typed against the English keys. */
export const channelStrings = widgetStrings<typeof en>({
  en,
  'pt-BR': {
    metric: 'Métrica',
    mix: 'Participação por canal',
    trend: 'Tendência',
    channel: 'Canal',
    uniqueSub: 'Soma dos canais: {sum}',
    reported: 'Total informado',
    notSummable: 'Não somável: sem total informado',
    summed: 'Soma dos canais',
    once: 'Clientes contados uma vez',
    uniqueVs: { one: '{count} cliente único vs. {sum} somando os canais', other: '{count} clientes únicos vs. {sum} somando os canais' },
    duplicates: '{count} ({share}) contados mais de uma vez',
    overlaps: 'Compraram em mais de um canal',
    explained: 'As sobreposições listadas somam {explained}; outras {rest} não estão detalhadas.',
    gap: 'Alguns canais não têm dados neste período',
    caption: 'Canais: {title}',
    trendCaption: '{metric} por canal ao longo do tempo',
    better: 'melhor que o canal mediano',
    worse: 'pior que o canal mediano',
  },
  es: {
    metric: 'Métrica',
    mix: 'Participación por canal',
    trend: 'Tendencia',
    channel: 'Canal',
    uniqueSub: 'Suma de canales: {sum}',
    reported: 'Total informado',
    notSummable: 'No sumable: sin total informado',
    summed: 'Suma de canales',
    once: 'Clientes contados una vez',
    uniqueVs: { one: '{count} cliente único vs. {sum} sumando los canales', other: '{count} clientes únicos vs. {sum} sumando los canales' },
    duplicates: '{count} ({share}) contados más de una vez',
    overlaps: 'Compraron en más de un canal',
    explained: 'Las superposiciones listadas suman {explained}; otras {rest} no están detalladas.',
    gap: 'Algunos canales no tienen datos en este período',
    caption: 'Canales: {title}',
    trendCaption: '{metric} por canal en el tiempo',
    better: 'mejor que el canal mediano',
    worse: 'peor que el canal mediano',
  },
});

/** The messages a KpiChannelView can show (base ones included). */
export type ChannelViewMessages = (typeof channelStrings)['en'];
