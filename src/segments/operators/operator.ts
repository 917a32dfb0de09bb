import type { Expr, Select } from '../../sql/ast.js';
import type { FieldInfo } from '../fields/field.js';
import type { LeafKind, LeafOf, StreamSpec } from '../plan/plan.js';

/** What the batch compiler offers an operator while it turns a leaf into SQL for one instant. */
export interface SqlScope {
  /** The instant T the segment is evaluated at (epoch ms). */
  readonly asOf: number;
  /** The CTE of event rows up to T: columns customer_id, type, properties and t (epoch ms). */
  readonly eventRowsTable: string;
  /** Register an aggregate over the customer's event rows; returns its value per customer (NULL when none). */
  aggregate(agg: Expr): Expr;
  /** Register a query of customer ids (column `id`); returns whether the customer is among them. */
  idSet(query: Select): Expr;
  /** The customer id of the row being decided. */
  readonly customerId: Expr;
  /** The column holding a profile field (for traits: the traits JSON). */
  field(f: FieldInfo): Expr;
}

/** What the live engine offers an operator when it compiles a leaf: slots for streams and fields. */
export interface LiveScope {
  stream(spec: StreamSpec): number;
  field(f: FieldInfo): number;
}

/** One customer as the live engine holds it. */
export interface LiveCustomer {
  readonly id: string;
  /** Dense index of the customer in the engine (for per-customer caches). */
  readonly idx: number;
  /** Sorted times of the customer's events in stream k (including future ones), if any. */
  stream(k: number): readonly number[] | undefined;
  /** The customer's value of a profile field slot (traits: the parsed object). */
  field(slot: number): unknown;
}

/** A leaf compiled for the live engine. */
export interface LiveLeaf {
  /** The leaf's value for the customer at instant `now`. */
  value(c: LiveCustomer, now: number): boolean;
  /** The first instant after `now` at which the value may change with no new input; Infinity if never. */
  nextChange(c: LiveCustomer, now: number): number;
  /** What was found, for explanations (`3 events in window`). */
  detail(c: LiveCustomer, now: number): string;
  /** The streams it reads. */
  readonly streams: readonly number[];
  /** Whether it reads profile fields. */
  readonly readsProfile: boolean;
}

/**
 * The operator protocol (STYLE §6): each leaf kind defines its batch SQL and its live evaluation side by side,
 * in one file, over the shared window, comparison and JSON semantics; a property test holds them equal.
 */
export interface Operator<K extends LeafKind> {
  /** The leaf as a boolean SQL expression per customer; never NULL. */
  sql(leaf: LeafOf<K>, scope: SqlScope): Expr;
  live(leaf: LeafOf<K>, scope: LiveScope): LiveLeaf;
  /** Its value for a customer with no matching events at all, or null when that depends on the customer. */
  withoutEvents(leaf: LeafOf<K>): boolean | null;
}
