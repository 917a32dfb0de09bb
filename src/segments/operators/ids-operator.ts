import { call, inQuery, select, val } from '../../sql/build.js';
import { neverNull } from './never-null.js';
import type { Operator } from './operator.js';

/** `customer_ids`: a static list; in SQL the list travels as one JSON parameter, however long. */
export const idsOperator: Operator<'ids'> = {
  sql(leaf, scope) {
    const ids = call('unnest', [call('from_json', [val(JSON.stringify(leaf.ids)), val('["VARCHAR"]')])]);
    return neverNull(inQuery(scope.customerId, select([ids])));
  },

  live(leaf) {
    const set = new Set(leaf.ids);
    return {
      streams: [],
      readsProfile: false,
      value: (c) => set.has(c.id),
      nextChange: () => Number.POSITIVE_INFINITY,
      detail: (c) => (set.has(c.id) ? 'listed' : 'not listed'),
    };
  },

  withoutEvents: () => null,
};
