import { describe, expect, it } from 'vitest';
import { fitKMeans, kmeansFromJson } from './kmeans.js';
import { createMatrix, matrixFromRows } from './matrix.js';
import { adjustedRandIndex } from './metrics/adjusted-rand.js';
import { withinClusterSS } from './metrics/within-cluster-ss.js';
import { makeBlobs } from './synthetic.js';

describe('fitKMeans', () => {
  it('recovers seeded Gaussian blobs (ARI > 0.95)', () => {
    const { x, labels } = makeBlobs({ n: 5000, d: 4, k: 6, centreSpread: 6, noise: 1, seed: 11 });
    const fit = fitKMeans(x, { k: 6, seed: 1 });
    const ari = adjustedRandIndex(labels, fit.labels);
    expect(ari).toBeGreaterThan(0.95);
    expect(fit.converged).toBe(true);
    expect(fit.restarts).toHaveLength(4);
    expect(fit.inertia).toBe(Math.min(...fit.restarts.map((r) => r.inertia)));
    // Inertia is the within-cluster SS of the returned labels, whose centroids are the returned centres.
    expect(fit.inertia).toBeCloseTo(withinClusterSS(x, fit.labels).total, 6);
  });

  it('is deterministic for a seed and predicts its own labels', () => {
    const { x } = makeBlobs({ n: 3000, d: 3, k: 4, seed: 3, noise: 2 });
    const a = fitKMeans(x, { k: 4, seed: 7 });
    const b = fitKMeans(x, { k: 4, seed: 7 });
    expect(Array.from(a.centroids.data)).toEqual(Array.from(b.centroids.data));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.predict(x))).toEqual(Array.from(a.labels));
  });

  it('gives bit-identical results with worker threads', () => {
    const { x } = makeBlobs({ n: 60_000, d: 5, k: 5, seed: 5, noise: 3 });
    const one = fitKMeans(x, {
      k: 5,
      seed: 2,
      nInit: 2,
      threads: 1,
      initSampleSize: Number.POSITIVE_INFINITY,
    });
    const two = fitKMeans(x, {
      k: 5,
      seed: 2,
      nInit: 2,
      threads: 2,
      initSampleSize: Number.POSITIVE_INFINITY,
    });
    expect(two.inertia).toBe(one.inertia);
    expect(Array.from(two.centroids.data)).toEqual(Array.from(one.centroids.data));
    expect(Array.from(two.labels)).toEqual(Array.from(one.labels));
  });

  it('warm-starts large inputs from a sample and still reaches a Lloyd fixed point', () => {
    const { x, labels } = makeBlobs({ n: 40_000, d: 3, k: 5, seed: 9, noise: 1.5, centreSpread: 6 });
    const fit = fitKMeans(x, { k: 5, seed: 1, initSampleSize: 2000 });
    expect(fit.converged).toBe(true);
    expect(adjustedRandIndex(labels, fit.labels)).toBeGreaterThan(0.95);
    // A fixed point: every row sits with its nearest centre.
    expect(Array.from(fit.predict(x))).toEqual(Array.from(fit.labels));
  });

  it('round-trips through JSON', () => {
    const { x } = makeBlobs({ n: 500, d: 2, k: 3, seed: 1 });
    const fit = fitKMeans(x, { k: 3, seed: 1 });
    const json = JSON.parse(JSON.stringify(fit));
    expect(Object.keys(json).sort()).toEqual(['centroids', 'converged', 'inertia', 'iterations', 'kind']);
    const model = kmeansFromJson(json);
    expect(Array.from(model.predict(x))).toEqual(Array.from(fit.labels));
    expect(Object.isFrozen(fit)).toBe(true);
  });

  it('copes with duplicate points and explicit initial centres', () => {
    const x = matrixFromRows([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [5, 5],
    ]);
    const fit = fitKMeans(x, { k: 2, seed: 1 });
    expect(fit.inertia).toBe(0);
    const init = createMatrix(2, 2, Float64Array.from([0, 0, 0, 0]));
    // Both centres start at the origin: one empties and is moved to the farthest point.
    const fromInit = fitKMeans(x, { k: 2, init });
    expect(fromInit.inertia).toBe(0);
  });

  it('rejects bad input with exact messages', () => {
    const x = matrixFromRows([[1], [Number.NaN]]);
    expect(() => fitKMeans(x, { k: 1 })).toThrow(
      'k-means input: row 1, column 0 is NaN, expected a finite number',
    );
    expect(() => fitKMeans(matrixFromRows([[1]]), { k: 2 })).toThrow(
      'k-means: k = 2 exceeds the number of rows (1)',
    );
  });
});
