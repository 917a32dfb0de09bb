import { assertNever } from '../../core/assert-never.js';
import type { Expr } from '../../sql/ast.js';
import type { Leaf } from '../plan/plan.js';
import { bucketOperator } from './bucket-operator.js';
import { countOperator } from './count-operator.js';
import { fieldOperator } from './field-operator.js';
import { idsOperator } from './ids-operator.js';
import { occurrenceOperator } from './occurrence-operator.js';
import type { LiveLeaf, LiveScope, SqlScope } from './operator.js';
import { sequenceOperator } from './sequence-operator.js';

/** A leaf as SQL, through its operator. */
export function leafSql(leaf: Leaf, scope: SqlScope): Expr {
  switch (leaf.kind) {
    case 'field':
      return fieldOperator.sql(leaf, scope);
    case 'count':
      return countOperator.sql(leaf, scope);
    case 'first':
    case 'last':
      return occurrenceOperator.sql(leaf, scope);
    case 'sequence':
      return sequenceOperator.sql(leaf, scope);
    case 'ids':
      return idsOperator.sql(leaf, scope);
    case 'bucket':
      return bucketOperator.sql(leaf, scope);
    default:
      return assertNever(leaf, 'leaf');
  }
}

/** A leaf compiled for the live engine, through its operator. */
export function leafLive(leaf: Leaf, scope: LiveScope): LiveLeaf {
  switch (leaf.kind) {
    case 'field':
      return fieldOperator.live(leaf, scope);
    case 'count':
      return countOperator.live(leaf, scope);
    case 'first':
    case 'last':
      return occurrenceOperator.live(leaf, scope);
    case 'sequence':
      return sequenceOperator.live(leaf, scope);
    case 'ids':
      return idsOperator.live(leaf, scope);
    case 'bucket':
      return bucketOperator.live(leaf, scope);
    default:
      return assertNever(leaf, 'leaf');
  }
}

/** A leaf's value for a customer without matching events, or null when it depends on the customer. */
export function leafWithoutEvents(leaf: Leaf): boolean | null {
  switch (leaf.kind) {
    case 'field':
      return fieldOperator.withoutEvents(leaf);
    case 'count':
      return countOperator.withoutEvents(leaf);
    case 'first':
    case 'last':
      return occurrenceOperator.withoutEvents(leaf);
    case 'sequence':
      return sequenceOperator.withoutEvents(leaf);
    case 'ids':
      return idsOperator.withoutEvents(leaf);
    case 'bucket':
      return bucketOperator.withoutEvents(leaf);
    default:
      return assertNever(leaf, 'leaf');
  }
}
