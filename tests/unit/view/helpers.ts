import { expect } from 'vitest';
import { loadLanguage, translator, type Catalog, type Messages, type Translator } from '../../../src/i18n/index.js';

/** Fails when any text in a view model shows a value that leaked through formatting, or any number is not finite. */
export function assertCleanView(value: unknown, path = 'view'): void {
  if (typeof value === 'string') {
    for (const bad of ['NaN', 'Infinity', 'undefined', 'null', '[object Object]', '{'])
      expect(value.includes(bad), `${path}: "${value}" contains ${bad}`).toBe(false);
  } else if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (value === undefined) expect.fail(`${path} is undefined`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertCleanView(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertCleanView(v, `${path}.${k}`);
}

/** Options for a view in `locale`. */
export function inLocale<M extends Messages>(
  catalog: Catalog<M>,
  locale: string,
): { locale: string; t: Translator<M> } {
  return { locale, t: translator(catalog, locale) };
}

// The view tests read pt-BR and es: load them once, as a widget would.
await Promise.all([loadLanguage('pt-BR'), loadLanguage('es')]);
