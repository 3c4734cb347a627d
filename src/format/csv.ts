/**
 * CSV in a locale's conventions, safe to open in a spreadsheet. In the widgets only
 * the exports use it, and they load it on demand: nothing a widget loads up front may
 * import this module (the data path's file writer, outside the widgets, does).
 */

/** The decimal mark of a locale: "." or ",". */
export function decimalMark(locale: string): string {
  const part = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 })
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

/** The list separator for CSV in a locale: ";" where the decimal mark is a comma. */
export function csvSeparator(locale: string): ',' | ';' {
  return decimalMark(locale) === ',' ? ';' : ',';
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: text that a spreadsheet would run as a formula gets a leading
 * apostrophe; a field with the separator, a quote or a line break is quoted,
 * with quotes doubled.
 */
export function csvField(value: string | number | null, separator: string, isText = typeof value === 'string'): string {
  if (value === null) return '';
  let s = String(value);
  if (isText && FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes(separator) || s.includes('"') || s.includes('\n') || s.includes('\r'))
    s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A number for CSV in the locale's convention: its decimal mark, no grouping. */
export function csvNumber(value: number | null, decimal: string, digits = 4): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(digits));
  const s = String(Object.is(rounded, -0) ? 0 : rounded);
  return decimal === '.' ? s : s.replace('.', decimal);
}

export function toCsv(
  rows: readonly (string | number | null)[][],
  textColumns: ReadonlySet<number>,
  separator: string,
  decimal: string,
): string {
  return rows
    .map((row, ri) =>
      row
        .map((v, ci) =>
          typeof v === 'number' && ri > 0 && !textColumns.has(ci)
            ? csvNumber(v, decimal)
            : csvField(v, separator, ri === 0 || textColumns.has(ci)),
        )
        .join(separator),
    )
    .join('\r\n');
}
