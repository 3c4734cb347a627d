/**
 * The status panels every widget shows in place of its content: the error (each problem with its
 * JSON path), loading, empty and stale panels. `text` is the widget's own translator of the base
 * messages.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BaseMessages, Params } from '../i18n/index.js';
import type { KpiIssue } from '../schema/parse.js';
import { formatDateTime, formatNumber } from '../format/index.js';
import { languageFor } from '../i18n/index.js';
import { issue } from '../schema/parse.js';
import type { LoadFailure } from './loader.js';
import { MAX_LISTED_ISSUES } from './data-attribute.js';

type Text = (key: keyof BaseMessages, params?: Params) => string;

/** Why the load of `url` failed, in the locale's language, as an issue at the document's root. */
export function loadFailureIssue(failure: LoadFailure, url: string, locale: string, text: Text): KpiIssue {
  const reason =
    failure.reason === 'timeout'
      ? text('timeout', { seconds: formatNumber(locale, failure.seconds) })
      : failure.reason === 'network'
        ? text('networkError') + (failure.detail ? ` (${failure.detail})` : '')
        : failure.reason === 'json'
          ? text('notJson')
          : `HTTP ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}`;
  return { ...issue([], text('loadFailed', { url, reason })), lang: languageFor(locale) };
}

export function errorPanel(issues: readonly KpiIssue[], text: Text): TemplateResult {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const more = issues.length - listed.length;
  return html`<div part="status" class="status-error" role="alert">
    <h2>${text('errorTitle')}</h2>
    <ul>
      ${listed.map(
        (i) =>
          html`<li lang=${i.lang ?? 'en'}>${i.lang ? nothing : html`<code>${i.pathText}</code>: `}${i.message}</li>`,
      )}
      ${more > 0 ? html`<li>${text('errorMore', { count: more })}</li>` : nothing}
    </ul>
  </div>`;
}

export function loadingPanel(text: Text): TemplateResult {
  return html`<div part="status" class="status-loading" role="status">
    <span class="loading-text">${text('loading')}</span>
    <div class="skeleton" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
  </div>`;
}

export function emptyPanel(text: Text): TemplateResult {
  return html`<div part="status" class="status-empty" role="status">${text('empty')}</div>`;
}

export function stalePanel(stale: { at: Date; reason: string }, locale: string, text: Text): TemplateResult {
  const time = formatDateTime(locale, stale.at.toISOString());
  const said = text('stale', { time, reason: stale.reason });
  return html`<div part="status" class="status-stale" role="status">${said}</div>`;
}
