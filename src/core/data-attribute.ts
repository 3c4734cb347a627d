/** What a widget's input attributes read: the `data` attribute's JSON text, and the input limits. */
export type KpiState = 'loading' | 'empty' | 'error' | 'ready';

/** What the `data` attribute holds when its text is not JSON. */
export class InvalidJsonText {
  constructor(readonly reason: string) {}
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
