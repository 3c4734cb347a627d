/**
 * The messages every widget shares, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { BaseMessages, Translation } from '../index.js';

export default {
  loading: 'Carregando…',
  empty: 'Sem dados para este período.',
  errorTitle: 'Não foi possível exibir estes dados',
  errorMore: { one: 'e mais {count} problema', other: 'e mais {count} problemas' },
  stale: 'Exibindo dados de {time}. A última atualização falhou: {reason}',
  loadFailed: 'Não foi possível carregar {url}: {reason}',
  notJson: 'a resposta não é um JSON válido',
  timeout: 'sem resposta em {seconds} s',
  networkError: 'erro de rede',
  noData: 'sem dados',
  generated: 'Atualizado em {time}',
  insights: 'Destaques',
  export: 'Exportar',
} satisfies Translation<BaseMessages>;
