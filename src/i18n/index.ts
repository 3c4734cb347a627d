/**
 * Built-in strings. English is the source: each widget's `strings.ts` writes its
 * messages once per language as an object typed against the English one
 * ({@link Translation}), so a missing, extra or misspelt key fails the type
 * check. A message that shows a count has one form per plural category
 * (`Intl.PluralRules`): "1 region", "2 regions".
 *
 * Adding a language: add it to {@link LANGUAGES} (and to `languageFor`); the
 * type check then names every strings file that still needs its object.
 */
import { formatInteger } from '../format/index.js';

/** The languages the built-in strings ship in (the first is the fallback). */
export const LANGUAGES = ['en', 'pt-BR', 'es'] as const;
export type SupportedLanguage = (typeof LANGUAGES)[number];

/** A message with a count: one text per plural category of the language; `other` is required. */
export type Plural = Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>> & { other: string };
/** A message: a text with `{name}` placeholders, or plural forms. */
export type Message = string | Plural;
export type Messages = Record<string, Message>;

/** The same keys as the English messages `E`, each a text where English has a text and plural forms where it has plural forms. */
export type Translation<E extends Messages> = { readonly [K in keyof E]: E[K] extends string ? string : Plural };

/** Every language's messages for one widget (or the base). */
export type Catalog<E extends Messages = Messages> = { readonly en: E } & { readonly [L in Exclude<SupportedLanguage, 'en'>]: Translation<E> };

/** Values for `{name}` placeholders; a number `count` also picks the plural form (null: no value, shown as a dash). */
export type Params = Record<string, string | number | null>;

/** The base messages every widget shows (loading, errors, empty, stale data). */
const en = {
  loading: 'Loading…',
  empty: 'No data for this period.',
  errorTitle: 'This data can’t be shown',
  errorMore: { one: 'and {count} more problem', other: 'and {count} more problems' },
  stale: 'Showing data from {time}. The latest refresh failed: {reason}',
  loadFailed: 'Could not load {url}: {reason}',
  notJson: 'the response is not valid JSON',
  timeout: 'no answer within {seconds} s',
  networkError: 'network error',
  noData: 'no data',
  generated: 'Updated {time}',
} as const satisfies Messages;

export type BaseMessages = typeof en;

/** The built-in strings every widget shares. */
export const baseStrings: Catalog<BaseMessages> = {
  en,
  'pt-BR': {
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
  },
  es: {
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
  },
};

/**
 * A widget's catalog over the base one. A widget key may not reuse a base key
 * (that would change the base text, e.g. the empty-state message, for that widget only).
 */
export function widgetStrings<E extends Messages>(
  catalog: Catalog<E> & { en: { [K in keyof BaseMessages]?: never } },
): Catalog<BaseMessages & E> {
  const out = {} as Record<SupportedLanguage, Messages>;
  for (const lang of LANGUAGES) out[lang] = { ...baseStrings[lang], ...catalog[lang] };
  return out as unknown as Catalog<BaseMessages & E>;
}

/** Maps any BCP 47 tag to the closest language we ship: pt-* → pt-BR, es-* → es, else en. */
export function languageFor(locale: string | undefined): SupportedLanguage {
  const tag = (locale ?? '').toLowerCase();
  if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
  if (tag === 'es' || tag.startsWith('es-')) return 'es';
  return 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural category of `n` in `lang` ("one", "other", …). */
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/**
 * The message `key` in `locale`'s language, with `{name}` placeholders filled.
 * Plural messages take the form for `params.count` (a number, written as an
 * integer in the locale). Falls back to English, then to the key; never undefined.
 */
export function translate<E extends Messages>(catalog: Catalog<E>, locale: string | undefined, key: keyof E & string, params?: Params): string {
  const lang = languageFor(locale);
  const message: Message | undefined = (catalog[lang] as Messages)[key] ?? (catalog.en as Messages)[key];
  if (message === undefined) return key;
  const count = params?.['count'];
  let template: string;
  if (typeof message === 'string') template = message;
  else template = (typeof count === 'number' && Number.isFinite(count) ? message[pluralCategory(lang, count) as keyof Plural] : undefined) ?? message.other;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    if (value === undefined) return m;
    return name === 'count' && typeof value !== 'string' ? formatInteger(locale ?? lang, value) : String(value ?? '');
  });
}

/** `t(key, params)` for one widget's messages: keys checked, a numeric `count` required by plural messages. */
export type Translator<M extends Messages> = <K extends keyof M & string>(
  key: K, ...params: M[K] extends string ? [Params?] : [Params & { count: number | null }]
) => string;

/** A {@link Translator} for `catalog` in `locale`. */
export function translator<M extends Messages>(catalog: Catalog<M>, locale: string): Translator<M> {
  return ((key: keyof M & string, params?: Params) => translate(catalog, locale, key, params)) as Translator<M>;
}

/** The keys of `M` whose message is a plain text (not plural forms). */
export type TextKey<M extends Messages> = { [K in keyof M]: M[K] extends string ? K : never }[keyof M] & string;
