import { SegmentaError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { type Scope, scopeAllows, verifyApiKey } from './api-keys.js';

/** How the server checks a request's credentials; a port so tests and embedders can swap it. */
export interface Authenticator {
  /** The scope a bearer token grants, or null when it grants nothing. */
  verify(token: string): Promise<Scope | null>;
}

/**
 * API keys from the warehouse, with a small per-server cache of verified keys (a key's hash is checked once,
 * then looked up by the exact token). An expired entry is still answered from the cache while ONE background
 * lookup refreshes it (stale-while-revalidate), and concurrent lookups of one token share a query: requests
 * never queue on the database (which may be busy committing events) just to re-check a key they already passed.
 * Revocation reaches a running server within `ttlMs` plus one request.
 */
export function apiKeyAuthenticator(wh: Warehouse, ttlMs = 30_000): Authenticator {
  const cache = new Map<string, { scope: Scope | null; until: number }>();
  const inFlight = new Map<string, Promise<Scope | null>>();
  const lookup = (token: string): Promise<Scope | null> => {
    const pending = inFlight.get(token);
    if (pending) return pending;
    const p = verifyApiKey(wh, token)
      .then((scope) => {
        if (cache.size > 1000) cache.clear();
        cache.set(token, { scope, until: Date.now() + ttlMs });
        return scope;
      })
      .finally(() => inFlight.delete(token));
    inFlight.set(token, p);
    return p;
  };
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit && hit.until > Date.now()) return hit.scope;
      if (hit && hit.scope !== null) {
        lookup(token).catch(() => undefined);
        return hit.scope;
      }
      return lookup(token);
    },
  };
}

/** Check the `Authorization` header against the scope a route needs; throws 401 or 403 problems. */
export async function authorize(
  auth: Authenticator,
  header: string | undefined,
  needed: Scope,
): Promise<Scope> {
  if (!header) {
    throw new SegmentaError(
      'unauthorized',
      'missing Authorization header',
      'send Authorization: Bearer <key>; segmenta keys create --scope read makes a key',
    );
  }
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new SegmentaError('unauthorized', 'Authorization header must be "Bearer <key>"');
  const scope = await auth.verify(m[1]!);
  if (scope === null) throw new SegmentaError('unauthorized', 'invalid or revoked API key');
  if (!scopeAllows(scope, needed))
    throw new SegmentaError('forbidden', `this route needs scope ${needed}; the key has scope ${scope}`);
  return scope;
}
