import { valueKind } from '../plan/plan.js';
import { jsonExistsSql, jsonValue, jsonValueSql } from './json-value.js';
import { neverNull } from './never-null.js';
import type { Operator } from './operator.js';
import { testJs, testSql } from './test-semantics.js';

/** `field`: a test on a profile field (attribute column, trait in the traits JSON, or latest-run score). */
export const fieldOperator: Operator<'field'> = {
  sql(leaf, scope) {
    const x = scope.field(leaf.field);
    if (leaf.field.source !== 'trait') return neverNull(testSql(x, leaf.test, leaf.field.type === 'date'));
    const kind = valueKind(leaf.test);
    return neverNull(
      kind === null
        ? jsonExistsSql(x, leaf.field.key)
        : testSql(jsonValueSql(x, leaf.field.key, kind), leaf.test),
    );
  },

  live(leaf, scope) {
    const slot = scope.field(leaf.field);
    const test = testJs(leaf.test);
    const kind = valueKind(leaf.test);
    const key = leaf.field.key;
    const read =
      leaf.field.source === 'trait'
        ? (raw: unknown) => jsonValue(raw, key, kind)
        : (raw: unknown) => (raw === null ? undefined : raw);
    return {
      streams: [],
      readsProfile: true,
      value: (c) => test(read(c.field(slot))),
      nextChange: () => Number.POSITIVE_INFINITY,
      detail: (c) => {
        const v = read(c.field(slot));
        if (v === undefined) return `${leaf.field.name} is missing`;
        return `${leaf.field.name} = ${leaf.field.type === 'date' && typeof v === 'number' ? new Date(v).toISOString() : JSON.stringify(v)}`;
      },
    };
  },

  withoutEvents: () => null,
};
