import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidInput } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Each scope includes the ones before it: admin may write, write may read. */
export const scopeAllows = (held: Scope, needed: Scope): boolean =>
  SCOPES.indexOf(held) >= SCOPES.indexOf(needed);

export function parseScope(value: unknown): Scope {
  if (!SCOPES.includes(value as Scope))
    throw invalidInput(`scope ${String(value)}: expected one of ${SCOPES.join(', ')}`);
  return value as Scope;
}

export interface CreatedKey {
  readonly keyId: string;
  readonly name: string | null;
  readonly scope: Scope;
  /** The full key; shown once, never stored. */
  readonly key: string;
}

const PREFIX = 'sgk';
const digest = (salt: string, secret: string) =>
  createHash('sha256').update(salt).update(secret).digest('hex');

/** Create a key: `sgk_<keyId>_<secret>`. Only a salted hash of the secret is stored. */
export async function createApiKey(
  wh: Warehouse,
  options: { scope: Scope; name?: string | undefined },
): Promise<CreatedKey> {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  await wh.execute('INSERT INTO api_keys VALUES ($1, $2, $3, $4, $5, now(), NULL)', [
    keyId,
    options.name ?? null,
    options.scope,
    salt,
    digest(salt, secret),
  ]);
  return { keyId, name: options.name ?? null, scope: options.scope, key: `${PREFIX}_${keyId}_${secret}` };
}

/** The scope of a key, or null when the key is unknown, malformed, revoked or wrong. */
export async function verifyApiKey(wh: Warehouse, key: string): Promise<Scope | null> {
  const m = /^sgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  if (!m) return null;
  const t = await wh.query({
    sql: 'SELECT scope, salt, hash FROM api_keys WHERE key_id = $1 AND revoked_at IS NULL',
    params: [m[1]!],
  });
  if (t.rowCount === 0) return null;
  const expected = Buffer.from(String(t.columns.hash?.[0]), 'hex');
  const actual = Buffer.from(digest(String(t.columns.salt?.[0]), m[2]!), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual)
    ? (String(t.columns.scope?.[0]) as Scope)
    : null;
}

export interface KeyInfo {
  readonly keyId: string;
  readonly name: string | null;
  readonly scope: Scope;
  readonly createdAt: string;
  readonly revoked: boolean;
}

export async function listApiKeys(wh: Warehouse): Promise<KeyInfo[]> {
  const t = await wh.query({
    sql: 'SELECT key_id, name, scope, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id',
    params: [],
  });
  const c = t.columns;
  return Array.from({ length: t.rowCount }, (_, i) => ({
    keyId: String(c.key_id?.[i]),
    name: c.name?.[i] === null ? null : String(c.name?.[i]),
    scope: String(c.scope?.[i]) as Scope,
    createdAt: new Date(Number(c.created_at?.[i])).toISOString(),
    revoked: c.revoked_at?.[i] !== null,
  }));
}

/** Revoke a key by id; false when there is no such active key. */
export async function revokeApiKey(wh: Warehouse, keyId: string): Promise<boolean> {
  const n = await wh.execute(
    'UPDATE api_keys SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL',
    [keyId],
  );
  return n > 0;
}
