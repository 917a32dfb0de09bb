import type { z } from 'zod';
import { httpStatusOf, invalidInput, SegmentaError } from '../core/errors.js';

/** An RFC 9457 problem detail, the body of every error answer (`application/problem+json`). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly hint?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** The problem for any thrown value; the status comes from the one map in `core/errors.ts`. */
export function problemOf(e: unknown): Problem {
  const fastifyStatus = (e as { statusCode?: unknown })?.statusCode;
  const status =
    e instanceof SegmentaError
      ? httpStatusOf(e)
      : typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500
        ? fastifyStatus
        : 500;
  const detail = status === 500 && !(e instanceof SegmentaError) ? 'internal error' : (e as Error).message;
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(e instanceof SegmentaError && e.hint ? { hint: e.hint } : {}),
  };
}

/** Turn a zod failure into one exact message: where (`query.limit`), what was expected. */
export function validationError(where: 'query' | 'params' | 'body', error: z.ZodError): SegmentaError {
  const issue = error.issues[0];
  const path = issue ? [where, ...issue.path.map(String)].join('.') : where;
  return invalidInput(`${path}: ${issue?.message ?? 'invalid'}`);
}
