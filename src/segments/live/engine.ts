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
    this.all = undefined;
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
    const touched = new Int32Array(this.capacity);
    touched.set(this.touched);
    this.touched = touched;
    const lastIns = new Int32Array(this.capacity);
    lastIns.set(this.lastIns);
    this.lastIns = lastIns;
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
    // Scratch state reused across calls (the hot path allocates nothing per event but the changes it returns):
    // which customers this call touched, in order, and per customer a chain of its (stream, time) insertions.
    if (this.touchPass === 0x3fffffff) {
      this.touched.fill(0);
      this.touchPass = 0;
    }
    const pass = ++this.touchPass;
    const ks = this.insK;
    const ts = this.insT;
    const order = this.touchOrder;
    const matched = this.matched;
    this.prevIns.length = 0;
    ks.length = 0;
    ts.length = 0;
    order.length = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const known = this.byId.get(e.customerId);
      const c = known === undefined ? this.know(e.customerId) : this.customers[known]!;
      const idx = c.idx;
      if (this.touched[idx] !== pass) {
        this.touched[idx] = pass;
        this.lastIns[idx] = -1;
        // Negative: first seen in this call (every segment must be evaluated for them).
        order.push(known === undefined ? -1 - idx : idx);
      }
      matched.length = 0;
      this.streams.match(e.type, e.properties, matched);
      for (let j = 0; j < matched.length; j++) {
        const k = matched[j]!;
        insertSorted(c.streamForWrite(k), e.occurredAt);
        this.prevIns.push(this.lastIns[idx]!);
        this.lastIns[idx] = ks.length;
        ks.push(k);
        ts.push(e.occurredAt);
      }
    }
    const flipSlots = this.flipSlots;
    const flipTo = this.flipTo;
    for (let o = 0; o < order.length; o++) {
      const isNew = order[o]! < 0;
      const idx = isNew ? -1 - order[o]! : order[o]!;
      const c = this.customers[idx]!;
      const affected = isNew ? this.allSlots() : this.affected(idx);
      flipSlots.length = 0;
      flipTo.length = 0;
      let next = Number.POSITIVE_INFINITY;
      for (let j = 0; j < affected.length; j++) {
        const slot = affected[j]!;
        const m = slot.seg.member(c, now);
        if (m !== (slot.bits[idx] === 1)) {
          flipSlots.push(slot);
          flipTo.push(m);
        }
        if (slot.seg.readsEvents) {
          const t = slot.seg.nextChange(c, now);
          if (t < next) next = t;
        }
      }
      if (flipSlots.length > 0) this.explainFlips(c, now, out);
      this.schedule(idx, next);
    }
    this.arm();
    return out;
  }

  /**
   * Log the flips found for `c` with the conditions that changed: leaf values with and without this call's
   * events of the customer (taken out of their streams and put back).
   */
  private explainFlips(c: CustomerState, now: number, out: MembershipChange[]): void {
    const slots = this.flipSlots;
    const after = slots.map((s) => s.seg.leafValues(c, now));
    this.forEachInserted(c.idx, (k, t) => removeSorted(c.streamForWrite(k), t));
    const before = slots.map((s) => s.seg.leafValues(c, now));
    this.forEachInserted(c.idx, (k, t) => insertSorted(c.streamForWrite(k), t));
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      out.push(this.flip(slot, c, this.flipTo[i]!, now, 'event', diff(slot.seg, before[i]!, after[i]!)));
    }
  }

  private forEachInserted(idx: number, f: (k: number, t: number) => void): void {
    for (let i = this.lastIns[idx]!; i >= 0; i = this.prevIns[i]!) f(this.insK[i]!, this.insT[i]!);
  }

  private touchPass = 0;
  /** Per customer index: the last applyEvents pass that touched it. */
  private touched = new Int32Array(1024);
  /** Per customer index: their latest insertion in this pass (-1: none); `prevIns` chains to the earlier ones. */
  private lastIns = new Int32Array(1024);
  private readonly prevIns: number[] = [];
  private readonly touchOrder: number[] = [];
  private readonly insK: number[] = [];
  private readonly insT: number[] = [];
  private readonly matched: number[] = [];
  private readonly flipSlots: Slot[] = [];
  private readonly flipTo: boolean[] = [];
  private pass = 0;
  private readonly scratch: Slot[] = [];
  private all: Slot[] | undefined;

  private allSlots(): Slot[] {
    this.all ??= [...this.slots.values()];
    return this.all;
  }

  /** The segments reading any stream written for customer `idx` (a reused array: consume before the next call). */
  private affected(idx: number): Slot[] {
    const out = this.scratch;
    out.length = 0;
    const pass = ++this.pass;
    for (let i = this.lastIns[idx]!; i >= 0; i = this.prevIns[i]!) {
      const list = this.byStream[this.insK[i]!];
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const s = list[j]!;
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
      for (let j = 0; j < this.eventSlots.length; j++) {
        const slot = this.eventSlots[j]!;
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
