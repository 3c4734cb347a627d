import { describe, expect, it } from 'vitest';
import { LANGUAGES, NO_VALUE, baseStrings, languageFor, pluralCategory, translate, widgetStrings, type Catalog, type Messages } from '../../src/index.js';
import { funnelStrings } from '../../components/funnel/strings.js';
import { checkoutStrings } from '../../components/checkout-friction/strings.js';
import { cohortStrings } from '../../components/cohort-grid/strings.js';
import { slaStrings } from '../../components/regional-sla/strings.js';
import { channelStrings } from '../../components/channel-view/strings.js';

describe('languageFor', () => {
  it.each([
    ['pt-BR', 'pt-BR'], ['pt', 'pt-BR'], ['pt-PT', 'pt-BR'], ['es', 'es'], ['es-MX', 'es'], ['en-US', 'en'],
    ['fr', 'en'], ['', 'en'], [undefined, 'en'],
  ])('%s → %s', (tag, lang) => expect(languageFor(tag)).toBe(lang));
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(baseStrings, 'es', 'loading')).toBe('Cargando…');
    expect(translate(baseStrings, 'pt-BR', 'loadFailed', { url: '/a', reason: 'x' })).toBe('Não foi possível carregar /a: x');
  });
  it('falls back to English, then to the key', () => {
    const partial = { en: { only: 'English only' }, 'pt-BR': {}, es: {} } as unknown as Catalog<{ only: string }>;
    expect(translate(partial, 'pt-BR', 'only')).toBe('English only');
    expect(translate(partial, 'pt-BR', 'missing' as 'only')).toBe('missing');
  });
});

describe('plurals (Intl.PluralRules)', () => {
  it.each([
    ['en-US', 1, 'and 1 more problem'], ['en-US', 2, 'and 2 more problems'], ['en-US', 0, 'and 0 more problems'],
    ['pt-BR', 1, 'e mais 1 problema'], ['pt-BR', 2, 'e mais 2 problemas'], ['pt-BR', 1500, 'e mais 1.500 problemas'],
    ['es', 1, 'y 1 problema más'], ['es', 3, 'y 3 problemas más'], ['es', 1_000_000, 'y 1.000.000 problemas más'],
  ])('%s, %d → %s', (locale, n, text) => expect(translate(baseStrings, locale, 'errorMore', { count: n })).toBe(text));

  it('a group of one region is "1 region" in every language', () => {
    expect(translate(slaStrings, 'en', 'subtotal', { count: 1 })).toBe('1 region');
    expect(translate(slaStrings, 'pt-BR', 'subtotal', { count: 1 })).toBe('1 região');
    expect(translate(slaStrings, 'es', 'subtotal', { count: 1 })).toBe('1 región');
    expect(translate(slaStrings, 'pt-BR', 'subtotal', { count: 27 })).toBe('27 regiões');
  });
  it('a missing count is a dash and takes the general form', () => {
    expect(translate(checkoutStrings, 'en', 'abandonmentSub', { completed: NO_VALUE, count: null })).toBe(`${NO_VALUE} of ${NO_VALUE} shoppers completed`);
    expect(translate(baseStrings, 'en', 'errorMore', { count: Number.NaN })).toBe(`and ${NO_VALUE} more problems`);
  });
  it('pluralCategory follows the language', () => {
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('pt-BR', 0)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
  });
});

describe('catalogs', () => {
  const all: [string, Catalog<Messages>][] = [
    ['base', baseStrings], ['funnel', funnelStrings], ['checkout', checkoutStrings], ['cohort', cohortStrings], ['sla', slaStrings], ['channels', channelStrings],
  ];
  for (const [name, catalog] of all) {
    it(`${name}: every language has every key, with plural forms where English has them`, () => {
      const keys = Object.keys(catalog.en).sort();
      for (const lang of LANGUAGES) {
        expect(Object.keys(catalog[lang]).sort(), lang).toEqual(keys);
        for (const k of keys) {
          expect(typeof catalog[lang][k], `${lang}.${k}`).toBe(typeof catalog.en[k]);
          const m = catalog[lang][k]!;
          if (typeof m !== 'string') expect(m.other, `${lang}.${k}.other`).toBeTypeOf('string');
        }
      }
    });
  }
  it('a widget catalog keeps the base messages', () => {
    const c = widgetStrings<{ step: string }>({ en: { step: 'Step' }, 'pt-BR': { step: 'Etapa' }, es: { step: 'Paso' } });
    expect(translate(c, 'es', 'step')).toBe('Paso');
    expect(translate(c, 'pt-BR', 'empty')).toBe('Sem dados para este período.');
  });
  it('refuses, at compile time, a widget key that would replace a base string, a missing key and a misspelt one', () => {
    // @ts-expect-error: `empty` is the shared empty-state message
    widgetStrings<{ empty: string }>({ en: { empty: 'none' }, 'pt-BR': { empty: 'nenhum' }, es: { empty: 'ninguno' } });
    // @ts-expect-error: Spanish lacks `step`
    widgetStrings<{ step: string }>({ en: { step: 'Step' }, 'pt-BR': { step: 'Etapa' }, es: {} });
    // @ts-expect-error: `stpe` is not an English key
    widgetStrings<{ step: string }>({ en: { step: 'Step' }, 'pt-BR': { step: 'Etapa', stpe: 'x' }, es: { step: 'Paso' } });
    // @ts-expect-error: English has plural forms here, so Portuguese must too
    widgetStrings<{ n: { one: string; other: string } }>({ en: { n: { one: '1 a', other: '# a' } }, 'pt-BR': { n: 'x' }, es: { n: { other: 'y' } } });
  });
});
