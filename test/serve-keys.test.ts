import { describe, expect, it } from 'vitest';
import { openApp } from '../src/app.js';
import { verifyApiKey } from '../src/server/auth/api-keys.js';
import { serve } from '../src/server/index.js';

describe('serve: the key made for the dashboard', () => {
  it('is a read key for segmenta serve --new-key and a write key for segmenta start (the builder saves)', async () => {
    const app = await openApp({ db: ':memory:' });
    for (const [asked, scope] of [
      [true, 'read'],
      ['write', 'write'],
    ] as const) {
      const s = await serve(app, { port: 0, host: '127.0.0.1', dashboardKey: asked, live: false });
      expect(s.key).toMatch(/^sgk_/);
      expect(await verifyApiKey(app.warehouse, s.key!)).toBe(scope);
      await s.close();
    }
    const none = await serve(app, { port: 0, host: '127.0.0.1', live: false });
    expect(none.key).toBeNull();
    await none.close();
    await app.close();
  });
});
