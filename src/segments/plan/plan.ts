import type { FieldInfo } from '../fields/field.js';

/**
 * A validated segment, normalised once at definition time (STYLE §5): fields resolved through the catalogue,
 * dates and durations in epoch ms, `not_done` turned into a count of zero. Both evaluators read this.
 */
export type Test =
  | { readonly op: '=' | '!='; readonly value: string | number | boolean }
  | { readonly op: '<' | '<=' | '>' | '>='; readonly value: number }
  | { readonly op: 'between'; readonly low: number; readonly high: number }
  | { readonly op: 'in'; readonly values: readonly (string | number)[] }
  | { readonly op: 'contains'; readonly value: string }
  | { readonly op: 'exists' };

/** The JSON type a test's value has, which is the type a JSON value must have to match (null: any, for exists). */
export type ValueKind = 'string' | 'number' | 'boolean';

export interface PropertyTest {
  readonly property: string;
  readonly test: Test;
}

/** Which events a condition reads: a type and property tests. Equal specs share one live stream. */
export interface StreamSpec {
  readonly event: string;
  readonly where: readonly PropertyTest[];
}

export type Window =
  | { readonly kind: 'last' | 'older_than'; readonly ms: number }
  | { readonly kind: 'between'; readonly from: number; readonly to: number };

export type CountOp = 'at_least' | 'at_most' | 'exactly';

export type Leaf =
  | { readonly kind: 'field'; readonly path: string; readonly field: FieldInfo; readonly test: Test }
  | {
      readonly kind: 'count';
      readonly path: string;
      readonly stream: StreamSpec;
      readonly window: Window | null;
      readonly op: CountOp;
      readonly n: number;
    }
  | {
      readonly kind: 'first' | 'last';
      readonly path: string;
      readonly stream: StreamSpec;
      readonly window: Window;
    }
  | {
      readonly kind: 'sequence';
      readonly path: string;
      readonly steps: readonly StreamSpec[];
      readonly withinMs: number | null;
      readonly window: Window | null;
    }
  | { readonly kind: 'ids'; readonly path: string; readonly ids: readonly string[] }
  | {
      readonly kind: 'bucket';
      readonly path: string;
      readonly salt: string;
      readonly from: number;
      readonly to: number;
    };

export type LeafKind = Leaf['kind'];
export type LeafOf<K extends LeafKind> = Extract<Leaf, { kind: K }>;

export type PlanNode =
  | { readonly kind: 'and' | 'or'; readonly path: string; readonly children: readonly PlanNode[] }
  | { readonly kind: 'not'; readonly path: string; readonly child: PlanNode }
  | { readonly kind: 'leaf'; readonly path: string; readonly leaf: number };

export interface SegmentPlan {
  readonly name: string;
  readonly root: PlanNode;
  /** Every leaf condition, in document order; `PlanNode.leaf` indexes this. */
  readonly leaves: readonly Leaf[];
}

/** A canonical key for a stream spec, so equal specs are one stream. */
export const streamKey = (s: StreamSpec): string => JSON.stringify([s.event, s.where]);

/** The kind of value a test compares with. */
export function valueKind(t: Test): ValueKind | null {
  switch (t.op) {
    case 'exists':
      return null;
    case 'in':
      return typeof t.values[0] === 'number' ? 'number' : 'string';
    case 'between':
      return 'number';
    default:
      return typeof t.value as ValueKind;
  }
}
