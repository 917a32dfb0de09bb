import type { FieldInfo } from '../fields/field.js';
import type { LiveScope } from '../operators/operator.js';
import { insertSorted, removeSorted } from '../operators/sorted-times.js';
import type { SegmentPlan, StreamSpec } from '../plan/plan.js';
import type { Clock } from './clock.js';
import { CustomerState } from './customer-state.js';
import { LiveSegment, type SegmentRef } from './live-segment.js';
import type { ChangeSource, ConditionChange, LiveEvent, MembershipChange } from './membership-change.js';
import { ProfileTable } from './profile-table.js';
import { StreamRegistry } from './stream-registry.js';
import { WakeHeap } from './wake-heap.js';

interface Slot {
  readonly seg: LiveSegment;
  bits: Uint8Array;
  size: number;
  /** The pass that last collected this slot as affected (dedupes without allocating a Set). */
  mark: number;
}

/** What a newly defined segment needs loaded before it can be evaluated. */
export interface Needs {
  readonly streams: readonly { readonly k: number; readonly spec: StreamSpec }[];
  readonly profileSlots: readonly { readonly slot: number; readonly field: FieldInfo }[];
}

const diff = (seg: LiveSegment, before: boolean[], after: boolean[]): ConditionChange[] => {
  const out: ConditionChange[] = [];
  after.forEach((to, i) => {
    if (before[i] !== to) out.push({ path: seg.plan.leaves[i]!.path, from: before[i]!, to });
  });
  return out;
};

/**
 * The live evaluator: every customer's event times per stream and every segment's membership, in memory. An
 * event touches only the segments that read its streams; each customer's next possible change (a window edge)
 * sits in a wake-up heap, and the clock is asked to fire at the earliest, so "no purchase in 30 days" flips on
 * the exact millisecond, with no polling. Synchronous: callers persist what it returns.
 */
export class LiveEngine {
  private readonly streams = new StreamRegistry();
  private readonly profiles = new ProfileTable();
  private readonly customers: CustomerState[] = [];
  private readonly byId = new Map<string, number>();
  private readonly slots = new Map<number, Slot>();
  private byStream: Slot[][] = [];
  private eventSlots: Slot[] = [];
  private capacity = 1024;
  private readonly nextWake: number[] = [];
  private readonly heap = new WakeHeap();
  private armedAt = Number.POSITIVE_INFINITY;
  private cancel: (() => void) | undefined;
  private running = false;

  private readonly scope: LiveScope = {
    stream: (spec) => this.streams.intern(spec),
    field: (f) => this.profiles.slot(f),
  };

  constructor(
    private readonly clock: Clock,
    /** Receives the changes found when the clock fires (time-driven); event-driven ones are returned. */
    private readonly onTimeChanges: (changes: MembershipChange[]) => void = () => {},
  ) {}

  // ---- definition ----

  /** Compile and register a segment (replacing an earlier version); say which streams and fields are new. */
  define(ref: SegmentRef, plan: SegmentPlan): Needs {
    const streamsBefore = this.streams.size;
    const slotsBefore = this.profiles.slotFields().length;
    const seg = new LiveSegment(ref, plan, this.scope);
    const old = this.slots.get(ref.id);
    this.slots.set(ref.id, {
      seg,
      bits: old?.bits ?? new Uint8Array(this.capacity),
      size: old?.size ?? 0,
      mark: 0,
    });
    this.reindex();
    const streams = [];
    for (let k = streamsBefore; k < this.streams.size; k++) streams.push({ k, spec: this.streams.spec(k) });
    const fields = this.profiles.slotFields();
    const profileSlots = [];
    for (let slot = slotsBefore; slot < fields.length; slot++)
      profileSlots.push({ slot, field: fields[slot]! });
    return { streams, profileSlots };
  }

  remove(segmentId: number): void {
    this.slots.delete(segmentId);
    this.reindex();
  }

  private reindex(): void {
    this.byStream = Array.from({ length: this.streams.size }, () => []);
    for (const slot of this.slots.values()) for (const k of slot.seg.streams) this.byStream[k]!.push(slot);
    this.eventSlots = [...this.slots.values()].filter((s) => s.seg.readsEvents);
  }

  segment(segmentId: number): LiveSegment | undefined {
    return this.slots.get(segmentId)?.seg;
  }

  // ---- bulk loading ----

