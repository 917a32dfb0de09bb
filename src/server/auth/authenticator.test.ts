import { describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../../test/helpers/warehouse.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { createApiKey, revokeApiKey } from './api-keys.js';
import { apiKeyAuthenticator } from './authenticator.js';

/** The warehouse with its queries counted. */
function counting(wh: Warehouse): { wh: Warehouse; queries: () => number } {
  let n = 0;
  const counted = new Proxy(wh, {
    get(target, prop, receiver) {
      if (prop === 'query')
        return (...args: Parameters<Warehouse['query']>) => {
          n++;
          return target.query(...args);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
  return { wh: counted, queries: () => n };
}

describe('apiKeyAuthenticator', () => {
  it('shares one lookup between concurrent requests and answers known keys from the cache', async () => {
    const base = await memoryWarehouse();
    const { key } = await createApiKey(base, { scope: 'write', name: 't' });
    const { wh, queries } = counting(base);
    const auth = apiKeyAuthenticator(wh);
    const scopes = await Promise.all(Array.from({ length: 20 }, () => auth.verify(key)));
    expect(scopes).toEqual(Array(20).fill('write'));
    expect(queries()).toBe(1);
    expect(await auth.verify(key)).toBe('write');
    expect(queries()).toBe(1);
    await base.close();
  });

  it('after the TTL answers from the cache while one refresh runs; a revoked key is refused from then on', async () => {
    const base = await memoryWarehouse();
    const created = await createApiKey(base, { scope: 'read', name: 't' });
    const { wh, queries } = counting(base);
    const auth = apiKeyAuthenticator(wh, 0);
    expect(await auth.verify(created.key)).toBe('read');
    expect(await revokeApiKey(base, created.keyId)).toBe(true);
    const before = queries();
    // Stale entry: answered at once, one background refresh started.
    expect(await auth.verify(created.key)).toBe('read');
    await new Promise((r) => setTimeout(r, 50));
    expect(queries()).toBeGreaterThan(before);
    expect(await auth.verify(created.key)).toBeNull();
    expect(await auth.verify('sgk_nonsense')).toBeNull();
    await base.close();
  });
});
