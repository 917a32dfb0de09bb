import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { fitKPrototypes, kprototypesFromJson } from './kprototypes.js';
import { createMatrix } from './matrix.js';
import { adjustedRandIndex } from './metrics/adjusted-rand.js';

/** Three groups that differ in spend (numeric) and in preferred channel and region (categorical). */
function mixed(n: number, seed: number) {
  const rng = createRng(seed);
  const spend = [-2, 0, 2];
  const channel = ['web', 'store', 'app'];
  const region = ['north', 'south', 'south'];
  const data = new Float64Array(n * 2);
  const ch: (string | null)[] = [];
  const rg: (string | null)[] = [];
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = rng.int(3);
    labels[i] = g;
    data[i * 2] = spend[g]! + 0.6 * rng.normal();
    data[i * 2 + 1] = 0.6 * rng.normal();
    // 85% typical channel, else random; a few missing regions.
    ch.push(rng.next() < 0.85 ? channel[g]! : rng.pick(channel));
    rg.push(rng.next() < 0.02 ? null : region[g]!);
  }
  return { numeric: createMatrix(n, 2, data), categorical: [ch, rg], labels };
}

describe('fitKPrototypes', () => {
  it('recovers mixed numeric and categorical groups', () => {
    const { numeric, categorical, labels } = mixed(3000, 4);
    const fit = fitKPrototypes(numeric, categorical, { k: 3, seed: 1 });
    expect(fit.converged).toBe(true);
    expect(adjustedRandIndex(labels, fit.labels)).toBeGreaterThan(0.85);
    const byGroup = [...fit.modes].map((m) => m[0]).sort();
    expect(byGroup).toEqual(['app', 'store', 'web']);
    const restored = kprototypesFromJson(JSON.parse(JSON.stringify(fit)));
    expect(Array.from(restored.predict(numeric, categorical))).toEqual(Array.from(fit.labels));
  });

  it('categories alone separate groups the numbers cannot', () => {
    const { numeric, categorical, labels } = mixed(2000, 5);
    const flat = createMatrix(numeric.n, 2, new Float64Array(numeric.n * 2));
    const fit = fitKPrototypes(flat, [categorical[0]!], { k: 3, seed: 2, gamma: 1 });
    expect(adjustedRandIndex(labels, fit.labels)).toBeGreaterThan(0.6);
  });
});