  /** The customer's state, created (with no evaluation) when first seen. */
  know(customerId: string): CustomerState {
    const known = this.byId.get(customerId);
    if (known !== undefined) return this.customers[known]!;
    const idx = this.customers.length;
    const c = new CustomerState(idx, customerId, this.profiles);
    this.customers.push(c);
    this.byId.set(customerId, idx);
    this.nextWake.push(Number.POSITIVE_INFINITY);
    if (idx >= this.capacity) this.grow();
    return c;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const slot of this.slots.values()) {
      const bits = new Uint8Array(this.capacity);
      bits.set(slot.bits);
      slot.bits = bits;
    }
  }

  /** Add a past event time to a stream (loading history). */
  loadTime(k: number, customerId: string, t: number): void {
    insertSorted(this.know(customerId).streamForWrite(k), t);
  }

  setProfile(slot: number, customerId: string, value: unknown): void {
    this.profiles.set(slot, this.know(customerId).idx, value);
  }

  clearProfile(slot: number): void {
    this.profiles.clear(slot);
  }

  /**
   * Evaluate one segment for every customer at `now` and return the changes against its current membership,
   * or against `previous` (members recorded before a restart). Schedules the wake-ups it needs.
   */
  evaluateSegment(
    segmentId: number,
    source: ChangeSource,
    previous?: ReadonlySet<string>,
  ): MembershipChange[] {
    const slot = this.slots.get(segmentId);
    if (!slot) return [];
    const now = this.clock.now();
    const out: MembershipChange[] = [];
    if (previous) {
      slot.bits.fill(0);
      slot.size = 0;
      for (const id of previous) {
        const idx = this.byId.get(id);
        if (idx === undefined) {
          out.push(this.change(slot, id, false, now, source, []));
        } else {
          slot.bits[idx] = 1;
          slot.size++;
        }
      }
    }
    for (const c of this.customers) {
      const m = slot.seg.member(c, now);
      if (m !== (slot.bits[c.idx] === 1)) out.push(this.flip(slot, c, m, now, source, []));
      if (slot.seg.readsEvents) this.schedule(c.idx, slot.seg.nextChange(c, now));
    }
    this.arm();
    return out;
  }

  /** Start firing time-driven changes (after loading). */
  start(): void {
    this.running = true;
    this.arm();
  }

  /** Stop the timer (the state stays readable). */
  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  // ---- incremental path ----

  /**
   * Apply events that are already durable. Wake-ups due before now are processed first, so changes come out
   * in time order. Returns every change, time-driven ones included.
   */
  applyEvents(events: readonly LiveEvent[]): MembershipChange[] {
    const out = this.tick();
    const now = this.clock.now();
    const touched = new Map<number, { isNew: boolean; inserted: [number, number][] }>();
    const matched: number[] = [];
    for (const e of events) {
      const isNew = !this.byId.has(e.customerId);
      const c = this.know(e.customerId);
      let entry = touched.get(c.idx);
      if (!entry) {
        entry = { isNew, inserted: [] };
        touched.set(c.idx, entry);
      }
      matched.length = 0;
      this.streams.match(e.type, e.properties, matched);
      for (const k of matched) {
        insertSorted(c.streamForWrite(k), e.occurredAt);
        entry.inserted.push([k, e.occurredAt]);
      }
    }
    for (const [idx, { isNew, inserted }] of touched) {
      const c = this.customers[idx]!;
      const affected = isNew ? [...this.slots.values()] : this.affected(inserted);
      const flips: [Slot, boolean][] = [];
      let next = Number.POSITIVE_INFINITY;
      for (const slot of affected) {
        const m = slot.seg.member(c, now);
        if (m !== (slot.bits[idx] === 1)) flips.push([slot, m]);
        if (slot.seg.readsEvents) next = Math.min(next, slot.seg.nextChange(c, now));
      }
      if (flips.length > 0) {
        const after = flips.map(([s]) => s.seg.leafValues(c, now));
        for (const [k, t] of inserted) removeSorted(c.streamForWrite(k), t);
        const before = flips.map(([s]) => s.seg.leafValues(c, now));
        for (const [k, t] of inserted) insertSorted(c.streamForWrite(k), t);
        flips.forEach(([slot, m], i) => {
          out.push(this.flip(slot, c, m, now, 'event', diff(slot.seg, before[i]!, after[i]!)));
        });
      }
      this.schedule(idx, next);
    }
    this.arm();
    return out;
  }

  private pass = 0;
  private readonly scratch: Slot[] = [];

  /** The segments reading any of the streams written (a reused array: consume before the next call). */
  private affected(inserted: readonly [number, number][]): Slot[] {
    const out = this.scratch;
    out.length = 0;
    const pass = ++this.pass;
    for (const [k] of inserted) {
      for (const s of this.byStream[k] ?? []) {
        if (s.mark !== pass) {
          s.mark = pass;
          out.push(s);
        }
      }
    }
    return out;
  }

  /** Re-evaluate the segments that read profile fields, after their values were reloaded. */
  refreshProfiles(): MembershipChange[] {
    const out: MembershipChange[] = [];
    for (const slot of this.slots.values()) {
      if (slot.seg.readsProfile)
        for (const c of this.evaluateSegment(slot.seg.ref.id, 'profile')) out.push(c);
    }
    return out;
  }

  /** Process every wake-up due by now, each at its own instant. */
  tick(): MembershipChange[] {
    const now = this.clock.now();
    const out: MembershipChange[] = [];
    while (this.heap.peekAt() <= now) {
      const at = this.heap.peekAt();
      const idx = this.heap.pop();
      if (this.nextWake[idx] !== at) continue;
      this.nextWake[idx] = Number.POSITIVE_INFINITY;
      const c = this.customers[idx]!;
      let next = Number.POSITIVE_INFINITY;
      for (const slot of this.eventSlots) {
        const m = slot.seg.member(c, at);
        if (m !== (slot.bits[idx] === 1)) {
          const reasons = diff(slot.seg, slot.seg.leafValues(c, at - 1), slot.seg.leafValues(c, at));
          out.push(this.flip(slot, c, m, at, 'time', reasons));
        }
        next = Math.min(next, slot.seg.nextChange(c, at));
      }
      this.schedule(idx, next);
    }
    return out;
  }

  private schedule(idx: number, at: number): void {
    if (at === Number.POSITIVE_INFINITY || at >= this.nextWake[idx]!) return;
    this.nextWake[idx] = at;
    this.heap.push(at, idx);
  }

  private arm(): void {
    if (!this.running) return;
    const top = this.heap.peekAt();
    if (top === this.armedAt) return;
    this.cancel?.();
    this.cancel = undefined;
    this.armedAt = top;
    if (top === Number.POSITIVE_INFINITY) return;
    this.cancel = this.clock.setTimer(top, () => {
      this.cancel = undefined;
      this.armedAt = Number.POSITIVE_INFINITY;
      const changes = this.tick();
      this.arm();
      if (changes.length > 0) this.onTimeChanges(changes);
    });
  }

  private flip(
    slot: Slot,
    c: CustomerState,
    member: boolean,
    at: number,
    source: ChangeSource,
    conditions: ConditionChange[],
  ): MembershipChange {
    slot.bits[c.idx] = member ? 1 : 0;
    slot.size += member ? 1 : -1;
    return this.change(slot, c.id, member, at, source, conditions);
  }

  private change(
    slot: Slot,
    customerId: string,
    member: boolean,
    at: number,
    source: ChangeSource,
    conditions: ConditionChange[],
  ): MembershipChange {
    return {
      segment: slot.seg.ref,
      customerId,
      change: member ? 'entered' : 'exited',
      at,
      source,
      conditions,
    };
  }

  // ---- reading ----

  isMember(segmentId: number, customerId: string): boolean {
    const slot = this.slots.get(segmentId);
    const idx = this.byId.get(customerId);
    return slot !== undefined && idx !== undefined && slot.bits[idx] === 1;
  }

  size(segmentId: number): number {
    return this.slots.get(segmentId)?.size ?? 0;
  }

  members(segmentId: number): string[] {
    const slot = this.slots.get(segmentId);
    if (!slot) return [];
    const out: string[] = [];
    for (let i = 0; i < this.customers.length; i++) if (slot.bits[i] === 1) out.push(this.customers[i]!.id);
    return out.sort();
  }

  customer(customerId: string): CustomerState | undefined {
    const idx = this.byId.get(customerId);
    return idx === undefined ? undefined : this.customers[idx];
  }

  get customerCount(): number {
    return this.customers.length;
  }

  /** Pending wake-ups (for status and tests). */
  get pendingWakeUps(): number {
    return this.heap.size;
  }
}
