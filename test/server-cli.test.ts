import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fails } from './helpers/cli.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmenta-serve-'));
  db = join(dir, 'shop.duckdb');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('segmenta keys and serve', () => {
  it('creates keys (printed once), lists them without the secret, revokes them', async () => {
    const { stdout } = await cli('--db', db, 'keys', 'create', '--scope', 'write', '--name', 'ci', '--json');
    const key = JSON.parse(stdout) as { key: string; keyId: string; scope: string };
    expect(key.scope).toBe('write');
    expect(key.key).toMatch(/^sgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const list = await cli('--db', db, 'keys', 'list');
    expect(list.stdout).toContain(key.keyId);
    expect(list.stdout).not.toContain(key.key);
    expect((await cli('--db', db, 'keys', 'revoke', key.keyId)).stdout).toBe(`revoked ${key.keyId}\n`);
    const again = await fails('--db', db, 'keys', 'revoke', key.keyId);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain(`no active API key ${key.keyId}`);
    const bad = await fails('--db', db, 'keys', 'create', '--scope', 'root');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('scope root: expected one of read, write, admin');
  });

  it('serve prints its URL and answers /health and authenticated routes', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'serve', '--port', '0', '--new-key'],
      {
        env: { ...process.env, CI: 'true' },
      },
    );
    try {
      const [url, key] = await new Promise<[string, string]>((res, rej) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /sign in\s+(http:\/\/[^/\s]+)\/\?key=(\S+)/.exec(out);
          if (m) res([m[1]!, m[2]!]);
        });
        child.on('exit', (code) => rej(new Error(`serve exited ${code}: ${out}`)));
      });
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok' });
      expect((await fetch(`${url}/v1/imports`)).status).toBe(401);
      const imports = await fetch(`${url}/v1/imports`, { headers: { authorization: `Bearer ${key}` } });
      expect(imports.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
