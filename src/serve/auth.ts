/**
 * The bearer token of a request: an HS256 JWT with `exp`, verified by jose with the algorithm
 * fixed (so `alg: none` or another algorithm is refused), and its `kpi` claim read as a scope.
 */
import { RequestError, scopeOfClaim, type TokenScope } from './request.js';

/** The scope a valid token allows and when it expires (ms); a missing or invalid token is a 401. */
export async function verifyToken(
  header: string | null,
  key: Uint8Array,
  now: number,
): Promise<{ scope: TokenScope; until: number }> {
  const unauthorized = (message: string) => new RequestError(401, [{ path: 'authorization', message }]);
  const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header ?? '');
  if (!m) throw unauthorized('expected Authorization: Bearer <token>');
  const { jwtVerify } = await import('jose');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(m[1]!, key, {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      currentDate: new Date(now),
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw unauthorized(
      code === 'ERR_JWT_EXPIRED'
        ? 'the token has expired'
        : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
          ? 'the token has no exp claim'
          : 'the token is not valid',
    );
  }
  return { scope: scopeOfClaim(payload['kpi']), until: Number(payload['exp']) * 1000 };
}
