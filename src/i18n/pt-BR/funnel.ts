/**
 * The `funnel` widget's messages, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { FunnelEnglish } from '../en/funnel.js';

export default {
  name: 'Funil',
  overall: 'Conversão total',
  overallSub: 'de {first} para {last}',
  revenue: 'Receita',
  revenueSub: 'em “{step}”',
  base: 'Base da conversão',
  ofFirst: '% da primeira',
  ofPrevious: '% da anterior',
  ofFirstLong: '% da primeira etapa',
  ofPreviousLong: '% da etapa anterior',
  lost: { one: '{count} perdido ({rate})', other: '{count} perdidos ({rate})' },
  gained: '{count} a mais',
  largestDrop: 'Maior queda',
  notApplicable: 'não se aplica',
  ofFirstSaid: 'da primeira etapa',
  ofPreviousSaid: 'da etapa anterior',
  deltaCount: 'na quantidade em relação à comparação',
  deltaConversion: 'na conversão em relação à comparação',
  medianTime: 'mediana {time}',
  medianTimeLong: 'Tempo mediano desde a etapa anterior',
  step: 'Etapa',
  count: 'Quantidade',
  dropOff: 'Perda',
  value: 'Valor',
  vs: 'vs. {label}',
  countChange: 'Variação da quantidade',
  segment: 'Segmento',
  total: 'Todos (total)',
  compare: 'Comparar segmentos',
  steps: 'Etapas do funil',
  thisPeriod: 'Este período',
  lostLegend: 'Perdidos desde a etapa anterior',
  caption: 'Funil: {title}',
} satisfies Translation<FunnelEnglish>;
