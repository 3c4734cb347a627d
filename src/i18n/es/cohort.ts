/**
 * The `cohort` widget's messages, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { CohortGridEnglish } from '../en/cohort.js';

export default {
  name: 'Retención por cohorte',
  mode: 'Mostrar',
  percent: 'Retención',
  count: 'Clientes',
  churn: 'Abandono',
  revenue: 'Ingresos',
  ltv: 'LTV por cliente',
  scale: 'Sombrear',
  scaleGlobal: 'Toda la tabla',
  scaleRow: 'Cada cohorte',
  cohort: 'Cohorte',
  size: 'Tamaño',
  average: 'Promedio',
  weightedAverage: 'Promedio ponderado',
  day: 'Día {n}',
  week: 'Semana {n}',
  month: 'Mes {n}',
  dayAxis: 'Días desde la adquisición',
  weekAxis: 'Semanas desde la adquisición',
  monthAxis: 'Meses desde la adquisición',
  notYet: 'aún no',
  notDefined: 'no definido',
  legendLow: 'Bajo',
  legendHigh: 'Alto',
  legendNotYet: 'Aún no',
  legendNote: 'El período 0 tiene el sombreado máximo y queda fuera de la escala.',
  caption: 'Cohortes: {title}',
  tipRetained: { one: '{retained} de {count} cliente', other: '{retained} de {count} clientes' },
  tipRevenue: '{revenue} en el período',
  tipLtv: '{ltv} por cliente hasta ahora',
  averageOf: { one: 'Promedio de {count} cohorte', other: 'Promedio de {count} cohortes' },
  curve: 'Promedio por período',
} satisfies Translation<CohortGridEnglish>;
