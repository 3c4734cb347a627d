import type * as z from 'zod/mini';
import { issue, parseWith } from '../schema/parse.js';
/** What a widget's input attributes read: the `data` attribute's JSON text, and the input limits. */
export type KpiState = 'loading' | 'empty' | 'error' | 'ready';

/** What the `data` attribute holds when its text is not JSON. */
export class InvalidJsonText {
  constructor(readonly reason: string) {}
}

/** `input` validated against `schema`: the document, or its issues (JSON text that did not parse is one). */
export function validate<T>(schema: z.ZodMiniType, kind: string, input: unknown): ReturnType<typeof parseWith<T>> {
  if (!(input instanceof InvalidJsonText)) return parseWith<T>(schema, kind, input);
  const text = `expected JSON text in the data attribute, got text that does not parse (${input.reason})`;
  return { ok: false, issues: [issue([], text)] };
}

/** The element's internals (its custom states), or undefined where they cannot be had. */
export function internalsOf(el: HTMLElement): ElementInternals | undefined {
  try {
    return el.attachInternals();
  } catch {
    return undefined;
  }
}

export const dataConverter = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value);
    } catch (error) {
      return new InvalidJsonText((error as Error).message);
    }
  },
};

/** How many issues the error panel lists before "and N more". */
export const MAX_LISTED_ISSUES = 12;
