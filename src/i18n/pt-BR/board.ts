/**
 * The board's messages, in Brazilian Portuguese: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { BoardEnglish } from '../en/board.js';

export default {
  filters: 'Filtros',
  period: 'Período',
  region: 'Região',
  channel: 'Canal',
  store: 'Loja',
  'preset:all': 'Todo o período',
  'preset:this-month': 'Este mês',
  'preset:last-30': 'Últimos 30 dias',
  'preset:last-90': 'Últimos 90 dias',
  'preset:this-year': 'Este ano',
  'preset:custom': 'Intervalo personalizado',
  from: 'De',
  to: 'Até',
  any: 'Todas',
  picked: { one: '{count} selecionada', other: '{count} selecionadas' },
  search: 'Buscar',
  valueCount: { one: '{count} pedido', other: '{count} pedidos' },
  noMatch: 'Nada corresponde a “{query}”.',
  valuesFailed: 'Não foi possível carregar as opções.',
  clearAll: 'Limpar tudo',
  remove: 'Remover filtro {filter}: {value}',
  noneActive: 'Sem filtros',
  active: { one: '{count} filtro · {values}', other: '{count} filtros · {values}' },
  fixedFile: 'Arquivo fixo: os filtros do painel não se aplicam aqui.',
} satisfies Translation<BoardEnglish>;
