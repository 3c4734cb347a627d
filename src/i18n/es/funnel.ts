/**
 * The `funnel` widget's messages, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { FunnelEnglish } from '../en/funnel.js';

export default {
  name: 'Embudo',
  overall: 'Conversión total',
  overallSub: 'de {first} a {last}',
  revenue: 'Ingresos',
  revenueSub: 'en «{step}»',
  base: 'Base de conversión',
  ofFirst: '% del primero',
  ofPrevious: '% del anterior',
  ofFirstLong: '% del primer paso',
  ofPreviousLong: '% del paso anterior',
  lost: { one: '{count} perdido ({rate})', other: '{count} perdidos ({rate})' },
  gained: '{count} más',
  largestDrop: 'Mayor caída',
  notApplicable: 'no aplica',
  ofFirstSaid: 'del primer paso',
  ofPreviousSaid: 'del paso anterior',
  deltaCount: 'en cantidad frente a la comparación',
  deltaConversion: 'en conversión frente a la comparación',
  medianTime: 'mediana {time}',
  medianTimeLong: 'Tiempo mediano desde el paso anterior',
  step: 'Paso',
  count: 'Cantidad',
  dropOff: 'Abandono',
  value: 'Valor',
  vs: 'vs. {label}',
  countChange: 'Cambio en cantidad',
  segment: 'Segmento',
  total: 'Todos (total)',
  compare: 'Comparar segmentos',
  steps: 'Pasos del embudo',
  thisPeriod: 'Este período',
  lostLegend: 'Perdidos desde el paso anterior',
  caption: 'Embudo: {title}',
} satisfies Translation<FunnelEnglish>;
