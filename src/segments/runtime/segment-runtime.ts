import { invalidInput, notFound } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { type IncomingEvent, parseEventBatch } from '../events/event-input.js';
import { ingestedAmong, loadIdFilter } from '../events/event-store.js';
import type { IdFilter } from '../events/id-filter.js';
import { FieldCatalogue } from '../fields/catalogue.js';
import type { Clock } from '../live/clock.js';
import { LiveEngine } from '../live/engine.js';
import type { SegmentRef } from '../live/live-segment.js';
import type { ChangeSource, MembershipChange } from '../live/membership-change.js';
import { parseSegment } from '../plan/parse-segment.js';
import { issueText } from '../schema/issues.js';
import { appendToLog, currentMembers, type LoggedChange, maxLogSeq } from '../store/membership-log.js';
import { type SegmentStatus, writeStatus } from '../store/segment-status.js';
import { listSegments, type SegmentRecord, saveSegment } from '../store/segment-store.js';
import type { ChangeSink } from './change-sink.js';
import { appendEventRows, eventRowsJson, eventsFromRows } from './event-rows.js';
import { loadCustomers, loadNeeds } from './load-engine.js';
import { appendLogRows, logRowJson } from './log-rows.js';
import { Mutex } from './mutex.js';
import type { IngestResult, PendingBatch } from './pending-batch.js';

export interface RuntimeOptions {
  readonly clock: Clock;
  /** Webhook outboxes and the like, written in the same transaction as the membership log. */
  readonly sinks?: readonly ChangeSink[];
  /** Called as soon as the engine decides changes (inside the transaction, before they are durable). */
  readonly onDecided?: (changes: readonly MembershipChange[]) => void;
  /** Called once changes are durable. */
  readonly onCommitted?: (changes: readonly LoggedChange[]) => void;
  /** Called after each group commit with its size and where the time went (for benchmarks and metrics). */
  readonly onCycle?: (stats: CycleStats) => void;
}

export interface CycleStats {
  readonly batches: number;
  readonly events: number;
  readonly changes: number;
  /** Claiming event ids and appending the events. */
  readonly storeMs: number;
  /** The live engine applying the events. */
  readonly applyMs: number;
  /** Membership log, sinks (outbox). */
  readonly persistMs: number;
  /** The whole transaction, commit included. */
  readonly totalMs: number;
}

export type { IngestResult } from './pending-batch.js';

/** A segment the runtime could not load (its definition no longer validates): reported, never silently dropped. */
export interface SegmentFailure {
  readonly ref: SegmentRef;
  readonly error: string;
}

/** How often the live status rows are refreshed while events flow. */
const STATUS_EVERY_MS = 5_000;

/**
 * Live segments over the warehouse.
 * - An event whose id is certainly new (Bloom filter of ingested ids) is applied to the live engine the moment it
 *   arrives: membership changes are decided in microseconds. Ids the filter flags are checked against the
 *   warehouse inside the commit first, so a retried batch changes nothing twice.
 * - Events, the membership changes they caused and their webhook deliveries are written in ONE transaction;
 *   batches arriving while a transaction runs are committed together in the next (group commit), so throughput
 *   does not stop at one fsync per batch, and the engine works while the database writes.
 * - `ingest` resolves only when its events are durable. Changes are logged, and webhooks sent, only once durable.
 *   If a commit fails, the engine (which may hold events the warehouse does not) is rebuilt from the warehouse.
 */
export class SegmentRuntime {
  private engine: LiveEngine;
  private catalogue!: FieldCatalogue;
  private readonly refs = new Map<string, SegmentRef>();
  private failures: SegmentFailure[] = [];
  private readonly lock = new Mutex();
  private queue: PendingBatch[] = [];
  /** Changes decided and not yet committed (by events applied on arrival, and by the clock). */
  private decided: MembershipChange[] = [];
  /** `decided` as log rows (`logRowJson`), made as they are decided. */
  private decidedRows: string[] = [];
  /** Ids of queued events: a repeat is a duplicate at once. */
  private readonly pendingIds = new Set<string>();
  private ids!: IdFilter;
  /** Admin work (a definition saved, a reload) in progress: new events wait for the commit to be applied. */
  private adminBusy = 0;
  private statusWrittenAt = Number.NEGATIVE_INFINITY;
  private loop: Promise<void> | undefined;
  private seq = 0;
  private needsReload = false;
  private closed = false;

