/**
 * The board's filter state as a Lit controller: the filters, their place in the page's URL (read on load,
 * pushed on a change, restored on back and forward), the cross-filters picked in widgets (latest last), and
 * the pickers' values from the server. `<kpi-board>` renders it and routes its widgets on each change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoardFilterSpec, BoardPickerId } from '../schema/board.js';
import {
  changedFilters,
  filtersFromQuery,
  noFilters,
  normaliseFilters,
  queryWithFilters,
  readFilterValues,
  type BoardFilters,
  type FilterValue,
} from '../view/board.js';

/** How a change reaches the page's history: a new entry, in place, or not at all (it came from there). */
export type HistoryMode = 'push' | 'replace' | 'none';

export class BoardFilterState implements ReactiveController {
  /** The current filters (replaced, never changed in place). */
  filters: BoardFilters = noFilters();
  /** Each picker's values: a list, `'failed'`, or absent while they load. */
  values: Partial<Record<BoardPickerId, FilterValue[] | 'failed'>> = {};
  /** The filters set by picks in widgets, latest last. */
  cross: BoardPickerId[] = [];
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly noUrlState: boolean },
    /** Called after every change: `say` when it should be announced. */
    private readonly changed: (say: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#popstate);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#popstate);
    this.#abort?.abort();
  }

  readonly #popstate = (): void => void this.readUrl('none');

  /** True while the filters live in the page's URL. */
  get #inUrl(): boolean {
    return !this.host.noUrlState && typeof location !== 'undefined';
  }

  /** Makes `next` the filters (after the same rules as the URL's), then tells the host. False when nothing changed. */
  apply(next: Partial<Record<keyof BoardFilters, unknown>>, mode: HistoryMode, say = true): boolean {
    const filters = normaliseFilters(next);
    if (!changedFilters(this.filters, filters).length) return false;
    this.filters = filters;
    this.cross = this.cross.filter((f) => filters[f].length > 0);
    if (this.#inUrl && mode !== 'none') {
      const url = `${location.pathname}${queryWithFilters(location.search, filters)}${location.hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`)
        history[mode === 'push' ? 'pushState' : 'replaceState'](history.state, '', url);
    }
    this.changed(say);
    return true;
  }

  /** Takes the filters from the page's URL (on load, on back and forward). */
  readUrl(mode: HistoryMode): boolean {
    return this.#inUrl && this.apply(filtersFromQuery(location.search), mode, false);
  }

  /** A cross-filter: `filters` after a widget's pick of `filter`. */
  crossPick(filters: BoardFilters, filter: BoardPickerId): void {
    this.cross = [...this.cross.filter((f) => f !== filter), filter];
    this.apply(filters, 'push');
  }

  /** Removes the latest cross-filter: false when there is none. */
  undoCross(): boolean {
    const last = this.cross.at(-1);
    if (!last) return false;
    this.cross = this.cross.slice(0, -1);
    this.apply({ ...this.filters, [last]: [] }, 'push');
    return true;
  }

  /** Loads each picker's values from its URL (the answers of an earlier call are dropped). */
  loadValues(specs: readonly BoardFilterSpec[], fetcher: typeof fetch): void {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.values = {};
    for (const { id, values } of specs) {
      if (id === 'period' || !values) continue;
      fetcher(values, { signal: abort.signal, headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : Promise.reject()))
        .then(
          (json: unknown) => (this.values[id] = readFilterValues(json)),
          () => (this.values[id] = 'failed'),
        )
        .finally(() => abort.signal.aborted || this.host.requestUpdate());
    }
  }

  /** A picked value's label from the loaded values, else its id. */
  labelOf = (filter: BoardPickerId, id: string): string => {
    const values = this.values[filter];
    return (Array.isArray(values) ? values.find((v) => v.id === id)?.label : undefined) ?? id;
  };
}
