/**
 * RFC 4180 CSV, as the data-path adapters read it: a header row, fields separated by
 * commas (or another delimiter: `;`, a tab, `|`), quoted fields that may hold commas, doubled quotes and line breaks
 * (Olist's
 * review texts do). Pure; a malformed file fails with its line number.
 */

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}, line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvTable {
  header: string[];
  /** Each record as column → text, with the line it starts on. */
  records: { line: number; values: Record<string, string> }[];
}

/** The field separators a CSV may use. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** A record as read: its fields, and the line it starts on (as an editor counts them, header = 1). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * The one CSV tokenizer: text in, records out, in pieces of any size (a whole file, or the chunks
 * of a stream), so {@link parseCsv} and the DuckDB loader's search for a bad value's line read
 * CSV the same way. `onRow` may return true to stop reading.
 */
export class CsvReader {
  #field = '';
  #fields: string[] = [];
  #quoted = false;
  #line = 1;
  #start = 1;
  #carry = '';
  #begun = false;
  #stopped = false;
  readonly #special: RegExp;

  constructor(
    readonly file: string,
    readonly delimiter: CsvDelimiter,
    readonly onRow: (row: CsvRow) => boolean | void,
  ) {
    // Runs of plain characters are sliced, not added one by one: the scan stops only at a quote, delimiter or line end.
    this.#special = new RegExp(`["\\r\\n${delimiter}]`, 'g');
  }

  /** Reads `chunk`; `final` marks the end of the input. Returns true once `onRow` asked to stop. */
  push(chunk: string, final = false): boolean {
    if (this.#stopped) return true;
    const text = this.#carry + chunk;
    this.#carry = '';
    let i = 0;
    if (!this.#begun && text.length) {
      this.#begun = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    let field = this.#field;
    let quoted = this.#quoted;
    const special = this.#special;
    const endField = () => {
      this.#fields.push(field);
      field = '';
    };
    const endRow = (): boolean => {
      endField();
      const fields = this.#fields;
      this.#fields = [];
      const start = this.#start;
      this.#start = this.#line;
      return !(fields.length === 1 && fields[0] === '') && this.onRow({ line: start, fields }) === true;
    };
    while (i < text.length) {
      if (quoted) {
        const q = text.indexOf('"', i);
        const piece = text.slice(i, q < 0 ? text.length : q);
        for (let n = piece.indexOf('\n'); n >= 0; n = piece.indexOf('\n', n + 1)) this.#line++;
        field += piece;
        if (q < 0) {
          i = text.length;
          break;
        }
        // A quote at the end of a piece may be the first of a doubled one: wait for what follows.
        if (q + 1 === text.length && !final) {
          this.#carry = '"';
          i = text.length;
          break;
        }
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          quoted = false;
          i = q + 1;
        }
        continue;
      }
      special.lastIndex = i;
      const m = special.exec(text);
      const j = m ? m.index : text.length;
      if (j > i) field += text.slice(i, j);
      if (!m) break;
      const c = text[j];
      i = j + 1;
      if (c === '"') {
        if (field !== '') throw new CsvError(this.file, this.#line, 'a quote inside an unquoted field');
        quoted = true;
      } else if (c === this.delimiter) endField();
      else {
        if (c === '\r' && i === text.length && !final) {
          // A CR at the end of a piece may be the first half of a CRLF.
          this.#carry = '\r';
          break;
        }
        if (c === '\r' && text[i] === '\n') i++;
        this.#line++;
        if (endRow()) {
          this.#stopped = true;
          break;
        }
      }
    }
    this.#field = field;
    this.#quoted = quoted;
    if (this.#stopped) return true;
    if (final) {
      if (quoted) throw new CsvError(this.file, this.#start, 'a quoted field that never closes');
      if (field !== '' || this.#fields.length) this.#stopped = endRow();
    }
    return this.#stopped;
  }
}

const DELIMITER_NAMES: Readonly<Record<CsvDelimiter, string>> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'bars',
};

/**
 * The first thing wrong with how a CSV was written, said the same whichever engine reads it: a
 * header of one column holding another delimiter (a pt-BR Excel export, separated by `;`), or a
 * row with more or fewer fields than the header (most often a decimal comma outside quotes).
 * `rows` are the file's first records (all of them, or those of its first kilobytes); null when
 * they look right.
 */
export function csvShapeProblem(
  rows: readonly CsvRow[],
  file: string,
  delimiter: CsvDelimiter = ',',
  /** Read by `kpi-kit import csv`: its advice is its own --delimiter, not itself. */
  importing = false,
): CsvError | null {
  const [head, ...body] = rows;
  if (!head) return null;
  if (head.fields.length === 1) {
    const other = (Object.keys(DELIMITER_NAMES) as CsvDelimiter[]).find(
      (d) => d !== delimiter && head.fields[0]!.includes(d),
    );
    if (other) {
      const shown = JSON.stringify(head.fields[0]!.slice(0, 60));
      return new CsvError(
        file,
        head.line,
        `one column, ${shown}: ` +
          `the fields seem separated by ${DELIMITER_NAMES[other]}, not ${DELIMITER_NAMES[delimiter]}; ` +
          (importing ? `read it with --delimiter '${other}'` : '`kpi-kit import csv` reads such exports'),
      );
    }
  }
  const n = head.fields.length;
  const header = head.fields.map((h) => h.trim());
  for (const r of body) {
    if (r.fields.length === n) continue;
    // "1.653,78" unquoted: a field ending in a digit, then one of two digits.
    const split = r.fields.some((f, i) => i > 0 && /^\d{1,2}$/.test(f) && /\d$/.test(r.fields[i - 1]!));
    const hint =
      r.fields.length > n && split ? '; a decimal comma outside quotes? `kpi-kit import csv` reads 1.653,78' : '';
    return new CsvError(file, r.line, `expected ${n} fields (${header.join(', ')}), got ${r.fields.length}${hint}`);
  }
  return null;
}

/** The records of the first `bytes` of a CSV (whole records only), to check its shape before an engine reads it. */
export function csvHeadRows(text: string, file: string, complete: boolean, delimiter: CsvDelimiter = ','): CsvRow[] {
  const rows: CsvRow[] = [];
  const end = complete ? text.length : text.lastIndexOf('\n') + 1;
  try {
    new CsvReader(file, delimiter, (row) => void rows.push(row)).push(text.slice(0, end), true);
  } catch {
    // A quoted field cut at the end of the piece, or a malformed record: the engine's own reading says where.
  }
  return rows;
}

/** Parses CSV text; `file` names it in errors. */
export function parseCsv(text: string, file = 'input', delimiter: CsvDelimiter = ',', importing = false): CsvTable {
  const rows: CsvRow[] = [];
  new CsvReader(file, delimiter, (row) => {
    rows.push(row);
  }).push(text, true);
  const [head, ...body] = rows;
  if (!head) throw new CsvError(file, 1, 'expected a header row, got an empty file');
  const shape = csvShapeProblem(rows, file, delimiter, importing);
  if (shape) throw shape;
  const header = head.fields.map((h) => h.trim());
  const records = body.map((r) => {
    return { line: r.line, values: Object.fromEntries(header.map((h, k) => [h, r.fields[k]!])) };
  });
  return { header, records };
}

/** Fails, listing the columns found, when a required column is missing. */
export function requireColumns(table: CsvTable, file: string, columns: readonly string[]): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length)
    throw new CsvError(
      file,
      1,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; found ${table.header.join(', ')}`,
    );
}

/** Case- and accent-insensitive, spaces and punctuation folded: `Data do Pedido` ≈ `data_do_pedido`. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
