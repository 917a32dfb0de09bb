import type { ChangeSink } from '../../segments/runtime/change-sink.js';
import { appendJsonRows } from '../../segments/store/json-rows.js';
import type { LoggedChange } from '../../segments/store/membership-log.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { deliveryId, payloadOf } from './payload.js';
import { webhooksGeneration } from './webhook-signals.js';
import { listWebhooks, type Webhook } from './webhook-store.js';

/**
 * The transactional outbox: for every membership change, one pending delivery per matching webhook, written
 * in the same transaction as the membership log. A crash after the commit loses nothing (the dispatcher finds
 * the rows when it starts); a crash before it leaves neither the change nor the delivery.
 */
export class WebhookOutbox implements ChangeSink {
  private webhooks: readonly Webhook[] = [];
  /** The webhook list's generation when last read: a webhook added or removed on this warehouse moves it. */
  private generation = -1;
  private readonly listeners: (() => void)[] = [];

  static async open(wh: Warehouse): Promise<WebhookOutbox> {
    const o = new WebhookOutbox();
    await o.refresh(wh);
    return o;
  }

  /** Re-read the registered webhooks (after one is added or changed). */
  async refresh(wh: Warehouse): Promise<void> {
    this.generation = webhooksGeneration(wh);
    this.webhooks = (await listWebhooks(wh)).filter((w) => w.active);
  }

  /** Be told when new deliveries are durable (the dispatcher subscribes). */
  onDeliveries(listener: () => void): void {
    this.listeners.push(listener);
  }

  async persist(wh: Warehouse, changes: readonly LoggedChange[]): Promise<void> {
    if (changes.length === 0) return;
    if (this.generation !== webhooksGeneration(wh)) await this.refresh(wh);
    const rows: Record<string, unknown>[] = [];
    for (const c of changes) {
      for (const w of this.webhooks) {
        if (w.segmentId !== null && w.segmentId !== c.segment.id) continue;
        if (c.change === 'entered' ? !w.onEnter : !w.onExit) continue;
        rows.push({
          delivery_id: deliveryId(w.id, c.seq),
          webhook_id: w.id,
          log_seq: c.seq,
          payload: payloadOf(w.id, c),
          status: 'pending',
          attempts: 0,
          next_attempt_at: c.at,
          created_at: c.at,
        });
      }
    }
    if (rows.length === 0) return;
    await appendJsonRows(
      wh,
      'webhook_deliveries',
      {
        delivery_id: 'VARCHAR',
        webhook_id: 'INTEGER',
        log_seq: 'BIGINT',
        payload: 'JSON',
        status: 'VARCHAR',
        attempts: 'INTEGER',
        next_attempt_at: 'BIGINT',
        created_at: 'BIGINT',
      },
      rows,
      ['next_attempt_at', 'created_at'],
    );
  }

  committed(): void {
    for (const l of this.listeners) l();
  }
}
