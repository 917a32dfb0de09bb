import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SegmentRuntime } from '../runtime/segment-runtime.js';
import { postEvents } from './events-endpoint.js';

/** Largest request body accepted (a batch is at most 1,000 events). */
const MAX_BODY = 4 * 1024 * 1024;

/**
 * A minimal HTTP front for event ingestion (node:http, no framework): `POST /v1/events` only.
 * @deprecated `POST /v1/events` is a route of the real server (`src/server/routes/events.ts`, run by `segmenta
 * serve`, errors as problem+json); use `createServer({ app, runtime })`. Kept only while
 * `test/segments-scenarios.test.ts` still drives it.
 */
export async function startEventsServer(
  rt: SegmentRuntime,
  options: { port?: number; host?: string } = {},
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url !== '/v1/events') return reply(404, { error: `no route ${req.method} ${req.url}` });
    if (req.method !== 'POST') return reply(405, { error: 'use POST' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reply(413, { error: `body larger than ${MAX_BODY} bytes` });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      void postEvents(rt, Buffer.concat(chunks).toString('utf8')).then((r) => reply(r.status, r.body));
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port, address } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${address}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
