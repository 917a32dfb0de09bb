import { and, bin, call, cast, ge, lt, val } from '../../sql/build.js';
import { md5Prefix } from './md5-prefix.js';
import { neverNull } from './never-null.js';
import type { LiveCustomer, Operator } from './operator.js';

/**
 * The bucket 0..99 of a customer for a salt: the first 4 bytes of md5("salt:customer_id") as an unsigned
 * big-endian integer, modulo 100. Stable across runs, machines and both evaluators; a new salt reshuffles.
 */
export function bucketOf(salt: string, customerId: string): number {
  return md5Prefix(`${salt}:${customerId}`) % 100;
}

/** `random_bucket`: from ≤ bucket < to, for control groups and holdouts. */
export const bucketOperator: Operator<'bucket'> = {
  sql(leaf, scope) {
    const hex = call('left', [call('md5', [bin('||', val(`${leaf.salt}:`), scope.customerId)]), val(8)]);
    const bucket = bin('%', cast(bin('||', val('0x'), hex), 'BIGINT'), val(100));
    return neverNull(and(ge(bucket, val(leaf.from)), lt(bucket, val(leaf.to))));
  },

  live(leaf) {
    const { salt, from, to } = leaf;
    // md5 per evaluation would dominate the live path: cache bucket + 1 per customer (0 = not yet computed).
    let cache = new Uint8Array(1024);
    const bucket = (c: LiveCustomer) => {
      if (c.idx >= cache.length) {
        const bigger = new Uint8Array(Math.max(cache.length * 2, c.idx + 1));
        bigger.set(cache);
        cache = bigger;
      }
      let b = cache[c.idx]!;
      if (b === 0) {
        b = bucketOf(salt, c.id) + 1;
        cache[c.idx] = b;
      }
      return b - 1;
    };
    return {
      streams: [],
      readsProfile: false,
      value: (c) => {
        const b = bucket(c);
        return b >= from && b < to;
      },
      nextChange: () => Number.POSITIVE_INFINITY,
      detail: (c) => `bucket ${bucketOf(salt, c.id)}`,
    };
  },

  withoutEvents: () => null,
};
