import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebhookDispatcher } from '../activation/webhooks/dispatcher.js';
import { fetchTransport } from '../activation/webhooks/transport.js';
import { WebhookOutbox } from '../activation/webhooks/webhook-outbox.js';
import type { App } from '../app.js';
import { createRng } from '../core/rng.js';
import { systemClock } from '../segments/live/system-clock.js';
import { SegmentRuntime } from '../segments/runtime/segment-runtime.js';
import { createApiKey } from './auth/api-keys.js';
import { createServer, type SegmentaServer } from './create-server.js';

/** `web/dist` of the package, found from this file in `src/server/` (tsx) or `dist/src/server/` (built). */
export function webRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = resolve(dir, 'web', 'dist');
    if (existsSync(resolve(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** What the live segment runtime loaded at startup. */
export interface LiveSummary {
  /** Segments evaluated live. */
  readonly segments: number;
  /** Segments whose stored rule no longer validates (reported in `segments list`). */
  readonly failed: number;
  /** Events in the warehouse the live state was rebuilt from. */
  readonly events: number;
  readonly customers: number;
  /** Time to load, ms. */
  readonly ms: number;
}

export interface Serving {
  readonly server: SegmentaServer;
  /** `http://host:port` */
  readonly url: string;
  /** Whether the built dashboard is served at `/`. */
  readonly dashboard: boolean;
  /** The key made for the dashboard when `dashboardKey` was asked for, to open `url/?key=...`. */
  readonly key: string | null;
  /**
   * Resolves once the live segment runtime has loaded (API requests wait for it meanwhile), `null` with
   * `live: false`; rejects when it cannot load.
   */
  readonly live: Promise<LiveSummary | null>;
  /** Stop listening (in-flight requests finish), then commit what the runtime holds and stop the webhooks. */
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /**
   * Create a key named "dashboard" and return it (shown once): `true` makes a read key; `'write'` lets the
   * dashboard save segments too (what `segmenta start`, a local quick start, asks for).
   */
  readonly dashboardKey?: boolean | 'read' | 'write';
  /** Run the live segment runtime (POST /v1/events, live membership, webhooks); default true. */
  readonly live?: boolean;
}

interface Live {
  readonly runtime: SegmentRuntime;
  readonly dispatcher: WebhookDispatcher;
  readonly summary: LiveSummary;
}

/**
 * The live side of the server: the runtime over the warehouse, the webhook outbox written in its transactions,
 * and the dispatcher that sends it (nudged after each commit, and once at start for what a crash left pending).
 */
async function startLive(app: App): Promise<Live> {
  const started = performance.now();
  const wh = app.warehouse;
  const outbox = await WebhookOutbox.open(wh);
  const dispatcher = new WebhookDispatcher(wh, {
    clock: systemClock,
    transport: fetchTransport(),
    rng: createRng(randomInt(2 ** 31)),
  });
  const runtime = await SegmentRuntime.open(wh, {
    clock: systemClock,
    sinks: [outbox],
    onCommitted: () => dispatcher.notify(),
  });
  dispatcher.notify();
  const t = await wh.query({ sql: 'SELECT count(*) AS n FROM events', params: [] });
  const status = runtime.status();
  return {
    runtime,
    dispatcher,
    summary: {
      segments: status.live.length,
      failed: status.failed.length,
      events: Number(t.columns.n?.[0] ?? 0),
      customers: runtime.customerCount,
      ms: performance.now() - started,
    },
  };
}

/**
 * Listen with the API and the built dashboard on one port: what `segmenta serve` runs and what `segmenta start`
 * can end with. The server listens first and the live runtime loads behind it (seconds at millions of events):
 * API requests wait for it, the dashboard's files do not. Nothing is opened when listening fails (port taken).
 */
export async function serve(app: App, options: ServeOptions): Promise<Serving> {
  const root = webRoot();
  const live = options.live ?? true;
  let startRuntime!: () => void;
  const loading = new Promise<void>((go) => {
    startRuntime = go;
  }).then(() => (live ? startLive(app) : null));
  const runtime = loading.then((l) => l?.runtime);
  const summary = loading.then((l) => l?.summary ?? null);
  // Requests see a failed load as a 500 and the caller sees it through `live`: never an unhandled rejection.
  for (const p of [loading, runtime, summary]) p.catch(() => undefined);
  const server = await createServer({
    app,
    prewarm: true,
    ...(root ? { webRoot: root } : {}),
    ...(live ? { runtime } : {}),
  });
  let url: string;
  try {
    url = await server.fastify.listen({ port: options.port, host: options.host });
  } catch (e) {
    await server.close();
    throw e;
  }
  startRuntime();
  const key = options.dashboardKey
    ? (
        await createApiKey(app.warehouse, {
          scope: options.dashboardKey === 'write' ? 'write' : 'read',
          name: 'dashboard',
        })
      ).key
    : null;
  let closing: Promise<void> | undefined;
  return {
    server,
    url,
    dashboard: root !== undefined,
    key,
    live: summary,
    close() {
      closing ??= (async () => {
        await server.close();
        const l = await loading.catch(() => null);
        if (!l) return;
        await l.runtime.close();
        l.dispatcher.stop();
        await l.dispatcher.idle();
      })();
      return closing;
    },
  };
}
