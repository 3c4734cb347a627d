/**
 * The board's filter bar: the period (presets and a custom range of real date inputs), a multi-select
 * picker per value filter (a disclosure with a search field and checkboxes with counts), the active
 * filters as removable chips and a clear-all. It holds what only the bar needs (the open picker, its
 * search, the custom range shown), changes the filters through the board's {@link BoardFilterState},
 * and keeps the focus in place as the controls it was on come and go.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BoardFilterSpec, BoardManifest, BoardPickerId } from '../../src/schema/board.js';
import {
  PERIOD_PRESETS,
  filterChips,
  isIsoDay,
  noFilters,
  offeredFilters,
  presetOf,
  presetRange,
  periodText,
  pickerOptions,
  pickerSummary,
  toggleValue,
  withoutChip,
  type FilterChip,
  type PeriodPreset,
} from '../../src/view/board.js';
import { formatInteger } from '../../src/format/index.js';
import type { Translator } from '../../src/i18n/index.js';
import type { BoardMessages } from '../../src/i18n/en/board.js';
import type { BoardFilterState } from '../../src/core/board-filters.js';

/** What the bar reads from its board. */
export interface BarHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The board's messages in its language. */
  readonly text: Translator<BoardMessages>;
  /** The board's resolved locale. */
  readonly resolvedLocale: string;
  /** The day the period presets count back from. */
  readonly today: string;
}

export class FilterBar implements ReactiveController {
  /** The open picker, if any. */
  #open?: BoardPickerId;
  /** What the open picker's search field holds. */
  #query = '';
  /** The custom range's inputs are shown. */
  #custom = false;

  constructor(
    private readonly host: BarHost,
    private readonly state: BoardFilterState,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The bar for `doc` (nothing when no widget can apply a filter). */
  render(doc: BoardManifest): TemplateResult | typeof nothing {
    const offered = offeredFilters(doc.filters ?? [], doc.widgets);
    if (!offered.length) return nothing;
    const t = this.host.text;
    const submit = (e: Event) => e.preventDefault();
    return html`<form part="filters" class="filters" aria-label=${t('filters')} @submit=${submit}>
      <div class="fields">${offered.map((s) => (s.id === 'period' ? this.#period(s) : this.#picker(s, s.id)))}</div>
      ${this.#chips(doc)}
    </form>`;
  }

  /** The active filters, each with its text, in the bar's order. */
  chips(doc: BoardManifest): FilterChip[] {
    const lang = this.host.resolvedLocale;
    return filterChips(
      this.state.filters,
      (doc.filters ?? []).map((f) => f.id),
      this.state.labelOf,
      (from, to) => periodText(lang, from, to),
    );
  }

  /** A filter's name on screen: the manifest's label, else the built-in one. */
  name(spec: Pick<BoardFilterSpec, 'id' | 'label'>): string {
    return spec.label ?? this.host.text(spec.id);
  }

  /** Escape: closes the open picker (true), back on its button. */
  escape(): boolean {
    if (!this.#open) return false;
    this.#close(true);
    return true;
  }

  /** Focus left a picker: it closes. */
  readonly focusOut = (e: FocusEvent): void => {
    const picker = (e.target as Element | null)?.closest?.('.picker');
    const to = e.relatedTarget as Node | null;
    if (this.#open && picker && (!to || !picker.contains(to))) this.#close(false);
  };

  /** Renders again; then `focus` puts the focus back where it belongs. */
  #update(focus?: () => void): void {
    this.host.requestUpdate();
    if (focus) void this.host.updateComplete.then(focus);
  }

  #apply(next: object, focus?: () => void): void {
    this.state.apply(next, 'push');
    this.#update(focus);
  }

  #q(selector: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }

  #close(focus: boolean): void {
    const was = this.#open;
    this.#open = undefined;
    this.#query = '';
    this.#update(focus ? () => this.#q(`[data-filter="${was}"] .pick`)?.focus() : undefined);
  }

  #preset(preset: PeriodPreset): void {
    const { from: _f, to: _t, ...rest } = this.state.filters;
    const today = this.host.today;
    this.#custom = preset === 'custom';
    // A custom range starts as the last 30 days when none is set; one that is set stays.
    if (this.#custom && (_f || _t)) this.#update();
    else this.#apply({ ...rest, ...presetRange(this.#custom ? 'last-30' : preset, today) });
  }

