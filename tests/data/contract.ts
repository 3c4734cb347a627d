/** What the robustness suites' per-kind files (tests/data/kinds/<kind>.ts) share: field types, rules, text. */
import fc from 'fast-check';

export type Json = unknown;
export type FieldType =
  | 'count'
  | 'nullable-count'
  | 'id'
  | 'label'
  | 'money'
  | 'seconds'
  | 'number'
  | 'enum'
  | 'array'
  | 'nonempty-array'
  | 'object'
  | 'record';

/** A required field: its path ('*' is any index of the array there) and type. */
export interface Field {
  path: (string | number)[];
  type: FieldType;
  optional?: boolean;
}

/** Rules beyond types: each returns false when it cannot apply to the document. */
export type Rule = (doc: Record<string, Json>, pick: number) => boolean;
export const arr = (v: Json): Json[] | null => (Array.isArray(v) ? v : null);
export const rec = (v: Json): Record<string, Json> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;

export const duplicateId =
  (key: string): Rule =>
  (doc) => {
    const a = arr(doc[key]);
    if (!a || a.length < 2) return false;
    (a[1] as Record<string, Json>)['id'] = (a[0] as Record<string, Json>)['id'];
    return true;
  };

export const LABELS = [
  'Sessions',
  'x'.repeat(200),
  'Supercalifragilisticexpialidocious-checkout-step-with-no-spaces-at-all-to-wrap-anywhere-'.repeat(2).slice(0, 200),
  'مرحلة الدفع عبر الإنترنت',
  'שלב התשלום',
  '🛒 Carrinho 💳 Pagamento 🚚 Entrega ✅',
  'São João d’Aliança — Goiás',
  'a',
];

export const label = fc.constantFrom(...LABELS);
export const count = fc.oneof(
  fc.constant(0),
  fc.constant(999_999_999_999),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constant(1),
);
export const ids = (n: number) => Array.from({ length: n }, (_, i) => `id_${i}`);
