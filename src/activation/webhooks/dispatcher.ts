import type { Rng } from '../../core/rng.js';
import type { Clock } from '../../segments/live/clock.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { HEADERS, sign } from './signature.js';
import type { Transport } from './transport.js';
import { onDeliveriesDue } from './webhook-signals.js';
import { type DeliveryCounts, deliveryCounts, redriveDeliveries } from './webhook-store.js';

export interface DispatcherOptions {
  readonly clock: Clock;
  readonly transport: Transport;
  /** Jitter source (seeded in tests). */
  readonly rng: Rng;
  /** Attempts before a delivery is dead-lettered (default 8). */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  /** Deliveries sent at once (default 8). */
  readonly concurrency?: number;
}

interface Due {
  readonly id: string;
  readonly attempts: number;
  readonly payload: string;
  readonly url: string;
  readonly secret: string;
}

export type { DeliveryCounts } from './webhook-store.js';

const BATCH = 200;

/**
 * Sends the outbox: due deliveries are POSTed signed (HMAC-SHA256) with their idempotency key; a 2xx marks them
 * delivered, anything else schedules a retry with exponential backoff and jitter, and after `maxAttempts` the
 * delivery is dead-lettered until re-driven. Waits on the clock for the next retry: no polling. Delivery is at
 * least once; receivers drop repeats by the idempotency key.
 */
export class WebhookDispatcher {
  private running: Promise<void> | undefined;
  private again = false;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;

  /** Deliveries re-driven through the API or CLI on the same warehouse wake the dispatcher at once. */
  constructor(
    private readonly wh: Warehouse,
    private readonly o: DispatcherOptions,
  ) {
    this.unsubscribe = onDeliveriesDue(wh, () => this.notify());
  }

  /** Start (or nudge): send what is due now, then wait for the next retry instant. */
  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Wait until nothing is being sent. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      const due = await this.due();
      const concurrency = this.o.concurrency ?? 8;
      for (let i = 0; i < due.length; i += concurrency) {
        await Promise.all(due.slice(i, i + concurrency).map((d) => this.send(d)));
      }
      if (due.length === BATCH) this.again = true;
    } while (this.again && !this.stopped);
    await this.armTimer();
  }

  private async due(): Promise<Due[]> {
    const t = await this.wh.query({
      sql: `SELECT d.delivery_id, d.attempts, d.payload, w.url, w.secret
        FROM webhook_deliveries d JOIN webhooks w ON w.webhook_id = d.webhook_id
        WHERE d.status = 'pending' AND w.active AND d.next_attempt_at <= $1
        ORDER BY d.next_attempt_at, d.log_seq LIMIT $2`,
      params: [new Date(this.o.clock.now()), BATCH],
    });
    const c = t.columns;
    return Array.from({ length: t.rowCount }, (_, i) => ({
      id: String(c.delivery_id![i]),
      attempts: Number(c.attempts![i]),
      payload: String(c.payload![i]),
      url: String(c.url![i]),
      secret: String(c.secret![i]),
    }));
  }

  private async send(d: Due): Promise<void> {
    const timestamp = Math.floor(this.o.clock.now() / 1000);
    const headers = {
      [HEADERS.signature]: sign(d.secret, timestamp, d.payload),
      [HEADERS.timestamp]: String(timestamp),
      [HEADERS.delivery]: d.id,
      [HEADERS.idempotency]: d.id,
    };
    let error: string | null = null;
    try {
      const status = await this.o.transport.post(d.url, headers, d.payload);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      error = cause ?? (e instanceof Error ? e.message : String(e));
    }
    const now = this.o.clock.now();
    const attempts = d.attempts + 1;
    if (error === null) {
      await this.wh.execute(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, delivered_at = $3, last_error = NULL,
          next_attempt_at = NULL WHERE delivery_id = $1`,
        [d.id, attempts, new Date(now)],
      );
    } else if (attempts >= (this.o.maxAttempts ?? 8)) {
      await this.wh.execute(
        `UPDATE webhook_deliveries SET status = 'dead', attempts = $2, last_error = $3, next_attempt_at = NULL
          WHERE delivery_id = $1`,
        [d.id, attempts, error],
      );
    } else {
      const next = now + backoffDelay(attempts, this.o.rng, this.o.backoff ?? DEFAULT_BACKOFF);
      await this.wh.execute(
        'UPDATE webhook_deliveries SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE delivery_id = $1',
        [d.id, attempts, error, new Date(next)],
      );
    }
  }

  private async armTimer(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.stopped) return;
    const t = await this.wh.query({
      sql: `SELECT min(d.next_attempt_at) AS at FROM webhook_deliveries d
        JOIN webhooks w ON w.webhook_id = d.webhook_id WHERE d.status = 'pending' AND w.active`,
      params: [],
    });
    const at = t.columns.at![0];
    if (at === null || at === undefined) return;
    this.cancelTimer = this.o.clock.setTimer(Number(at), () => {
      this.cancelTimer = undefined;
      this.notify();
    });
  }

  /** Put dead deliveries (all, or one webhook's, or one) back in the queue, due now. Returns how many. */
  async redrive(filter: { webhookId?: number; deliveryId?: string } = {}): Promise<number> {
    const n = await redriveDeliveries(this.wh, filter, this.o.clock.now());
    this.notify();
    return n;
  }

  counts(): Promise<DeliveryCounts> {
    return deliveryCounts(this.wh);
  }
}
