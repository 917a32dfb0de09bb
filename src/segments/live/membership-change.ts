import type { SegmentRef } from './live-segment.js';

/** What caused a membership change. */
export type ChangeSource = 'event' | 'time' | 'profile' | 'definition' | 'startup' | 'batch';

/** A leaf condition whose value changed, by its location in the definition (`conditions[1]`). */
export interface ConditionChange {
  readonly path: string;
  readonly from: boolean;
  readonly to: boolean;
}

export interface MembershipChange {
  readonly segment: SegmentRef;
  readonly customerId: string;
  readonly change: 'entered' | 'exited';
  /** The instant the change happened (for time-driven changes, the exact instant a window edge passed). */
  readonly at: number;
  readonly source: ChangeSource;
  readonly conditions: readonly ConditionChange[];
}

/** An event as the live engine takes it: already validated, properties parsed. */
export interface LiveEvent {
  readonly customerId: string;
  readonly type: string;
  readonly occurredAt: number;
  readonly properties: unknown;
}
