import { createHash } from 'node:crypto';
import { and, bin, call, cast, ge, lt, val } from '../../sql/build.js';
import type { Operator } from './operator.js';
import { neverNull } from './never-null.js';

/**
 * The bucket 0..99 of a customer for a salt: the first 4 bytes of md5("salt:customer_id") as an unsigned
 * big-endian integer, modulo 100. Stable across runs, machines and both evaluators; a new salt reshuffles.
 */
export function bucketOf(salt: string, customerId: string): number {
  return createHash('md5').update(`${salt}:${customerId}`).digest().readUInt32BE(0) % 100;
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
    return {
      streams: [],
      readsProfile: false,
      value: (c) => {
        const b = bucketOf(salt, c.id);
        return b >= from && b < to;
      },
      nextChange: () => Number.POSITIVE_INFINITY,
      detail: (c) => `bucket ${bucketOf(salt, c.id)}`,
    };
  },

  withoutEvents: () => null,
};
