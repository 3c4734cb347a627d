/**
 * How the server answers: JSON bodies, ETags, and each error as its status (400 to 504) with a
 * body that says what a client may act on and nothing of the inside (no stack, no path, no SQL).
 */
import { CannotBuildError } from '../data/build-checks.js';
import { InputError, MissingDriverError } from '../data/engines.js';
import { UsageError } from '../data/paths/common.js';
import { ClientGoneError, EngineUnavailableError, QueryTimeoutError } from './engine.js';
import { RequestError, asParameters } from './request.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

/** A strong ETag of a body: its SHA-1, base64url. */
export async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(body));
  return `"${Buffer.from(digest).toString('base64url')}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak or strong, or `*`). */
export function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}

export const ERROR_NAMES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
};

/**
 * The answer to an error: a refusal (400, 401, 403, 404, 422), a client gone (499), the engine unreachable or the data
 * unreadable (503, with Retry-After), a query past its timeout (504), else 500. `failure`: what the log says of a 5xx.
 */
export function errorAnswer(e: Error, retryAfter: string): { response: Response; failure?: string } {
  if (e instanceof RequestError) {
    const headers: Record<string, string> = e.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
    return { response: jsonResponse(e.status, { error: ERROR_NAMES[e.status], issues: e.issues }, headers) };
  }
  // 499 (nginx's word for it): nobody reads this answer.
  if (e instanceof ClientGoneError) return { response: jsonResponse(499, { error: 'client-closed' }) };
  if (e instanceof CannotBuildError)
    return {
      response: jsonResponse(422, {
        error: 'unprocessable',
        issues: [{ path: e.option, message: asParameters(e.message) }],
      }),
    };
  if (e instanceof UsageError)
    return {
      response: jsonResponse(400, { error: ERROR_NAMES[400], issues: [{ path: 'request', message: e.message }] }),
    };
  const failure = e.message.split('\n')[0]!;
  if (e instanceof QueryTimeoutError)
    return { response: jsonResponse(504, { error: 'timeout', message: e.message }), failure };
  if (e instanceof EngineUnavailableError || e instanceof MissingDriverError || e instanceof InputError)
    return {
      response: jsonResponse(
        503,
        { error: 'unavailable', message: 'the data cannot be read now; try again' },
        { 'retry-after': retryAfter },
      ),
      failure,
    };
  return {
    response: jsonResponse(500, { error: 'internal', message: 'the server could not answer; see its log' }),
    failure,
  };
}