  private constructor(
    private readonly wh: Warehouse,
    private readonly options: RuntimeOptions,
  ) {
    this.engine = this.newEngine();
  }

  /** Load every segment, rebuild live state from the warehouse and log what changed while it was down. */
  static async open(wh: Warehouse, options: RuntimeOptions): Promise<SegmentRuntime> {
    const rt = new SegmentRuntime(wh, options);
    await rt.lock.run(() => rt.load());
    return rt;
  }

  private newEngine(): LiveEngine {
    return new LiveEngine(this.options.clock, (changes) => this.decide(changes));
  }

  private decide(changes: readonly MembershipChange[]): void {
    if (changes.length === 0) return;
    for (const c of changes) {
      this.decided.push(c);
      this.decidedRows.push(logRowJson(c));
    }
    this.options.onDecided?.(changes);
    this.kick();
  }

  /** (Re)build the engine from the warehouse; differences from the logged membership are logged as `source`. */
  private async load(source: ChangeSource = 'startup'): Promise<void> {
    this.engine.stop();
    this.engine = this.newEngine();
    this.refs.clear();
    this.failures = [];
    this.decided = [];
    this.decidedRows = [];
    this.catalogue = await FieldCatalogue.load(this.wh);
    this.ids = await loadIdFilter(this.wh);
    this.seq = await maxLogSeq(this.wh);
    await loadCustomers(this.wh, this.engine);
    const records = await listSegments(this.wh);
    for (const r of records) {
      const ref = { id: r.id, name: r.name, version: r.version };
      const parsed = parseSegment(r.definition, this.catalogue);
      if (!parsed.ok) {
        this.failures.push({ ref, error: parsed.error.map(issueText).join('; ') });
        continue;
      }
      await loadNeeds(this.wh, this.engine, this.engine.define(ref, parsed.value.plan));
      this.refs.set(r.name, ref);
    }
    // One segment at a time, so a million first-time memberships per segment are never all in memory at once.
    const previous = await currentMembers(this.wh);
    for (const ref of this.refs.values()) {
      const changes = this.engine.evaluateSegment(ref.id, source, previous.get(ref.id) ?? new Set());
      previous.delete(ref.id);
      await this.wh.transaction(() => this.persist(changes, [ref]));
    }
    await writeStatus(this.wh, this.failureStatuses());
    this.needsReload = false;
    this.engine.start();
  }

  // ---- events ----

  /** Validate a request body `{ events: [...] }` and ingest it; exact located messages when it is not valid. */
  ingestBody(body: unknown): Promise<IngestResult> {
    const parsed = parseEventBatch(body);
    if (!parsed.ok) return Promise.reject(invalidInput(parsed.error.map(issueText).join('\n')));
    return this.ingest(parsed.value);
  }

  /** Store validated events durably, update live segments, resolve once durable. */
  ingest(events: readonly IncomingEvent[]): Promise<IngestResult> {
    if (this.closed) return Promise.reject(new Error('the segment runtime is closed'));
    return new Promise((resolve, reject) => {
      const direct = this.adminBusy === 0 && !this.needsReload;
      const applied: IncomingEvent[] = [];
      const suspects: IncomingEvent[] = [];
      for (const e of events) {
        // A repeat of a queued id, an id the filter may have seen, or anything during admin work: check first.
        if (!direct || this.pendingIds.has(e.eventId) || this.ids.mightContain(e.eventId)) suspects.push(e);
        else {
          this.ids.add(e.eventId);
          applied.push(e);
        }
        this.pendingIds.add(e.eventId);
      }
      if (applied.length > 0) this.decide(this.engine.applyEvents(applied));
      this.queue.push({
        size: events.length,
        appliedIds: applied.map((e) => e.eventId),
        appliedRows: eventRowsJson(applied),
        suspects,
        resolve,
        reject,
      });
      this.kick();
    });
  }

  private hasWork(): boolean {
    return this.queue.length > 0 || this.decided.length > 0;
  }

  private kick(): void {
    if (this.loop || this.closed) return;
    this.loop = (async () => {
      while (this.hasWork()) await this.lock.run(() => this.cycle());
    })().finally(() => {
      this.loop = undefined;
      if (this.hasWork()) this.kick();
    });
  }

