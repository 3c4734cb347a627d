/**
 * What every command of the CLI shares: its messages on standard error, reading an input file (gzipped or not), and
 * writing an output file atomically (a temporary file beside it, renamed over it), so a failed command leaves an
 * `--out` file as it was.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { flag, UsageError, type Flags } from '../data/paths/common.js';

/** One line on standard error, `kpi-kit: ` first. */
export function log(text: string): void {
  process.stderr.write(`kpi-kit: ${text}\n`);
}

/** A file's bytes, gunzipped when its name ends in `.gz`; a missing file is an error naming it. */
export function readBytes(file: string): Uint8Array {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  const raw = readFileSync(file);
  return new Uint8Array(file.endsWith('.gz') ? gunzipSync(raw) : raw);
}

/** A UTF-8 text file, gunzipped when its name ends in `.gz`. */
export function read(file: string): string {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  return file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8');
}

/** Writes atomically: a temporary file beside the target, renamed over it. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Text to `out` (atomically), or to standard output without one. */
export function output(text: string, out: string | undefined): void {
  if (out) writeAtomic(out, text);
  else process.stdout.write(text);
}

/** A whole number option within [min, max], else a usage error. */
export function intFlag(options: Flags, name: string, fallback: number, min: number, max: number): number {
  const v = flag(options, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got ${v}`);
  return Number(v);
}

/** A temporary file's name beside `file`, for a result renamed over it once complete. */
export function partName(file: string, ext = 'tmp'): string {
  return `${file}.${process.pid}.${ext}`;
}
