import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a delivery. */
export const HEADERS = {
  signature: 'segmenta-signature',
  timestamp: 'segmenta-timestamp',
  delivery: 'segmenta-delivery-id',
  idempotency: 'idempotency-key',
} as const;

/**
 * The signature of a delivery: HMAC-SHA256 with the webhook's secret over `"<timestamp>.<raw body>"`, hex, sent
 * as `segmenta-signature: t=<timestamp>,v1=<hex>` (timestamp in unix seconds, also in `segmenta-timestamp`).
 * Signing the timestamp with the body lets receivers reject replays of old deliveries.
 */
export function sign(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * What a receiver does (docs/webhooks.md): recompute the HMAC over the raw body with the shared secret, compare
 * in constant time, and refuse timestamps more than `toleranceSeconds` away from its own clock.
 */
export function verify(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): Verification {
  if (!header) return { ok: false, reason: 'missing segmenta-signature header' };
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1) return { ok: false, reason: 'malformed segmenta-signature header' };
  if (Math.abs(nowSeconds - t) > toleranceSeconds)
    return { ok: false, reason: 'timestamp outside the tolerance' };
  const expected = Buffer.from(sign(secret, t, body).slice(`t=${t},v1=`.length), 'hex');
  const given = Buffer.from(v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad signature' };
  return { ok: true };
}
