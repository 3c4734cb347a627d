import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES, baseStrings, defineStrings, languageFor, translate } from '../../src/index.js';

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
