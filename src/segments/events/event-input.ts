import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import { type Issue, zodIssues } from '../schema/issues.js';

const ID = (what: string) =>
  z
    .string({ error: `expected ${what} as a string` })
    .min(1, { error: `expected a non-empty ${what}` })
    .max(200, { error: `expected ${what} of at most 200 characters` });

const OCCURRED_AT = 'expected an ISO date-time with a zone (2024-05-01T10:00:00Z) or epoch milliseconds';
/** Largest instant a JS Date holds (year 275760). */
const MAX_MS = 8.64e15;
const EPOCH_MS = { error: `expected epoch milliseconds as an integer from 0 to ${MAX_MS}` };

/** One event as sent to `POST /v1/events` or `ingest()`. Unknown keys are rejected, not dropped. */
export const EventInput = z
  .strictObject({
    event_id: ID('event id'),
    customer_id: ID('customer id'),
    type: ID('event type'),
    occurred_at: z.union(
      [
        z.iso.datetime({ offset: true, error: OCCURRED_AT }),
        z.number().min(0, EPOCH_MS).max(MAX_MS, EPOCH_MS).int(EPOCH_MS),
      ],
      { error: OCCURRED_AT },
    ),
    properties: z.record(z.string(), z.json()).optional(),
  })
  .meta({ id: 'EventInput' });

export const EventBatch = z
  .strictObject({
    events: z
      .array(EventInput)
      .min(1, { error: 'expected at least one event' })
      .max(1_000, { error: 'expected at most 1000 events per batch' }),
  })
  .meta({ id: 'EventBatch' });

export type EventInputType = z.infer<typeof EventInput>;

/** A validated event: times in epoch ms, properties parsed. */
export interface IncomingEvent {
  readonly eventId: string;
  readonly customerId: string;
  readonly type: string;
  readonly occurredAt: number;
  readonly properties: Readonly<Record<string, unknown>> | null;
}

const toIncoming = (e: EventInputType): IncomingEvent => ({
  eventId: e.event_id,
  customerId: e.customer_id,
  type: e.type,
  occurredAt: typeof e.occurred_at === 'number' ? e.occurred_at : Date.parse(e.occurred_at),
  properties: e.properties ?? null,
});

/** Check a request body `{ events: [...] }`; all or nothing, every problem located (`events[3].type: …`). */
export function parseEventBatch(body: unknown): Result<IncomingEvent[], Issue[]> {
  const r = EventBatch.safeParse(body);
  if (r.success) return ok(r.data.events.map(toIncoming));
  // One line per problem (an integer past 2^53 also fails zod's own safe-integer check, with the same message).
  const seen = new Set<string>();
  return err(
    zodIssues(r.error, body).filter(
      (i) => !seen.has(`${i.path}\n${i.message}`) && seen.add(`${i.path}\n${i.message}`),
    ),
  );
}

/** Check an array of events given in-process. */
export function parseEvents(events: unknown): Result<IncomingEvent[], Issue[]> {
  return parseEventBatch({ events });
}
