import { widgetStrings } from '../../src/i18n/index.js';

/** Built-in strings, one row per key: [en, pt-BR, es]. */
export const channelStrings = widgetStrings({
  metric: ['Metric', 'Métrica', 'Métrica'],
  mix: ['Channel mix', 'Participação por canal', 'Participación por canal'],
  trend: ['Trend', 'Tendência', 'Tendencia'],
  channel: ['Channel', 'Canal', 'Canal'],
  uniqueSub: ['Sum of channels: {sum}', 'Soma dos canais: {sum}', 'Suma de canales: {sum}'],
  reported: ['Reported total', 'Total informado', 'Total informado'],
  notSummable: ['Not summable: no total reported', 'Não somável: sem total informado', 'No sumable: sin total informado'],
  summed: ['Sum of channels', 'Soma dos canais', 'Suma de canales'],
  once: ['Customers counted once', 'Clientes contados uma vez', 'Clientes contados una vez'],
  uniqueVs: ['{unique} unique customers vs {sum} summed across channels', '{unique} clientes únicos vs. {sum} somando os canais', '{unique} clientes únicos vs. {sum} sumando los canales'],
  duplicates: ['{count} ({share}) counted more than once', '{count} ({share}) contados mais de uma vez', '{count} ({share}) contados más de una vez'],
  overlaps: ['Bought in more than one channel', 'Compraram em mais de um canal', 'Compraron en más de un canal'],
  explained: ['Listed overlaps account for {explained}; {rest} more are not itemised.', 'As sobreposições listadas somam {explained}; outras {rest} não estão detalhadas.', 'Las superposiciones listadas suman {explained}; otras {rest} no están detalladas.'],
  gap: ['Some channels have no data for this period', 'Alguns canais não têm dados neste período', 'Algunos canales no tienen datos en este período'],
  caption: ['Channels: {title}', 'Canais: {title}', 'Canales: {title}'],
  trendCaption: ['{metric} by channel over time', '{metric} por canal ao longo do tempo', '{metric} por canal en el tiempo'],
  better: ['better than the median channel', 'melhor que o canal mediano', 'mejor que el canal mediano'],
  worse: ['worse than the median channel', 'pior que o canal mediano', 'peor que el canal mediano'],
});
