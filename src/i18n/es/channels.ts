/**
 * The `channels` widget's messages, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { ChannelViewEnglish } from '../en/channels.js';

export default {
  name: 'Canales',
  metric: 'Métrica',
  mix: 'Participación por canal',
  trend: 'Tendencia',
  channel: 'Canal',
  uniqueSub: 'Suma de canales: {sum}',
  reported: 'Total informado',
  notSummable: 'No sumable: sin total informado',
  summed: 'Suma de canales',
  once: 'Clientes contados una vez',
  uniqueVs: {
    one: '{count} cliente único vs. {sum} sumando los canales',
    other: '{count} clientes únicos vs. {sum} sumando los canales',
  },
  duplicates: '{count} ({share}) con conteo repetido',
  overlaps: 'Compraron en más de un canal',
  explained: 'Las superposiciones listadas suman {explained}; sin detalle: {rest}.',
  gap: 'Algunos canales no tienen datos en este período',
  caption: 'Canales: {title}',
  trendCaption: '{metric} por canal en el tiempo',
  better: 'mejor que el canal mediano',
  worse: 'peor que el canal mediano',
} satisfies Translation<ChannelViewEnglish>;