  /** One group commit: every queued batch and decided change in one transaction. */
  private async cycle(): Promise<void> {
    const batches = this.queue;
    this.queue = [];
    if (this.needsReload) {
      // Events applied to the old engine are not in the warehouse: apply them to the rebuilt one.
      for (const b of batches) {
        b.suspects = [...eventsFromRows(b.appliedRows), ...b.suspects];
        b.appliedIds = [];
        b.appliedRows = '';
      }
      try {
        await this.load();
      } catch (e) {
        this.settle(batches, e);
        return;
      }
    }
    const changes = this.decided;
    const rows = this.decidedRows;
    this.decided = [];
    this.decidedRows = [];
    let logged: LoggedChange[] = [];
    let accepted: ReadonlySet<IncomingEvent> = new Set();
    const t0 = performance.now();
    let t1 = t0;
    let t2 = t0;
    let t3 = t0;
    try {
      await this.wh.transaction(async () => {
        // Suspects are new unless already ingested, applied in this commit, or repeated earlier in it.
        const suspects = batches.flatMap((b) => b.suspects);
        const taken = new Set(suspects.length === 0 ? [] : batches.flatMap((b) => b.appliedIds));
        const stored = await ingestedAmong(
          this.wh,
          suspects.map((e) => e.eventId),
        );
        for (const id of stored) taken.add(id);
        const fresh: IncomingEvent[] = [];
        const firsts = new Set<IncomingEvent>();
        for (const e of suspects) {
          if (taken.has(e.eventId)) continue;
          taken.add(e.eventId);
          fresh.push(e);
          firsts.add(e);
          this.ids.add(e.eventId);
        }
        accepted = firsts;
        await appendEventRows(this.wh, [...batches.map((b) => b.appliedRows), eventRowsJson(fresh)]);
        t1 = performance.now();
        const late = this.engine.applyEvents(fresh);
        if (late.length > 0) this.options.onDecided?.(late);
        for (const c of late) {
          changes.push(c);
          rows.push(logRowJson(c));
        }
        t2 = performance.now();
        logged = await this.persist(changes, this.statusDue() ? [...this.refs.values()] : [], rows);
        t3 = performance.now();
      });
    } catch (e) {
      this.needsReload = true;
      this.settle(batches, e);
      return;
    }
    this.settle(batches, undefined, accepted);
    this.options.onCycle?.({
      batches: batches.length,
      events: batches.reduce((n, b) => n + b.appliedIds.length + b.suspects.length, 0),
      changes: logged.length,
      storeMs: t1 - t0,
      applyMs: t2 - t1,
      persistMs: t3 - t2,
      totalMs: performance.now() - t0,
    });
    this.committed(logged);
  }

  /** Resolve (or reject) batches after their commit (`fresh`: the suspects found new); ids stop being pending. */
  private settle(
    batches: readonly PendingBatch[],
    error: unknown,
    fresh: ReadonlySet<IncomingEvent> = new Set(),
  ): void {
    for (const b of batches) {
      for (const id of b.appliedIds) this.pendingIds.delete(id);
      for (const e of b.suspects) this.pendingIds.delete(e.eventId);
      if (error !== undefined) {
        b.reject(error);
        continue;
      }
      const accepted = b.appliedIds.length + b.suspects.filter((e) => fresh.has(e)).length;
      b.resolve({ accepted, duplicates: b.size - accepted });
    }
  }

  /**
   * Log changes, hand them to the sinks and write the status of `touched` (inside a transaction). Live status is
   * written on open, on each definition change, every few seconds while events flow, and on close.
   */
  private async persist(
    changes: readonly MembershipChange[],
    touched: readonly SegmentRef[],
    /** The changes already as log rows (`logRowJson`, same order), when they were made as they were decided. */
    rows?: readonly string[],
  ): Promise<LoggedChange[]> {
    const first = this.seq + 1;
    const logged = changes.map((c) => ({ ...c, seq: ++this.seq }));
    if (rows && rows.length === changes.length) await appendLogRows(this.wh, first, rows);
    else await appendToLog(this.wh, logged);
    for (const sink of this.options.sinks ?? []) await sink.persist(this.wh, logged);
    if (touched.length > 0) await writeStatus(this.wh, this.statuses(touched));
    return logged;
  }

