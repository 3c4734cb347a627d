import { defineStrings } from '../../src/i18n/index.js';

export const slaStrings = defineStrings({
  en: {
    region: 'Region', group: 'Group', volume: 'Volume', p50: 'Median', p90: 'P90 vs target', breach: 'Breach rate',
    target: 'target {value}', within: 'Within target', 'at-risk': 'At risk', breached: 'Breached',
    filter: 'Filter regions', filterPlaceholder: 'Region name or code', grouped: 'Group rows', export: 'Export CSV',
    total: 'Total', shown: '{shown} of {total} regions', subtotal: '{count} regions', noGroup: 'No group',
    showMore: 'Show {count} more', noMatches: 'No region matches “{query}”.', caption: 'SLA by region: {title}',
    statusLine: '{within} within · {risk} at risk · {breached} breached',
    status: 'Status', p50Long: 'Median (p50)', p90Long: 'P90', breachLong: 'Breach rate', weighted: 'Subtotals and totals: volume-weighted medians and P90s; pooled breach rates.',
  },
  'pt-BR': {
    region: 'Região', group: 'Grupo', volume: 'Volume', p50: 'Mediana', p90: 'P90 vs meta', breach: 'Taxa de violação',
    target: 'meta {value}', within: 'Dentro da meta', 'at-risk': 'Em risco', breached: 'Violado',
    filter: 'Filtrar regiões', filterPlaceholder: 'Nome ou código da região', grouped: 'Agrupar linhas', export: 'Exportar CSV',
    total: 'Total', shown: '{shown} de {total} regiões', subtotal: '{count} regiões', noGroup: 'Sem grupo',
    showMore: 'Mostrar mais {count}', noMatches: 'Nenhuma região corresponde a “{query}”.', caption: 'SLA por região: {title}',
    statusLine: '{within} dentro · {risk} em risco · {breached} violados',
    status: 'Situação', p50Long: 'Mediana (p50)', p90Long: 'P90', breachLong: 'Taxa de violação', weighted: 'Subtotais e totais: medianas e P90 ponderados pelo volume; taxas de violação agregadas.',
  },
  es: {
    region: 'Región', group: 'Grupo', volume: 'Volumen', p50: 'Mediana', p90: 'P90 vs objetivo', breach: 'Tasa de incumplimiento',
    target: 'objetivo {value}', within: 'Dentro del objetivo', 'at-risk': 'En riesgo', breached: 'Incumplido',
    filter: 'Filtrar regiones', filterPlaceholder: 'Nombre o código de la región', grouped: 'Agrupar filas', export: 'Exportar CSV',
    total: 'Total', shown: '{shown} de {total} regiones', subtotal: '{count} regiones', noGroup: 'Sin grupo',
    showMore: 'Mostrar {count} más', noMatches: 'Ninguna región coincide con «{query}».', caption: 'SLA por región: {title}',
    statusLine: '{within} dentro · {risk} en riesgo · {breached} incumplidos',
    status: 'Estado', p50Long: 'Mediana (p50)', p90Long: 'P90', breachLong: 'Tasa de incumplimiento', weighted: 'Subtotales y totales: medianas y P90 ponderados por volumen; tasas de incumplimiento agregadas.',
  },
});
