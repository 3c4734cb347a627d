import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type Part } from 'lit/directive.js';
import type { TableView } from '../view/table.js';
import { listKey } from './keys.js';
import { styleProps } from './style-props.js';

/** The shared pieces of the widgets' templates: one markup for one kind of control or table. */

/** Shows `text` in a cell or caption (never parsed as markup: labels are untrusted), set only when it differs. */
function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Makes `row`'s cells the `texts` given: header cells (`th`, scoped) for a column header row or a row's first cell. */
function syncRow(row: HTMLTableRowElement, texts: readonly string[], head: 'col' | 'row'): void {
  while (row.cells.length > texts.length) row.lastElementChild!.remove();
  texts.forEach((text, i) => {
    const tag = head === 'col' || i === 0 ? 'th' : 'td';
    let cell = row.cells[i];
    if (!cell || cell.tagName.toLowerCase() !== tag) {
      const fresh = document.createElement(tag);
      if (tag === 'th') fresh.setAttribute('scope', head);
      if (cell) cell.replaceWith(fresh);
      else row.append(fresh);
      cell = fresh;
    }
    setText(cell, text);
  });
}

/** Makes `section`'s rows the `rows` given (rows added or removed at the end, each row's cells synced). */
function syncRows(section: HTMLTableSectionElement, rows: readonly (readonly string[])[], head: 'col' | 'row'): void {
  while (section.rows.length > rows.length) section.lastElementChild!.remove();
  rows.forEach((texts, i) => syncRow(section.rows[i] ?? section.insertRow(), texts, head));
}

/**
 * Tables longer than this fill their rows in the task after the widget's first paint: the chart shows without
 * waiting for the layout of hundreds of rows nobody sees (a forecast's 514 took about a quarter of its first render),
 * and a screen reader finds them filled a frame later. Shorter tables, and every later change, fill at once.
 */
const FILL_LATER = 100;
/** The tables waiting to be filled, and the wait for them (one task after the next frame for all of them). */
const waiting = new Set<() => void>();
let filling: Promise<void> | null = null;

function fillLater(fill: () => void): void {
  waiting.add(fill);
  filling ??= new Promise<void>((done) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        for (const f of waiting) f();
        waiting.clear();
        filling = null;
        done();
      }),
    ),
  );
}

/** Resolves once every hidden table drawn so far has its rows (at once when none waits). */
export const hiddenTablesFilled = (): Promise<void> => filling ?? Promise.resolve();

/**
 * A visually hidden data table as DOM, kept by the place it is drawn in: a table nobody sees needs no Lit binding per
 * cell (a forecast's 514 rows were ~2,500 template parts to create and keep). A new view is synced into the same
 * element, each text set only where it changed (a percent switch rewrites nothing in the table); text goes in with
 * `textContent` only. The first rows of a long table come after the first paint ({@link FILL_LATER}).
 */
class HiddenTableDirective extends Directive {
  #table?: HTMLTableElement;
  #shown?: TableView;
  /** The rows are in (or on their way: the filler syncs whatever view is shown by then). */
  #filled = false;

  render(_table: TableView, _part: boolean): unknown {
    return nothing;
  }

  override update(_at: Part, [view, part]: [TableView, boolean]): HTMLTableElement {
    const table = (this.#table ??= document.createElement('table'));
    if (view !== this.#shown) {
      this.#shown = view;
      const caption = table.caption ?? table.createCaption();
      setText(caption, view.caption);
      syncRows(table.tHead ?? table.createTHead(), [view.head], 'col');
      if (this.#filled || view.rows.length <= FILL_LATER) this.#fill(table);
      else {
        this.#filled = true;
        fillLater(() => this.#fill(table));
      }
    }
    if (part) table.setAttribute('part', 'table');
    else table.removeAttribute('part');
    return table;
  }

  #fill(table: HTMLTableElement): void {
    this.#filled = true;
    syncRows(
      table.tBodies[0] ?? table.createTBody(),
      this.#shown!.rows.map((r) => [r.head, ...r.cells]),
      'row',
    );
  }
}

const hiddenTableElement = directive(HiddenTableDirective);

/** A visually hidden data table (the numbers behind a chart, for screen readers). */
export function hiddenTable(table: TableView, part = false): TemplateResult {
  return html`<div class="sr-only">${hiddenTableElement(table, part)}</div>`;
}

/** A group of toggle buttons, one pressed (`aria-pressed`), named by `label`. */
export function toggleGroup(
  label: string,
  options: readonly { text: string; pressed: boolean; pick: () => void }[],
): TemplateResult {
  return html`<div class="seg-toggle" role="group" aria-label=${label}>
    ${options.map(
      (o) =>
        html`<button type="button" aria-pressed=${o.pressed ? 'true' : 'false'} @click=${o.pick}>${o.text}</button>`,
    )}
  </div>`;
}

/**
 * A sortable column header: a button that sorts, `aria-sort` on the cell, an arrow for sighted users
 * (style: `partStyles` in src/theme/part-styles.ts). `context` is said after the name to screen readers where the name
 * alone repeats across column groups ("Median · Delivery time").
 */
export function sortHeader(
  text: string,
  sort: 'ascending' | 'descending' | 'none',
  pick: () => void,
  cls = '',
  context = '',
  tab = -1,
): TemplateResult {
  const said = context ? html`<span class="sr-only"> · ${context}</span>` : nothing;
  const arrow = sort === 'none' ? '↕' : sort === 'ascending' ? '▲' : '▼';
  return html`<th scope="col" class=${cls} aria-sort=${sort}>
    <button type="button" class="sortbtn" tabindex=${tab} @click=${pick}
      >${text}${said}<span class="arrow" aria-hidden="true">${arrow}</span></button
    >
  </th>`;
}

/**
 * The sort buttons of a header row are one Tab stop (the sorted column's, given `tab` 0 by the widget), so the rows
 * come a few stops in: ← → move between them, Home and End go to the ends (on the row's keydown).
 */
export function sortKeys(e: KeyboardEvent): void {
  const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.sortbtn')];
  const i = buttons.indexOf(e.target as HTMLElement);
  // Along the row only: ↑ ↓ are left to the page.
  const next = i < 0 || /^Arrow(Up|Down)$/.test(e.key) ? null : listKey(e.key, i, buttons.length);
  if (next === null) return;
  e.preventDefault();
  buttons[next]!.focus();
}

/**
 * The sort after a click on column `key`: the same column flips its direction; another
 * column starts ascending when it is text (`textKeys`), descending when it is a number.
 */
export function nextSort<K extends string>(
  current: K,
  dir: 'ascending' | 'descending',
  key: K,
  textKeys: readonly string[],
): { sort: K; dir: 'ascending' | 'descending' } {
  if (current === key) return { sort: key, dir: dir === 'ascending' ? 'descending' : 'ascending' };
  return { sort: key, dir: textKeys.includes(key) ? 'ascending' : 'descending' };
}

/** The `count` rows out of view of a windowed table, as one empty row as tall as they are (none when none). */
export function spacerRow(span: number, count: number, rowHeight: number): TemplateResult | typeof nothing {
  if (count <= 0) return nothing;
  return html`<tr class="spacer" aria-hidden="true">
    <td colspan=${span} ${styleProps({ height: `${count * rowHeight}px` })}></td>
  </tr>`;
}
