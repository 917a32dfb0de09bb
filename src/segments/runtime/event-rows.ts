import type { Warehouse } from '../../warehouse/warehouse.js';
import type { IncomingEvent } from '../events/event-input.js';
import { insertJsonText, type JsonRowType } from '../store/json-rows.js';

/** The `events` columns an ingested event fills. */
const EVENT_COLUMNS: Readonly<Record<string, JsonRowType>> = {
  event_id: 'VARCHAR',
  customer_id: 'VARCHAR',
  occurred_at: 'BIGINT',
  type: 'VARCHAR',
  properties: 'JSON',
};

/**
 * Events as comma-separated JSON rows, made when their batch arrives: the group commit then only joins strings,
 * instead of serialising thousands of events in one synchronous lump while requests wait, and a batch waiting
 * for its commit holds one string rather than its parsed objects (less for the GC to copy).
 */
export function eventRowsJson(events: readonly IncomingEvent[]): string {
  if (events.length === 0) return '';
  const rows = events.map((e) => ({
    event_id: e.eventId,
    customer_id: e.customerId,
    occurred_at: e.occurredAt,
    type: e.type,
    properties: e.properties,
  }));
  return JSON.stringify(rows).slice(1, -1);
}

/** Insert rows made by `eventRowsJson` (inside the caller's transaction), as one JSON parameter. */
export async function appendEventRows(wh: Warehouse, parts: readonly string[]): Promise<void> {
  const json = parts.filter((p) => p !== '').join(',');
  if (json === '') return;
  const q = insertJsonText('events', EVENT_COLUMNS, `[${json}]`, ['occurred_at']);
  await wh.execute(q.sql, q.params);
}

/** Events back from `eventRowsJson` rows (after a failed commit, to apply them to the rebuilt engine). */
export function eventsFromRows(rows: string): IncomingEvent[] {
  if (rows === '') return [];
  return (JSON.parse(`[${rows}]`) as Record<string, unknown>[]).map((r) => ({
    eventId: r.event_id as string,
    customerId: r.customer_id as string,
    type: r.type as string,
    occurredAt: r.occurred_at as number,
    properties: (r.properties ?? null) as Readonly<Record<string, unknown>> | null,
  }));
}