  #range(end: 'from' | 'to', value: string): void {
    this.#apply({ ...this.state.filters, [end]: isIsoDay(value) ? value : undefined });
  }

  #period(spec: BoardFilterSpec): TemplateResult {
    const { text: t, today } = this.host;
    const f = this.state.filters;
    const preset = this.#custom ? 'custom' : presetOf(f, today);
    const date = (end: 'from' | 'to') =>
      html`<label
        >${t(end)}
        <input
          type="date"
          .value=${f[end] ?? ''}
          min=${(end === 'to' && f.from) || ''}
          max=${(end === 'from' && f.to) || ''}
          @change=${(e: Event) => this.#range(end, (e.target as HTMLInputElement).value)}
      /></label>`;
    return html`<div class="field">
      <label
        >${this.name(spec)}
        <select @change=${(e: Event) => this.#preset((e.target as HTMLSelectElement).value as PeriodPreset)}>
          ${PERIOD_PRESETS.map((p) => html`<option value=${p} ?selected=${p === preset}>${t(`preset:${p}`)}</option>`)}
        </select></label
      >
      ${preset === 'custom' ? [date('from'), date('to')] : nothing}
    </div>`;
  }

  #picker(spec: BoardFilterSpec, id: BoardPickerId): TemplateResult {
    const t = this.host.text;
    const open = this.#open === id;
    const picked = this.state.filters[id];
    const name = this.name(spec);
    const summary = pickerSummary(picked, (v) => this.state.labelOf(id, v), t);
    return html`<div class="field picker" data-filter=${id}>
      <span class="name" aria-hidden="true">${name}</span>
      <button
        type="button"
        part="picker"
        class="pick"
        aria-expanded=${open ? 'true' : 'false'}
        aria-label=${`${name}: ${summary}`}
        @click=${() => {
          this.#open = open ? undefined : id;
          this.#query = '';
          this.#update(() => this.#q('.panel input')?.focus());
        }}
      >
        ${summary}<span aria-hidden="true">▾</span>
      </button>
      ${open ? this.#panel(id, name) : nothing}
    </div>`;
  }

  #panel(id: BoardPickerId, name: string): TemplateResult {
    const { text: t, resolvedLocale: lang } = this.host;
    const values = this.state.values[id];
    const picked = this.state.filters[id];
    const toggle = (value: string, on: boolean) =>
      this.#apply({ ...this.state.filters, [id]: toggleValue(picked, value, on) });
    let body: TemplateResult;
    if (values === 'failed') body = html`<p class="note" role="alert">${t('valuesFailed')}</p>`;
    else if (!values) body = html`<p class="note" role="status">${t('loading')}</p>`;
    else {
      const shown = pickerOptions(values, picked, this.#query);
      body = shown.length
        ? html`<ul class="options" role="list">
            ${shown.map(
              (v) =>
                html`<li>
                  <label class="option"
                    ><input
                      type="checkbox"
                      .checked=${picked.includes(v.id)}
                      @change=${(e: Event) => toggle(v.id, (e.target as HTMLInputElement).checked)}
                    /><span>${v.label}</span
                    ><span class="count"
                      ><span aria-hidden="true">${formatInteger(lang, v.count)}</span
                      ><span class="sr-only">${t('valueCount', { count: v.count })}</span></span
                    ></label
                  >
                </li>`,
            )}
          </ul>`
        : html`<p class="note">${t('noMatch', { query: this.#query })}</p>`;
    }
    return html`<div class="panel" role="group" aria-label=${name}>
      <input
        type="search"
        aria-label=${`${t('search')}: ${name}`}
        placeholder=${t('search')}
        .value=${this.#query}
        @input=${(e: Event) => {
          this.#query = (e.target as HTMLInputElement).value;
          this.host.requestUpdate();
        }}
      />
      ${body}
    </div>`;
  }

  #chips(doc: BoardManifest): TemplateResult | typeof nothing {
    const chips = this.chips(doc);
    if (!chips.length) return nothing;
    const t = this.host.text;
    const first = () => this.#q('select, .pick')?.focus();
    return html`<ul class="chips" role="list">
      ${chips.map((chip, i) => {
        const name = this.name(doc.filters?.find((f) => f.id === chip.filter) ?? { id: chip.filter });
        return html`<li>
          <button
            type="button"
            part="chip"
            class="chip"
            aria-label=${t('remove', { filter: name, value: chip.text })}
            @click=${() => {
              if (chip.filter === 'period') this.#custom = false;
              // The focus stays in the chip row: on the chip that took this one's place, else the bar's first control.
              this.#apply(withoutChip(this.state.filters, chip), () => {
                const left = this.host.renderRoot.querySelectorAll<HTMLElement>('.chip, .clear');
                (left.length > 1 ? left[Math.min(i, left.length - 2)] : this.#q('select, .pick'))?.focus();
              });
            }}
          >
            ${name}: ${chip.text} <span aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
      <li>
        <button
          type="button"
          class="clear"
          @click=${() => {
            this.#custom = false;
            this.#apply(noFilters(), first);
          }}
        >
          ${t('clearAll')}
        </button>
      </li>
    </ul>`;
  }
}
