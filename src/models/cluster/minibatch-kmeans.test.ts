import { describe, expect, it } from 'vitest';
import { fitKMeans } from './kmeans.js';
import { adjustedRandIndex } from './metrics/adjusted-rand.js';
import { fitMiniBatchKMeans } from './minibatch-kmeans.js';
import { makeBlobs } from './synthetic.js';

describe('fitMiniBatchKMeans', () => {
  const { x, labels } = makeBlobs({ n: 50_000, d: 5, k: 6, centreSpread: 6, noise: 1, seed: 21 });

  it('recovers blobs with an inertia close to full k-means, deterministically', () => {
    const mb = fitMiniBatchKMeans(x, { k: 6, seed: 3 });
    expect(adjustedRandIndex(labels, mb.labels)).toBeGreaterThan(0.95);
    const full = fitKMeans(x, { k: 6, seed: 3 });
    expect(mb.inertia / full.inertia).toBeLessThan(1.02);
    const again = fitMiniBatchKMeans(x, { k: 6, seed: 3 });
    expect(Array.from(again.centroids.data)).toEqual(Array.from(mb.centroids.data));
    expect(Array.from(mb.predict(x))).toEqual(Array.from(mb.labels));
  });
});
