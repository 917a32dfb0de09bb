import { existsSync } from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { App } from '../app.js';
import type { SegmentRuntime } from '../segments/runtime/segment-runtime.js';
import { type Authenticator, apiKeyAuthenticator, authorize } from './auth/authenticator.js';
import { Jobs } from './jobs.js';
import { parseJsonExactly } from './json-body.js';
import { type LiveRuntime, liveRuntime } from './live-runtime.js';
import { Memo } from './memo.js';
import { docsPage, openApiDocument } from './openapi.js';
import { problemOf, validationError } from './problem.js';
import type { Route } from './route.js';
import { ROUTES } from './routes/index.js';
import { prewarmOverview } from './routes/overview.js';

export interface ServerOptions {
  readonly app: App;
  /** How requests are authenticated; default the API keys in the app's warehouse. */
  readonly auth?: Authenticator;
  /** The built dashboard (`web/dist`), served at `/` when given and present. */
  readonly webRoot?: string;
  /** Largest upload accepted, bytes; default 1 GiB. */
  readonly bodyLimit?: number;
  readonly logger?: boolean;
  /** Compute the latest run's dashboard overview in the background at start (what `segmenta serve` does). */
  readonly prewarm?: boolean;
  /**
   * The live segment runtime (events, live membership); routes that need it answer 503 without one. A promise
   * lets the server listen while the runtime loads (`segmenta serve`): writes wait for it, reads do not.
   */
  readonly runtime?: SegmentRuntime | Promise<SegmentRuntime | undefined>;
}

export interface SegmentaServer {
  readonly fastify: FastifyInstance;
  readonly jobs: Jobs;
  /** Wait for background jobs, then close the server (not the app). */
  close(): Promise<void>;
}

/** The HTTP API over the app's use cases. No global state: every server has its own jobs and key cache. */
export async function createServer(options: ServerOptions): Promise<SegmentaServer> {
  const { app } = options;
  const auth = options.auth ?? apiKeyAuthenticator(app.warehouse);
  const jobs = new Jobs();
  const memo = new Memo(app.warehouse);
  const bodyLimit = options.bodyLimit ?? 1024 ** 3;
  const fastify = Fastify({ logger: options.logger ?? false, bodyLimit });

  // Uploads arrive as raw bytes of any type; JSON stays JSON.
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  parseJsonExactly(fastify);
  // Browser forms and `curl -F file=@orders.csv`: files are streamed by the route (request.parts()).
  await fastify.register(fastifyMultipart, { limits: { fileSize: bodyLimit, files: 1, fields: 20 } });

  fastify.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error);
    if (problem.status === 500) request.log.error(error);
    void reply.code(problem.status).type('application/problem+json').send(problem);
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `no route ${request.method} ${request.url.split('?')[0]}`,
      });
  });

  const doc = openApiDocument(ROUTES);
  fastify.get('/openapi.json', async () => doc);
  fastify.get('/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(doc)));

  const runtime = liveRuntime(options.runtime);
  for (const route of ROUTES) register(fastify, route, { app, auth, jobs, memo, runtime });

  if (options.webRoot && existsSync(options.webRoot)) {
    await fastify.register(fastifyStatic, { root: options.webRoot, prefix: '/', wildcard: false });
    // Serves index.html at `/`; pages are hash routes (#/rfm), so no fallback route is needed.
  }

  await fastify.ready();
  if (options.prewarm) prewarmOverview(app, memo);
  return {
    fastify,
    jobs,
    async close() {
      await jobs.settle();
      await fastify.close();
    },
  };
}

function register(
  fastify: FastifyInstance,
  route: Route,
  deps: { app: App; auth: Authenticator; jobs: Jobs; memo: Memo; runtime: LiveRuntime },
): void {
  fastify.route({
    method: route.method,
    url: route.path,
    ...(route.bodyLimit !== undefined ? { bodyLimit: route.bodyLimit } : {}),
    handler: async (request, reply) => {
      if (route.scope) await authorize(deps.auth, request.headers.authorization, route.scope);
      const parse = (where: 'query' | 'params' | 'body', schema: Route['query'], value: unknown) => {
        if (!schema) return value;
        const r = schema.safeParse(value ?? {});
        if (!r.success) throw validationError(where, r.error);
        return r.data;
      };
      const query = parse('query', route.query, request.query);
      const params = parse('params', route.params, request.params);
      const body = route.body === 'raw' ? request.body : parse('body', route.body, request.body);
      const result = await route.handler({
        query,
        params,
        body,
        app: deps.app,
        jobs: deps.jobs,
        memo: deps.memo,
        // Reads never wait for the live runtime to load (a minute at a million customers); writes do.
        runtime: route.method === 'GET' ? deps.runtime.now() : await deps.runtime.wait(),
        request,
        reply,
      });
      // New data or a new run makes cached aggregates stale.
      if (route.method !== 'GET' && route.scope !== 'read') deps.memo.clear();
      if (reply.sent) return reply;
      if (route.status) void reply.code(route.status);
      return result;
    },
  });
}
