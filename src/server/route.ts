import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { App } from '../app.js';
import type { SegmentRuntime } from '../segments/runtime/segment-runtime.js';
import type { Scope } from './auth/api-keys.js';
import type { Jobs } from './jobs.js';
import type { Memo } from './memo.js';

/** What a handler gets: the parsed inputs and the app. */
export interface RouteContext<Q, P, B> {
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  readonly app: App;
  readonly jobs: Jobs;
  /** Per-server cache of pre-aggregated answers, cleared when new data or a new run lands. */
  readonly memo: Memo;
  /**
   * The live segment runtime when the server runs one (`segmenta serve`): segment writes and events go through it
   * so live membership stays exact. `undefined` in a read-only server (segment writes then use the batch path).
   * While `segmenta serve` is still loading it, writes wait for it and GET routes see `undefined`.
   */
  readonly runtime: SegmentRuntime | undefined;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * One route, declared once: its zod schemas validate the request and describe it in `/openapi.json`
 * (STYLE 4: one declaration gives the validator, the type and the OpenAPI schema).
 */
export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify syntax: `/v1/customers/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Scope needed; `null` for a public route. */
  readonly scope: Scope | null;
  readonly query?: Q;
  readonly params?: P;
  /** A JSON body schema, or `'raw'` for a file upload taken as bytes. */
  readonly body?: B | 'raw';
  readonly response?: z.ZodType;
  /** Media type of a non-JSON answer (file downloads), for the docs. */
  readonly produces?: string;
  /** Status on success; default 200. */
  readonly status?: number;
  /** Largest request body, bytes; default the server's (1 GiB, for uploads). */
  readonly bodyLimit?: number;
  readonly handler: (ctx: RouteContext<z.output<Q>, z.output<P>, z.output<B>>) => Promise<unknown>;
}

/** A route with its types erased, as the server and the OpenAPI builder see it. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly scope: Scope | null;
  readonly query?: z.ZodType | undefined;
  readonly params?: z.ZodType | undefined;
  readonly body?: z.ZodType | 'raw' | undefined;
  readonly response?: z.ZodType | undefined;
  readonly produces?: string | undefined;
  readonly status?: number | undefined;
  readonly bodyLimit?: number | undefined;
  readonly handler: (ctx: RouteContext<unknown, unknown, unknown>) => Promise<unknown>;
}

export function defineRoute<
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<Q, P, B>): Route {
  return spec as unknown as Route;
}
