import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES, baseStrings, defineStrings, fromRows, languageFor, translate, widgetStrings } from '../../src/index.js';

describe('languageFor', () => {
  it.each([
    ['pt-BR', 'pt-BR'], ['pt', 'pt-BR'], ['pt-PT', 'pt-BR'], ['es', 'es'], ['es-MX', 'es'], ['en-US', 'en'],
    ['fr', 'en'], ['', 'en'], [undefined, 'en'],
  ])('%s → %s', (tag, lang) => expect(languageFor(tag)).toBe(lang));
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(baseStrings, 'pt-BR', 'errorMore', { count: 3 })).toBe('e mais 3 problemas');
    expect(translate(baseStrings, 'es', 'loading')).toBe('Cargando…');
  });
  it('falls back to English, then to the key', () => {
    const t = defineStrings({ en: { only: 'English only' } });
    expect(translate(t, 'pt-BR', 'only')).toBe('English only');
    expect(translate(t, 'pt-BR', 'missing')).toBe('missing');
  });
  it('every language has every base key', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      expect(Object.keys(baseStrings[lang]).sort()).toEqual(Object.keys(baseStrings.en).sort());
    }
  });
});

describe('fromRows and widgetStrings', () => {
  it('turns rows of [en, pt-BR, es] into one table per language', () => {
    expect(fromRows({ a: ['A', 'Á', 'À'], b: ['B', 'Bê', 'Be'] })).toEqual({
      en: { a: 'A', b: 'B' }, 'pt-BR': { a: 'Á', b: 'Bê' }, es: { a: 'À', b: 'Be' },
    });
    expect(fromRows({})).toEqual({ en: {}, 'pt-BR': {}, es: {} });
  });
  it('adds a widget’s rows over the base strings, which stay as they are', () => {
    const t = widgetStrings({ step: ['Step', 'Etapa', 'Paso'] });
    expect(translate(t, 'es', 'step')).toBe('Paso');
    expect(translate(t, 'pt-BR', 'empty')).toBe('Sem dados para este período.');
  });
  it('refuses, at compile time, a widget key that would replace a base string', () => {
    // @ts-expect-error: `empty` is the shared empty-state message
    widgetStrings({ empty: ['none', 'nenhum', 'ninguno'] });
  });
});

