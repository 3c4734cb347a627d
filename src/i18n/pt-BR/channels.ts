/**
 * The `channels` widget's messages, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { ChannelViewEnglish } from '../en/channels.js';

export default {
  name: 'Canais',
  metric: 'Métrica',
  mix: 'Participação por canal',
  trend: 'Tendência',
  channel: 'Canal',
  uniqueSub: 'Soma dos canais: {sum}',
  reported: 'Total informado',
  notSummable: 'Não somável: sem total informado',
  summed: 'Soma dos canais',
  once: 'Clientes contados uma vez',
  uniqueVs: {
    one: '{count} cliente único vs. {sum} somando os canais',
    other: '{count} clientes únicos vs. {sum} somando os canais',
  },
  duplicates: '{count} ({share}) com contagem repetida',
  overlaps: 'Compraram em mais de um canal',
  explained: 'As sobreposições listadas somam {explained}; sem detalhe: {rest}.',
  gap: 'Alguns canais não têm dados neste período',
  caption: 'Canais: {title}',
  trendCaption: '{metric} por canal ao longo do tempo',
  better: 'melhor que o canal mediano',
  worse: 'pior que o canal mediano',
} satisfies Translation<ChannelViewEnglish>;
