/**
 * The messages every widget shares, in Spanish: checked against the English ones
 * (a missing, extra or misspelt key fails the type check).
 */
import type { BaseMessages, Translation } from '../index.js';

export default {
  loading: 'Cargando…',
  empty: 'No hay datos para este período.',
  errorTitle: 'No se pueden mostrar estos datos',
  errorMore: { one: 'y {count} problema más', other: 'y {count} problemas más' },
  stale: 'Se muestran datos de {time}. La última actualización falló: {reason}',
  loadFailed: 'No se pudo cargar {url}: {reason}',
  notJson: 'la respuesta no es un JSON válido',
  timeout: 'sin respuesta en {seconds} s',
  networkError: 'error de red',
  noData: 'sin datos',
  generated: 'Actualizado el {time}',
  insights: 'Lo más destacado',
  export: 'Exportar',
} satisfies Translation<BaseMessages>;
