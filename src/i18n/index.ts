/**
 * The few built-in strings, in en, pt-BR and es. Widgets add their own keys
 * through {@link defineStrings}; a missing key falls back to English.
 */

export type SupportedLanguage = 'en' | 'pt-BR' | 'es';
export const SUPPORTED_LANGUAGES: SupportedLanguage[] = ['en', 'pt-BR', 'es'];

export type Strings = Record<string, string>;
export type StringTable = Record<SupportedLanguage, Strings>;

export const baseStrings: StringTable = {
  en: {
    loading: 'Loading…',
    empty: 'No data for this period.',
    errorTitle: 'This data can’t be shown',
    errorMore: 'and {count} more problems',
    stale: 'Showing data from {time}. The latest refresh failed: {reason}',
    loadFailed: 'Could not load {url}: {reason}',
    notJson: 'the response is not valid JSON',
    timeout: 'no answer within {seconds} s',
    networkError: 'network error',
    updating: 'Updating…',
    noData: 'no data',
    period: 'Period',
    generated: 'Updated {time}',
    dataTable: 'Data table',
  },
  'pt-BR': {
    loading: 'Carregando…',
    empty: 'Sem dados para este período.',
    errorTitle: 'Não foi possível exibir estes dados',
    errorMore: 'e mais {count} problemas',
    stale: 'Exibindo dados de {time}. A última atualização falhou: {reason}',
    loadFailed: 'Não foi possível carregar {url}: {reason}',
    notJson: 'a resposta não é um JSON válido',
    timeout: 'sem resposta em {seconds} s',
    networkError: 'erro de rede',
    updating: 'Atualizando…',
    noData: 'sem dados',
    period: 'Período',
    generated: 'Atualizado em {time}',
    dataTable: 'Tabela de dados',
  },
  es: {
    loading: 'Cargando…',
    empty: 'No hay datos para este período.',
    errorTitle: 'No se pueden mostrar estos datos',
    errorMore: 'y {count} problemas más',
    stale: 'Se muestran datos de {time}. La última actualización falló: {reason}',
    loadFailed: 'No se pudo cargar {url}: {reason}',
    notJson: 'la respuesta no es un JSON válido',
    timeout: 'sin respuesta en {seconds} s',
    networkError: 'error de red',
    updating: 'Actualizando…',
    noData: 'sin datos',
    period: 'Período',
    generated: 'Actualizado el {time}',
    dataTable: 'Tabla de datos',
  },
};

/** Maps any BCP 47 tag to the closest language we ship: pt-* → pt-BR, es-* → es, else en. */
export function languageFor(locale: string | undefined): SupportedLanguage {
  const tag = (locale ?? '').toLowerCase();
  if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
  if (tag === 'es' || tag.startsWith('es-')) return 'es';
  return 'en';
}

/** Merges a widget's own strings over the base ones. */
export function defineStrings(extra: Partial<StringTable>): StringTable {
  return {
    en: { ...baseStrings.en, ...extra.en },
    'pt-BR': { ...baseStrings['pt-BR'], ...extra['pt-BR'] },
    es: { ...baseStrings.es, ...extra.es },
  };
}

/** Looks up `key` for `locale` and fills `{name}` placeholders. Never returns undefined. */
export function translate(table: StringTable, locale: string | undefined, key: string, params?: Record<string, string | number>): string {
  const lang = languageFor(locale);
  const template = table[lang][key] ?? table.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
