import { readFileSync, existsSync } from 'node:fs';
import { FIXTURE_FILES } from '../../src/registry.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHARED_FIXTURES = path.resolve(here, '../../../shared/fixtures');
export const PROJECT_FIXTURES = path.resolve(here, '../../demo/public/data');

/** The fixture directory: ../shared/fixtures when present, else the project's copy. */
export const FIXTURE_DIR = existsSync(SHARED_FIXTURES) ? SHARED_FIXTURES : PROJECT_FIXTURES;

/** The KPI document fixtures: every file the widget registry names. */
export function fixtureNames(): string[] {
  return [...FIXTURE_FILES];
}

/** The path of a fixture: ../shared/fixtures holds the shared ones, the project the ones it makes itself (the forecast's, from the raw Olist rows). */
export function fixturePath(name: string): string {
  const shared = path.join(FIXTURE_DIR, name);
  return existsSync(shared) ? shared : path.join(PROJECT_FIXTURES, name);
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Record<string, unknown>;
}

/** A deep copy, for mutating in a test. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
