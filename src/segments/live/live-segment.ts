import { assertNever } from '../../core/assert-never.js';
import type { LiveCustomer, LiveLeaf, LiveScope } from '../operators/operator.js';
import { leafLive } from '../operators/registry.js';
import type { PlanNode, SegmentPlan } from '../plan/plan.js';

/** Which saved segment version a live segment is. */
export interface SegmentRef {
  readonly id: number;
  readonly name: string;
  readonly version: number;
}

type Eval = (c: LiveCustomer, now: number) => boolean;

/** A segment compiled for the live engine: its leaves, a short-circuit evaluator and what it reads. */
export class LiveSegment {
  readonly leaves: readonly LiveLeaf[];
  /** Streams any leaf reads (an event in one of them may change membership). */
  readonly streams: readonly number[];
  readonly readsProfile: boolean;
  /** Whether it has event conditions (whose value can change as time passes). */
  readonly readsEvents: boolean;
  readonly member: Eval;
  private readonly eventLeaves: readonly LiveLeaf[];

  constructor(
    readonly ref: SegmentRef,
    readonly plan: SegmentPlan,
    scope: LiveScope,
  ) {
    this.leaves = plan.leaves.map((l) => leafLive(l, scope));
    this.streams = [...new Set(this.leaves.flatMap((l) => l.streams))];
    this.readsProfile = this.leaves.some((l) => l.readsProfile);
    this.eventLeaves = this.leaves.filter((l) => l.streams.length > 0);
    this.readsEvents = this.eventLeaves.length > 0;
    this.member = this.compile(plan.root);
  }

  private compile(n: PlanNode): Eval {
    switch (n.kind) {
      case 'leaf': {
        const leaf = this.leaves[n.leaf]!;
        return (c, now) => leaf.value(c, now);
      }
      case 'not': {
        const child = this.compile(n.child);
        return (c, now) => !child(c, now);
      }
      case 'and': {
        const children = n.children.map((x) => this.compile(x));
        return (c, now) => {
          for (let i = 0; i < children.length; i++) if (!children[i]!(c, now)) return false;
          return true;
        };
      }
      case 'or': {
        const children = n.children.map((x) => this.compile(x));
        return (c, now) => {
          for (let i = 0; i < children.length; i++) if (children[i]!(c, now)) return true;
          return false;
        };
      }
      default:
        return assertNever(n, 'plan node');
    }
  }

  /** Every leaf's value, in plan order (for explanations and change reasons). */
  leafValues(c: LiveCustomer, now: number): boolean[] {
    return this.leaves.map((l) => l.value(c, now));
  }

  /** The first instant after `now` at which membership may change with no new input. */
  nextChange(c: LiveCustomer, now: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.eventLeaves.length; i++) {
      const t = this.eventLeaves[i]!.nextChange(c, now);
      if (t < next) next = t;
    }
    return next;
  }
}
