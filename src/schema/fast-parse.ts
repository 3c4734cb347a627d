/**
 * A fast path for valid documents: reads the input with readers built once from a
 * zod schema's definition (one closure per schema node) and returns the same
 * output zod would (a fresh copy, unknown keys left out, every refinement run,
 * `-0` read as `0`), or {@link UNSURE}.
 *
 * Why: zod can compile a schema into a fast validator, but only with `new
 * Function`, which a strict Content Security Policy forbids, so the kit runs it
 * `jitless`. Jitless, validating 5,000 SLA regions took ~100 ms of a ~250 ms first
 * render (issue #19). The fast path needs no eval and is several times faster.
 *
 * Why it is safe: the schema stays the one source of truth. The readers only know
 * the few node kinds the documents use (object, array, string, number, boolean,
 * literal, optional, nullable) and runs each node's own refinements (their
 * functions, and super-refinements through their own check). Anything else (an
 * unknown node kind or check, a failed type or refinement, an `undefined`,
 * `__proto__`) makes it give up with UNSURE, and zod decides and
 * words the problems. So it can only ever say "valid" where zod says valid with
 * the same output; tests hold it to that on every fixture and on broken copies.
 */

/** The fast path cannot vouch for the input: zod decides (and words the problems). */
export const UNSURE: unique symbol = Symbol('unsure');

/** The parts of a zod (mini or classic) schema's internals the readers use. */
interface Node {
  _zod: {
    def: {
      type: string;
      checks?: Node[];
      shape?: Record<string, Node>;
      catchall?: Node;
      innerType?: Node;
      element?: Node;
      values?: readonly unknown[];
      fn?: (value: unknown) => unknown;
    };
    optin?: string;
    optout?: string;
    check?: (payload: { value: unknown; issues: unknown[] }) => unknown;
  };
}

/** An object as zod sees one: not null, not an array (a class instance too; its copy is plain, like zod's). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Parse = (v: unknown) => unknown;
const NO: Parse = () => UNSURE;

/**
 * One check as a test of the node's output: a refinement returning exactly true (its function
 * called directly: the common, hot case), or any other check reporting nothing (zod's own check
 * run on a payload of our own: super-refinements, lengths…). A check's `when` is ignored: running
 * a check zod would skip can only make the fast path stricter.
 */
function checkOf(check: Node): (value: unknown) => boolean {
  // (Every zod check has its own check function; were one missing, calling it would throw, and fastParse gives up.)
  const def = check._zod.def;
  const run = check._zod.check;
  if (def.fn) return (value) => def.fn!(value) === true;
  return (value) => {
    const payload = { value, issues: [] as unknown[] };
    return !(run!(payload) instanceof Promise) && payload.issues.length === 0;
  };
}

/**
 * A node's reader, built once per schema node from closures (no eval, so CSP-safe; each
 * closure stays monomorphic, which keeps V8 fast): its type's rule, then its checks.
 */
const readers = new WeakMap<Node, Parse>();
function reader(node: Node): Parse {
  let read = readers.get(node);
  if (!read) {
    // (A schema that refers to itself would recurse until the stack runs out: fastParse catches that, zod decides.)
    const base = build(node._zod.def);
    const checks = (node._zod.def.checks ?? []).map(checkOf);
    read =
      checks.length === 0
        ? base
        : (v) => {
            const out = base(v);
            if (out === UNSURE) return UNSURE;
            for (const ok of checks) if (!ok(out)) return UNSURE;
            return out;
          };
    readers.set(node, read);
  }
  return read;
}

function build(def: Node['_zod']['def']): Parse {
  // (A coercing schema reads a value of its own type as it is, so coercion changes nothing here.)
  const { type, innerType, element, shape, catchall } = def;
  switch (type) {
    case 'string':
    case 'boolean':
      return (v) => (typeof v === type ? v : UNSURE);
    case 'number':
      // Finite only, -0 read as 0.
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? (v === 0 ? 0 : v) : UNSURE);
    case 'literal': {
      const values = def.values ?? [];
      return (v) => (values.includes(v) ? v : UNSURE);
    }
    case 'optional':
    case 'nullable': {
      if (!innerType) return NO;
      // An absent key never gets here (the object skips it); a present `undefined` is zod's to judge.
      const inner = reader(innerType);
      const nullable = type === 'nullable';
      return (v) => (v === undefined ? UNSURE : nullable && v === null ? null : inner(v));
    }
    case 'array': {
      if (!element) return NO;
      const item = reader(element);
      return (v) => {
        if (!Array.isArray(v)) return UNSURE;
        const a: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) if ((a[i] = item(v[i])) === UNSURE) return UNSURE;
        return a;
      };
    }
    case 'object': {
      if (!shape) return NO;
      const keys = Object.keys(shape);
      const reads = keys.map((k) => reader(shape[k]!));
      // Absent is fine for an optional key (left out, as zod does); zod reports any other.
      const optional = keys.map((k) => shape[k]!._zod.optin === 'optional' && shape[k]!._zod.optout === 'optional');
      const rest = catchall ? reader(catchall) : null;
      return (v) => {
        if (!isRecord(v)) return UNSURE;
        const o: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          if (!(key in v)) {
            if (optional[i]) continue;
            return UNSURE;
          }
          if ((o[key] = reads[i]!(v[key])) === UNSURE) return UNSURE;
        }
        // A map (catchall) keeps and checks every other key; a plain object leaves them out, as zod does.
        if (rest) {
          for (const key in v) {
            if (Object.hasOwn(shape, key)) continue;
            if (key === '__proto__' || (o[key] = rest(v[key])) === UNSURE) return UNSURE;
          }
        }
        return o;
      };
    }
    default:
      return NO;
  }
}

/** The document zod would return for `input` when the fast path can vouch for it, else {@link UNSURE}. Never throws. */
export function fastParse(schema: unknown, input: unknown): unknown {
  try {
    return reader(schema as Node)(input);
  } catch {
    return UNSURE;
  }
}
