/**
 * The board's messages, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { Translation } from '../index.js';
import type { BoardEnglish } from '../en/board.js';

export default {
  filters: 'Filtros',
  period: 'Período',
  region: 'Región',
  channel: 'Canal',
  store: 'Tienda',
  'preset:all': 'Todo el período',
  'preset:this-month': 'Este mes',
  'preset:last-30': 'Últimos 30 días',
  'preset:last-90': 'Últimos 90 días',
  'preset:this-year': 'Este año',
  'preset:custom': 'Rango personalizado',
  from: 'Desde',
  to: 'Hasta',
  any: 'Todas',
  picked: { one: '{count} seleccionada', other: '{count} seleccionadas' },
  search: 'Buscar',
  valueCount: { one: '{count} pedido', other: '{count} pedidos' },
  noMatch: 'Nada coincide con «{query}».',
  valuesFailed: 'No se pudieron cargar las opciones.',
  clearAll: 'Borrar todo',
  remove: 'Quitar filtro {filter}: {value}',
  noneActive: 'Sin filtros',
  active: { one: '{count} filtro · {values}', other: '{count} filtros · {values}' },
  fixedFile: 'Un archivo fijo: los filtros del panel no se aplican aquí.',
} satisfies Translation<BoardEnglish>;
