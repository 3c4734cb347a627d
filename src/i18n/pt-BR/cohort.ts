/**
 * The `cohort` widget's messages, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { CohortGridEnglish } from '../en/cohort.js';

export default {
  name: 'Retenção por coorte',
  mode: 'Mostrar',
  percent: 'Retenção',
  count: 'Clientes',
  churn: 'Churn',
  revenue: 'Receita',
  ltv: 'LTV por cliente',
  scale: 'Sombrear',
  scaleGlobal: 'Grade toda',
  scaleRow: 'Cada coorte',
  cohort: 'Coorte',
  size: 'Tamanho',
  average: 'Média',
  weightedAverage: 'Média ponderada',
  day: 'Dia {n}',
  week: 'Semana {n}',
  month: 'Mês {n}',
  dayAxis: 'Dias desde a aquisição',
  weekAxis: 'Semanas desde a aquisição',
  monthAxis: 'Meses desde a aquisição',
  notYet: 'ainda não',
  notDefined: 'não definido',
  legendLow: 'Baixo',
  legendHigh: 'Alto',
  legendNotYet: 'Ainda não',
  legendNote: 'O período 0 tem sombra máxima e fica fora da escala.',
  caption: 'Coortes: {title}',
  tipRetained: { one: '{retained} de {count} cliente', other: '{retained} de {count} clientes' },
  tipRevenue: '{revenue} no período',
  tipLtv: '{ltv} por cliente até aqui',
  averageOf: { one: 'Média de {count} coorte', other: 'Média de {count} coortes' },
  curve: 'Média por período',
} satisfies Translation<CohortGridEnglish>;
