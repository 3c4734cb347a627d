/**
 * RFC 4180 CSV, as the data-path adapters read it: a header row, fields separated by
 * commas (or another delimiter: `;`, a tab, `|`), quoted fields that may hold commas, doubled quotes and line breaks (Olist's
 * review texts do). Pure; a malformed file fails with its line number.
 */

export class CsvError extends Error {
  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file}, line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvTable {
  header: string[];
  /** Each record as column → text, with the line it starts on. */
  records: { line: number; values: Record<string, string> }[];
}

/** Parses CSV text; `file` names it in errors. */
export function parseCsv(text: string, file = 'input', delimiter: ',' | ';' | '\t' | '|' = ','): CsvTable {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: start, fields });
    fields = [];
    start = line;
  };
  // Runs of plain characters are sliced, not added one by one: the scan stops only at a quote, comma or line end.
  const special = new RegExp(`["\\r\\n${delimiter}]`, 'g');
  while (i < text.length) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q < 0) break;
      const chunk = text.slice(i, q);
      for (let n = chunk.indexOf('\n'); n >= 0; n = chunk.indexOf('\n', n + 1)) line++;
      field += chunk;
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
      if (field !== '') throw new CsvError(file, line, 'a quote inside an unquoted field');
      quoted = true;
    } else if (c === delimiter) endField();
    else {
      if (c === '\r' && text[i] === '\n') i++;
      line++;
      endRow();
    }
  }
  if (quoted) throw new CsvError(file, start, 'a quoted field that never closes');
  if (field !== '' || fields.length) endRow();
  const [head, ...body] = rows;
  if (!head) throw new CsvError(file, 1, 'expected a header row, got an empty file');
  const header = head.fields.map((h) => h.trim());
  const records = body.map((r) => {
    if (r.fields.length !== header.length) throw new CsvError(file, r.line, `expected ${header.length} fields (${header.join(', ')}), got ${r.fields.length}`);
    return { line: r.line, values: Object.fromEntries(header.map((h, k) => [h, r.fields[k]!])) };
  });
  return { header, records };
}

/** Fails, listing the columns found, when a required column is missing. */
export function requireColumns(table: CsvTable, file: string, columns: readonly string[]): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length) throw new CsvError(file, 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; found ${table.header.join(', ')}`);
}

/** Case- and accent-insensitive, spaces and punctuation folded: `Data do Pedido` ≈ `data_do_pedido`. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
