import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.js';
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

export interface Serving {
  readonly server: SegmentaServer;
  /** `http://host:port` */
  readonly url: string;
  /** Whether the built dashboard is served at `/`. */
  readonly dashboard: boolean;
  /** A read key made for the dashboard when `dashboardKey` was asked for, to open `url/?key=...`. */
  readonly key: string | null;
}

/**
 * Listen with the API and the built dashboard on one port: what `segmenta serve` runs and what `segmenta start`
 * can end with. `dashboardKey` creates a read key named "dashboard" and returns it (shown once).
 */
export async function serve(
  app: App,
  options: { port: number; host: string; dashboardKey?: boolean },
): Promise<Serving> {
  const root = webRoot();
  const server = await createServer({ app, prewarm: true, ...(root ? { webRoot: root } : {}) });
  const url = await server.fastify.listen({ port: options.port, host: options.host });
  const key = options.dashboardKey
    ? (await createApiKey(app.warehouse, { scope: 'read', name: 'dashboard' })).key
    : null;
  return { server, url, dashboard: root !== undefined, key };
}
