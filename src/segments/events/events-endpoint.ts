import { httpStatusOf, SegmentaError } from '../../core/errors.js';
import type { SegmentRuntime } from '../runtime/segment-runtime.js';

export interface HttpReply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * `POST /v1/events` as a plain function over the raw body, so any HTTP framework can mount it: 200 with
 * `{accepted, duplicates}` once the events are durable; 400 with every problem located when the body is not a
 * valid batch (nothing is stored then); other failures map through the one error table (core/errors).
 */
export async function postEvents(rt: SegmentRuntime, rawBody: string): Promise<HttpReply> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (e) {
    return {
      status: 400,
      body: { error: `body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` },
    };
  }
  try {
    return { status: 200, body: await rt.ingestBody(body) };
  } catch (e) {
    const status = httpStatusOf(e);
    const message = e instanceof SegmentaError || status < 500 ? (e as Error).message : 'internal error';
    return {
      status,
      body: { error: message, ...(e instanceof SegmentaError && e.hint ? { hint: e.hint } : {}) },
    };
  }
}