  private committed(logged: readonly LoggedChange[]): void {
    if (logged.length === 0) return;
    for (const sink of this.options.sinks ?? []) sink.committed?.(logged);
    this.options.onCommitted?.(logged);
  }

  /** Live status is rewritten at most every STATUS_EVERY_MS, with a commit: readers see how current it is. */
  private statusDue(): boolean {
    const now = this.options.clock.now();
    if (now - this.statusWrittenAt < STATUS_EVERY_MS) return false;
    this.statusWrittenAt = now;
    return true;
  }

  private statuses(refs: readonly SegmentRef[]): SegmentStatus[] {
    const now = this.options.clock.now();
    return refs.map((ref) => ({
      segmentId: ref.id,
      version: ref.version,
      mode: 'live',
      evaluatedAt: now,
      asOf: now,
      size: this.engine.size(ref.id),
      durationMs: null,
      error: null,
      errorAt: null,
    }));
  }

  /** Wait until everything queued (events and time-driven changes) is durable. */
  async flush(): Promise<void> {
    while (this.loop) await this.loop;
  }

  // ---- segments ----

  /**
   * Validate and save a segment definition (new, or a new version with `update`), then evaluate it live and
   * log who entered or left because of the edit.
   */
  saveSegment(input: unknown, options: { update?: boolean; note?: string } = {}): Promise<SegmentRecord> {
    return this.admin(async () => {
      const parsed = parseSegment(input, this.catalogue);
      if (!parsed.ok) throw invalidInput(parsed.error.map(issueText).join('\n'));
      const record = await saveSegment(this.wh, parsed.value.definition, {
        update: options.update ?? false,
        now: this.options.clock.now(),
        ...(options.note !== undefined ? { note: options.note } : {}),
      });
      const ref = { id: record.id, name: record.name, version: record.version };
      try {
        await loadNeeds(this.wh, this.engine, this.engine.define(ref, parsed.value.plan));
        this.refs.set(ref.name, ref);
        const changes = this.engine.evaluateSegment(ref.id, 'definition');
        const logged = await this.wh.transaction(() => this.persist(changes, [ref]));
        this.committed(logged);
      } catch (e) {
        this.needsReload = true;
        throw e;
      }
      return record;
    });
  }

  /** Reload profile values (after an import or an analysis run) and re-evaluate the segments that read them. */
  refreshProfiles(): Promise<void> {
    return this.admin(() => this.load('profile'));
  }

  /**
   * Admin work runs alone: events arriving meanwhile are applied in their commit, and those already applied are
   * committed first, so loading a new stream's history from the warehouse sees each event exactly once.
   */
  private async admin<T>(work: () => Promise<T>): Promise<T> {
    this.adminBusy++;
    try {
      return await this.lock.run(async () => {
        if (this.hasWork()) await this.cycle();
        return work();
      });
    } finally {
      this.adminBusy--;
      this.kick();
    }
  }

  private ref(name: string): SegmentRef {
    const ref = this.refs.get(name);
    if (!ref)
      throw notFound(
        `segment "${name}" is not live`,
        'segmenta segments list shows the segments and their errors',
      );
    return ref;
  }

  members(name: string): string[] {
    return this.engine.members(this.ref(name).id);
  }

  isMember(name: string, customerId: string): boolean {
    return this.engine.isMember(this.ref(name).id, customerId);
  }

  size(name: string): number {
    return this.engine.size(this.ref(name).id);
  }

  /** Live status of every segment, and the segments that failed to load. */
  status(): { live: SegmentStatus[]; failed: SegmentFailure[] } {
    return { live: this.statuses([...this.refs.values()]), failed: this.failures };
  }

  get customerCount(): number {
    return this.engine.customerCount;
  }

  /** Stop timers, persist what is queued and the final status. */
  async close(): Promise<void> {
    this.engine.stop();
    await this.flush();
    this.closed = true;
    await this.lock.run(() =>
      writeStatus(this.wh, [...this.statuses([...this.refs.values()]), ...this.failureStatuses()]),
    );
  }

  private failureStatuses(): SegmentStatus[] {
    const now = this.options.clock.now();
    return this.failures.map((f) => ({
      segmentId: f.ref.id,
      version: f.ref.version,
      mode: 'live',
      evaluatedAt: now,
      asOf: now,
      size: 0,
      durationMs: null,
      error: f.error,
      errorAt: now,
    }));
  }
}
