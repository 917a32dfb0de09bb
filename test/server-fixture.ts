import { analyze } from '../src/analysis/index.js';
import type { App } from '../src/app.js';
import { openApp } from '../src/app.js';
import { generateDemoShop } from '../src/demo/index.js';
import { loadTables } from '../src/ingest/load-tables.js';
import { createApiKey, createServer, type SegmentaServer } from '../src/server/index.js';

export interface Fixture {
  readonly app: App;
  readonly server: SegmentaServer;
  readonly keys: { readonly read: string; readonly write: string; readonly admin: string };
  close(): Promise<void>;
}

/** A small analysed demo shop behind a server, with one key of each scope. */
export async function demoServer(options: { customers?: number; webRoot?: string } = {}): Promise<Fixture> {
  const app = await openApp({ db: ':memory:' });
  const shop = generateDemoShop({ seed: 7, customers: options.customers ?? 600 });
  await loadTables(app.warehouse, 'demo', shop.tables);
  await analyze(app.warehouse, { clv: { draws: 50 } });
  const server = await createServer({ app, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
  const [read, write, admin] = await Promise.all(
    (['read', 'write', 'admin'] as const).map((scope) => createApiKey(app.warehouse, { scope, name: scope })),
  );
  return {
    app,
    server,
    keys: { read: read!.key, write: write!.key, admin: admin!.key },
    async close() {
      await server.close();
      await app.close();
    },
  };
}
