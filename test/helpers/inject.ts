/**
 * Requests against a `demoServer()` fixture for the server tests: GET with a key, expect-200 JSON, problem+json
 * answers, and warehouse rows as plain objects. The fixture is passed as a getter because it is set in `beforeAll`.
 */
import { expect } from 'vitest';
import type { Fixture } from '../server-fixture.js';

interface Reply {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
  json(): unknown;
}

/** Expect a problem+json answer with this status and exact detail. */
export function problem(res: Reply, status: number, detail: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, detail });
}

/** `get`, `ok` and `sql` bound to the fixture `fx()` returns when called. */
export function client(fx: () => Fixture) {
  const get = (url: string, key: string | null = fx().keys.read) =>
    fx().server.fastify.inject({
      method: 'GET',
      url,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });

  async function ok<T>(url: string): Promise<T> {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  /** The rows of a warehouse query, BIGINTs as numbers. */
  const sql = async (text: string, params: unknown[] = []) => {
    const t = await fx().app.warehouse.query({ sql: text, params: params as never[] });
    return Array.from({ length: t.rowCount }, (_, i) =>
      Object.fromEntries(
        Object.entries(t.columns).map(([k, v]) => [k, typeof v[i] === 'bigint' ? Number(v[i]) : v[i]]),
      ),
    ) as Record<string, unknown>[];
  };

  return { get, ok, sql };
}
