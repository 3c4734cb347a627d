/**
 * Built-in strings. Each language is a folder, `src/i18n/<language>/`, with one file per widget
 * kind (`funnel.ts`) and the shared messages (`base.ts`; English's are below). English is the
 * source and ships with each widget (`en/<kind>.ts`); every other language's file is typed
 * against the English one ({@link Translation}), so a missing, extra or misspelt key fails the
 * type check. `src/i18n/<language>.ts`, generated from the registry, gathers a language's files
 * into the one chunk a page loads the first time it needs that language ({@link loadLanguage}),
 * so a page downloads only its own language. A message that shows a count has one form per
 * plural category (`Intl.PluralRules`): "1 region", "2 regions".
 *
 * Adding a language: its folder, one line in {@link LOADERS} (plus its tag in `languageFor` and
 * its loading message in `baseStrings`), then `node scripts/generate.mjs --write`.
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

/**
 * The same keys as the English messages `E`, each a text where English has a text and plural forms where it has plural
 * forms.
 */
export type Translation<E extends Messages> = { readonly [K in keyof E]: E[K] extends string ? string : Plural };

/** Every language's messages for one widget (or the base); a language is there once loaded. */
export type Catalog<E extends Messages = Messages> = { readonly en: E } & {
  [L in Exclude<SupportedLanguage, 'en'>]?: Translation<E>;
};

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
  insights: 'Insights',
  export: 'Export',
} as const satisfies Messages;

export type BaseMessages = typeof en;

/** A language's messages: the shared ones and each widget's, by kind (`src/i18n/<language>.ts`, generated). */
export type LocaleFile = { readonly base: Translation<BaseMessages>; readonly [kind: string]: Messages };

/** The loading message in every language: shown while a language file loads, so it cannot be in one. */

/**
 * The built-in strings every widget shares: English here, the other languages filled
 * from their language files (their `base`) as they load; the loading message is always here.
 */
export const baseStrings: Catalog<BaseMessages> = {
  en,
  'pt-BR': { loading: 'Carregando…' } as Translation<BaseMessages>,
  es: { loading: 'Cargando…' } as Translation<BaseMessages>,
};

/** The language files, loaded on demand: one line per language. */
const LOADERS: Record<Exclude<SupportedLanguage, 'en'>, () => Promise<{ default: LocaleFile }>> = {
  'pt-BR': () => import('./pt-BR.js'),
  es: () => import('./es.js'),
};

/** Every widget catalog made so far, with its kind, to fill when a language arrives. */
const catalogs: [string, Catalog<Messages>][] = [];
const loaded = new Map<SupportedLanguage, LocaleFile>();
const loading = new Map<SupportedLanguage, Promise<void>>();

function fill(
  kind: string,
  catalog: Catalog<Messages>,
  lang: Exclude<SupportedLanguage, 'en'>,
  file: LocaleFile,
): void {
  catalog[lang] = { ...file.base, ...file[kind] } as unknown as Translation<Messages>;
}

/**
 * A widget's catalog: the base messages plus its own English ones, filled in other
 * languages as they load. A widget key may not reuse a base key (that would change the
 * base text, e.g. the empty-state message, for that widget only).
 */
export function widgetStrings<E extends Messages>(
  kind: string,
  en: E & { [K in keyof BaseMessages]?: never },
): Catalog<BaseMessages & E> {
  const catalog: Catalog<Messages> = { en: { ...baseStrings.en, ...en } };
  for (const [lang, file] of loaded) if (lang !== 'en') fill(kind, catalog, lang, file);
  catalogs.push([kind, catalog]);
  return catalog as Catalog<BaseMessages & E>;
}

/** True when the built-in strings of `lang` are here (English always is). */
export function hasLanguage(lang: SupportedLanguage): boolean {
  return lang === 'en' || loaded.has(lang);
}

/**
 * Loads the built-in strings of `lang` (once; later calls share the load) and fills every
 * widget's catalog. Widgets call it themselves; Node code that formats views in another
 * language awaits it first. A failed load leaves English in place and can be tried again.
 */
export function loadLanguage(lang: SupportedLanguage): Promise<void> {
  if (lang === 'en' || loaded.has(lang)) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]()
      .then((m) => {
        loaded.set(lang, m.default);
        (baseStrings as Record<string, Messages>)[lang] = { ...m.default.base };
        for (const [kind, catalog] of catalogs) fill(kind, catalog, lang, m.default);
      })
      .finally(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
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
export function translate<E extends Messages>(
  catalog: Catalog<E>,
  locale: string | undefined,
  key: keyof E & string,
  params?: Params,
): string {
  const lang = languageFor(locale);
  // The widget's messages in the language once loaded; the base ones (always here); English.
  const message: Message | undefined =
    (catalog[lang] as Messages | undefined)?.[key] ??
    (baseStrings[lang] as Messages)[key] ??
    (catalog.en as Messages)[key];
  if (message === undefined) return key;
  const count = params?.['count'];
  let template: string;
  if (typeof message === 'string') template = message;
  else
    template =
      (typeof count === 'number' && Number.isFinite(count)
        ? message[pluralCategory(lang, count) as keyof Plural]
        : undefined) ?? message.other;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    if (value === undefined) return m;
    return name === 'count' && typeof value !== 'string' ? formatInteger(locale ?? lang, value) : String(value ?? '');
  });
}

/** `t(key, params)` for one widget's messages: keys checked, a numeric `count` required by plural messages. */
export type Translator<M extends Messages> = <K extends keyof M & string>(
  key: K,
  ...params: M[K] extends string ? [Params?] : [Params & { count: number | null }]
) => string;

/** A {@link Translator} for `catalog` in `locale`. */
export function translator<M extends Messages>(catalog: Catalog<M>, locale: string): Translator<M> {
  return ((key: keyof M & string, params?: Params) => translate(catalog, locale, key, params)) as Translator<M>;
}

/** The keys of `M` whose message is a plain text (not plural forms). */
export type TextKey<M extends Messages> = { [K in keyof M]: M[K] extends string ? K : never }[keyof M] & string;
