/**
 * The few built-in strings, in en, pt-BR and es. Widgets add their own keys
 * through {@link widgetStrings}; a missing key falls back to English.
 */

export type SupportedLanguage = 'en' | 'pt-BR' | 'es';
export const SUPPORTED_LANGUAGES: SupportedLanguage[] = ['en', 'pt-BR', 'es'];

export type Strings = Record<string, string>;
export type StringTable = Record<SupportedLanguage, Strings>;

/** One built-in string in each language: `[en, pt-BR, es]` (the order of {@link SUPPORTED_LANGUAGES}). */
export type Translations = readonly [en: string, ptBR: string, es: string];

/** Turns rows of translations (one key per row) into a table per language. */
export function fromRows(rows: Record<string, Translations>): StringTable {
  const table: StringTable = { en: {}, 'pt-BR': {}, es: {} };
  for (const [key, row] of Object.entries(rows)) SUPPORTED_LANGUAGES.forEach((lang, i) => { table[lang][key] = row[i]!; });
  return table;
}

const baseRows = {
  loading: ['Loading…', 'Carregando…', 'Cargando…'],
  empty: ['No data for this period.', 'Sem dados para este período.', 'No hay datos para este período.'],
  errorTitle: ['This data can’t be shown', 'Não foi possível exibir estes dados', 'No se pueden mostrar estos datos'],
  errorMore: ['and {count} more problems', 'e mais {count} problemas', 'y {count} problemas más'],
  stale: [
    'Showing data from {time}. The latest refresh failed: {reason}',
    'Exibindo dados de {time}. A última atualização falhou: {reason}',
    'Se muestran datos de {time}. La última actualización falló: {reason}',
  ],
  loadFailed: ['Could not load {url}: {reason}', 'Não foi possível carregar {url}: {reason}', 'No se pudo cargar {url}: {reason}'],
  notJson: ['the response is not valid JSON', 'a resposta não é um JSON válido', 'la respuesta no es un JSON válido'],
  timeout: ['no answer within {seconds} s', 'sem resposta em {seconds} s', 'sin respuesta en {seconds} s'],
  networkError: ['network error', 'erro de rede', 'error de red'],
  updating: ['Updating…', 'Atualizando…', 'Actualizando…'],
  noData: ['no data', 'sem dados', 'sin datos'],
  period: ['Period', 'Período', 'Período'],
  generated: ['Updated {time}', 'Atualizado em {time}', 'Actualizado el {time}'],
  dataTable: ['Data table', 'Tabela de dados', 'Tabla de datos'],
} as const satisfies Record<string, Translations>;

/** The built-in strings every widget shares. */
export const baseStrings: StringTable = fromRows(baseRows);

/**
 * A widget's own strings, one row per key with all three languages, over the base
 * ones. A key may not reuse a base key (that would change the base text, e.g. the
 * empty-state message, for that widget only).
 */
export function widgetStrings<R extends Record<string, Translations>>(rows: R & { [K in keyof typeof baseRows]?: never }): StringTable {
  return defineStrings(fromRows(rows));
}

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
