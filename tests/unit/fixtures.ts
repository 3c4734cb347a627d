import { readFileSync, existsSync } from 'node:fs';
import { FIXTURE_FILES } from '../../src/registry.js';
import { issueText, parseKpi, type KpiKind } from '../../src/index.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * The workplace's originals, when a checkout happens to have them beside it: only compared with the project's copies,
 * never read for a test's data.
 */
export const SHARED_FIXTURES = path.resolve(here, '../../../shared/fixtures');
/** The project's fixtures (the demo serves the same files): every test reads these. */
export const PROJECT_FIXTURES = path.resolve(here, '../../demo/public/data');
/** Whether ../shared/fixtures is beside this checkout (a plain clone has none). */
export const HAS_SHARED_FIXTURES = existsSync(SHARED_FIXTURES);

/** The KPI document fixtures: every file the widget registry names. */
export function fixtureNames(): string[] {
  return [...FIXTURE_FILES];
}

/** The path of a fixture in the project. */
export function fixturePath(name: string): string {
  return path.join(PROJECT_FIXTURES, name);
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Record<string, unknown>;
}

/** A deep copy, for mutating in a test. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Sets `value` at `path` in a copy of `doc` (undefined deletes the key). */
export function withValue<T extends Record<string, unknown>>(doc: T, p: (string | number)[], value: unknown): T {
  const copy = clone(doc);
  let node: Record<string | number, unknown> = copy;
  for (const key of p.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = p[p.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The problems parseKpi names in `input`, as the error state prints them (none for a valid document). */
export function issueTexts(input: unknown, kind?: KpiKind): string[] {
  const r = parseKpi(input, kind);
  return r.ok ? [] : r.issues.map(issueText);
}
