import { beforeAll, describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  NO_VALUE,
  baseStrings,
  hasLanguage,
  languageFor,
  loadLanguage,
  pluralCategory,
  translate,
  widgetStrings,
  type Catalog,
  type Messages,
} from '../../src/index.js';
import { funnelStrings } from '../../src/i18n/en/funnel.js';
import { checkoutStrings } from '../../src/i18n/en/checkout-friction.js';
import { cohortStrings } from '../../src/i18n/en/cohort.js';
import { slaStrings } from '../../src/i18n/en/regional-sla.js';
import { channelStrings } from '../../src/i18n/en/channels.js';
import { forecastStrings } from '../../src/i18n/en/forecast.js';
import type { RegionalSlaEnglish } from '../../src/i18n/en/regional-sla.js';
import type { Translation } from '../../src/i18n/index.js';

describe('languageFor', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (tag, lang) => expect(languageFor(tag)).toBe(lang));
});

describe('languages load on demand', () => {
  it('before a language file is loaded, widget strings read in English; base strings are always there', async () => {
    expect(hasLanguage('pt-BR')).toBe(false);
    expect(translate(slaStrings, 'pt-BR', 'region')).toBe('Region');
    expect(translate(slaStrings, 'pt-BR', 'loading')).toBe('Carregando…');
    await Promise.all([loadLanguage('pt-BR'), loadLanguage('pt-BR'), loadLanguage('es')]);
    expect(hasLanguage('pt-BR')).toBe(true);
    expect(translate(slaStrings, 'pt-BR', 'region')).toBe('Região');
    expect(translate(slaStrings, 'es', 'region')).toBe('Región');
  });
  it('a catalog made after the language arrived is filled at once', () => {
    const late = widgetStrings('funnel', { late: 'Late' } as never) as unknown as Catalog<Messages>;
    expect(late['pt-BR']).toBeDefined();
    expect(translate(late, 'pt-BR', 'empty')).toBe('Sem dados para este período.');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(baseStrings, 'es', 'loading')).toBe('Cargando…');
    expect(translate(baseStrings, 'pt-BR', 'loadFailed', { url: '/a', reason: 'x' })).toBe(
      'Não foi possível carregar /a: x',
    );
  });
  it('falls back to English, then to the key', () => {
    const partial = { en: { only: 'English only' }, 'pt-BR': {}, es: {} } as unknown as Catalog<{ only: string }>;
    expect(translate(partial, 'pt-BR', 'only')).toBe('English only');
    expect(translate(partial, 'pt-BR', 'missing' as 'only')).toBe('missing');
  });
});

describe('plurals (Intl.PluralRules)', () => {
  beforeAll(() => Promise.all([loadLanguage('pt-BR'), loadLanguage('es')]));
  it.each([
    ['en-US', 1, 'and 1 more problem'],
    ['en-US', 2, 'and 2 more problems'],
    ['en-US', 0, 'and 0 more problems'],
    ['pt-BR', 1, 'e mais 1 problema'],
    ['pt-BR', 2, 'e mais 2 problemas'],
    ['pt-BR', 1500, 'e mais 1.500 problemas'],
    ['es', 1, 'y 1 problema más'],
    ['es', 3, 'y 3 problemas más'],
    ['es', 1_000_000, 'y 1.000.000 problemas más'],
  ])('%s, %d → %s', (locale, n, text) => {
    expect(translate(baseStrings, locale, 'errorMore', { count: n })).toBe(text);
  });

  it('a group of one region is "1 region" in every language', () => {
    expect(translate(slaStrings, 'en', 'subtotal', { count: 1 })).toBe('1 region');
    expect(translate(slaStrings, 'pt-BR', 'subtotal', { count: 1 })).toBe('1 região');
    expect(translate(slaStrings, 'es', 'subtotal', { count: 1 })).toBe('1 región');
    expect(translate(slaStrings, 'pt-BR', 'subtotal', { count: 27 })).toBe('27 regiões');
  });
  it('a missing count is a dash and takes the general form', () => {
    expect(translate(checkoutStrings, 'en', 'abandonmentSub', { completed: NO_VALUE, count: null })).toBe(
      `${NO_VALUE} of ${NO_VALUE} shoppers completed`,
    );
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
    ['base', baseStrings],
    ['funnel', funnelStrings],
    ['checkout', checkoutStrings],
    ['cohort', cohortStrings],
    ['sla', slaStrings],
    ['channels', channelStrings],
    ['forecast', forecastStrings],
  ];
  for (const [name, catalog] of all) {
    it(`${name}: every language has every key, with plural forms where English has them`, async () => {
      await Promise.all([loadLanguage('pt-BR'), loadLanguage('es')]);
      const keys = Object.keys(catalog.en).sort();
      for (const lang of LANGUAGES) {
        const messages = catalog[lang]!;
        expect(Object.keys(messages).sort(), lang).toEqual(keys);
        for (const k of keys) {
          expect(typeof messages[k], `${lang}.${k}`).toBe(typeof catalog.en[k]);
          const m = messages[k]!;
          if (typeof m !== 'string') expect(m.other, `${lang}.${k}.other`).toBeTypeOf('string');
        }
      }
    });
  }
  it('refuses, at compile time, a widget key that would replace a base string', () => {
    // @ts-expect-error: `empty` is the shared empty-state message
    widgetStrings('funnel', { empty: 'none' });
  });
  it('refuses, at compile time, a language file with a missing, misspelt or non-plural key', () => {
    type Sla = Translation<RegionalSlaEnglish>;
    const ok = {} as Sla;
    // @ts-expect-error: `regoin` is not an English key
    const misspelt: Sla = { ...ok, regoin: 'x' };
    // @ts-expect-error: English has plural forms for `subtotal`
    const notPlural: Sla = { ...ok, subtotal: '{count} regiões' };
    const { region: _dropped, ...rest } = ok;
    // @ts-expect-error: `region` is missing
    const missing: Sla = rest;
    void [misspelt, notPlural, missing];
  });
});
