/**
 * The `regional-sla` widget's messages, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { RegionalSlaEnglish } from '../en/regional-sla.js';

export default {
  name: 'Niveles de servicio por región',
  region: 'Región',
  group: 'Grupo',
  volume: 'Volumen',
  p50: 'Mediana',
  p90: 'P90 vs objetivo',
  breach: 'Tasa de incumplimiento',
  target: 'objetivo {value}',
  within: 'Dentro del objetivo',
  atRisk: 'En riesgo',
  breached: 'Incumplido',
  filter: 'Filtrar regiones',
  filterPlaceholder: 'Nombre o código de la región',
  grouped: 'Agrupar filas',
  total: 'Total',
  shown: { one: '{shown} de {count} región', other: '{shown} de {count} regiones' },
  subtotal: { one: '{count} región', other: '{count} regiones' },
  noGroup: 'Sin grupo',
  noMatches: 'Ninguna región coincide con «{query}».',
  caption: 'SLA por región: {title}',
  statusLine: '{within} dentro · {risk} en riesgo · {breached} con incumplimiento',
  status: 'Estado',
  p50Long: 'Mediana (p50)',
  p90Long: 'P90',
  breachLong: 'Tasa de incumplimiento',
  weighted: 'Subtotales y totales: medianas y P90 ponderados por volumen; tasas de incumplimiento agregadas.',
} satisfies Translation<RegionalSlaEnglish>;
