import { z } from 'zod';
import { invalidInput } from '../../core/errors.js';
import { EventBatch } from '../../segments/events/event-input.js';
import { defineRoute } from '../route.js';

/** A batch is at most 1,000 events; 4 MiB leaves room for properties without letting a client send 1 GiB. */
export const EVENTS_BODY_LIMIT = 4 * 1024 * 1024;

export const NO_RUNTIME = 'live segments are not running in this server: start it with segmenta serve';

const EMPTY = 'body is empty: send {"events": [...]} (Content-Type: application/json)';

type Json = Record<string, unknown>;

/**
 * The batch's JSON schema with its `$ref`s inlined, for the OpenAPI document (which has no `definitions`); a
 * recursive one (a property's JSON value) becomes `{}`, any value.
 */
function batchSchema(): Json {
  const doc = z.toJSONSchema(EventBatch, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  const defs = (doc.definitions ?? doc.$defs ?? {}) as Record<string, Json>;
  const inline = (v: unknown, open: ReadonlySet<string>): unknown => {
    if (Array.isArray(v)) return v.map((x) => inline(x, open));
    if (v === null || typeof v !== 'object') return v;
    const ref = (v as Json).$ref;
    if (typeof ref === 'string') {
      const name = ref.split('/').pop()!;
      return open.has(name) ? {} : inline(defs[name] ?? {}, new Set([...open, name]));
    }
    return Object.fromEntries(
      Object.entries(v as Json)
        .filter(([k]) => k !== '$schema' && k !== 'definitions' && k !== '$defs' && k !== 'id')
        .map(([k, x]) => [k, inline(x, open)]),
    );
  };
  return inline(doc, new Set()) as Json;
}

/**
 * Documents the batch in /openapi.json but lets every body through: the runtime validates it (`ingestBody`), so
 * the messages are the same located ones in-process and over HTTP (`events[3].occurred_at: …`), all at once.
 */
const BatchBody = z.unknown().meta(batchSchema());

const kindOf = (v: unknown) => (v === null ? 'a null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/**
 * The batch as a JSON value. A body sent without `Content-Type: application/json` (curl -d, a beacon) arrives as
 * bytes and is read as JSON text; a JSON body is already parsed (a JSON string such as `"text"` is a value, not
 * text to parse again). Anything but an object is refused here, located like every JSON route's body.
 */
function asJson(body: unknown): unknown {
  if (body === undefined) throw invalidInput(EMPTY);
  let value = body;
  if (Buffer.isBuffer(body)) {
    const text = body.toString();
    if (text.trim() === '') throw invalidInput(EMPTY);
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw invalidInput(`body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalidInput(`body: expected an object with an events array, got ${kindOf(value)}`);
  return value;
}

export const eventRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/events',
    summary:
      'ingest a batch of events (at most 1,000); answers once they are durable, with how many were new and how many repeated an event id already stored',
    tag: 'segments',
    scope: 'write',
    body: BatchBody,
    bodyLimit: EVENTS_BODY_LIMIT,
    response: z.object({
      accepted: z.number().int().describe('events stored now'),
      duplicates: z.number().int().describe('events whose id was already stored or repeated in the batch'),
    }),
    handler: async ({ runtime, request, reply }) => {
      if (!runtime)
        return reply.code(503).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: NO_RUNTIME,
        });
      // The body as sent (the route schema maps a JSON null to {}).
      return runtime.ingestBody(asJson(request.body));
    },
  }),
];
