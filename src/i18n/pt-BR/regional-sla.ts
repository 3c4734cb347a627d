/**
 * The `regional-sla` widget's messages, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { RegionalSlaEnglish } from '../en/regional-sla.js';

export default {
  name: 'Níveis de serviço por região',
  region: 'Região',
  group: 'Grupo',
  volume: 'Volume',
  p50: 'Mediana',
  p90: 'P90 vs meta',
  breach: 'Taxa de violação',
  target: 'meta {value}',
  within: 'Dentro da meta',
  atRisk: 'Em risco',
  breached: 'Violado',
  filter: 'Filtrar regiões',
  filterPlaceholder: 'Nome ou código da região',
  grouped: 'Agrupar linhas',
  total: 'Total',
  shown: { one: '{shown} de {count} região', other: '{shown} de {count} regiões' },
  subtotal: { one: '{count} região', other: '{count} regiões' },
  noGroup: 'Sem grupo',
  noMatches: 'Nenhuma região corresponde a “{query}”.',
  caption: 'SLA por região: {title}',
  statusLine: '{within} dentro · {risk} em risco · {breached} com violação',
  status: 'Situação',
  p50Long: 'Mediana (p50)',
  p90Long: 'P90',
  breachLong: 'Taxa de violação',
  weighted: 'Subtotais e totais: medianas e P90 ponderados pelo volume; taxas de violação agregadas.',
} satisfies Translation<RegionalSlaEnglish>;
