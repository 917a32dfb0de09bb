import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { compareClusterModels } from './compare-models.js';
import { fitGaussianMixture, gaussianMixtureFromJson } from './gaussian-mixture.js';
import { fitKMeans } from './kmeans.js';
import { createMatrix } from './matrix.js';
import { adjustedRandIndex } from './metrics/adjusted-rand.js';
import { makeBlobs } from './synthetic.js';

/** A tight group (sd 0.3) next to a wide one (sd 2.5): k-means' straight boundary cuts into the wide group. */
function unequal(n: number, seed: number) {
  const rng = createRng(seed);
  const data = new Float64Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = rng.int(2);
    labels[i] = g;
    const sd = g === 0 ? 0.3 : 2.5;
    data[i * 2] = (g === 0 ? 0 : 3.5) + sd * rng.normal();
    data[i * 2 + 1] = sd * rng.normal();
  }
  return { x: createMatrix(n, 2, data), labels };
}

describe('Gaussian mixture (EM)', () => {
  it('recovers blobs of different spread and reports BIC', () => {
    const { x, labels } = makeBlobs({ n: 3000, d: 2, k: 3, centreSpread: 6, noise: [0.5, 1, 2], seed: 8 });
    const g = fitGaussianMixture(x, { k: 3, covariance: 'diag', seed: 1 });
    expect(g.converged).toBe(true);
    expect(adjustedRandIndex(labels, g.labels)).toBeGreaterThan(0.9);
    expect(g.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(g.bic).toBeCloseTo(-2 * g.logLikelihood + g.parameters * Math.log(3000), 6);
    expect(g.parameters).toBe(2 + 3 * 2 + 3 * 2);
    const restored = gaussianMixtureFromJson(JSON.parse(JSON.stringify(g)));
    expect(Array.from(restored.predict(x))).toEqual(Array.from(g.labels));
  });

  it('beats k-means by BIC and by recovery where clusters differ in spread', () => {
    const { x, labels } = unequal(3000, 3);
    const gmm = fitGaussianMixture(x, { k: 2, covariance: 'full', seed: 0 });
    const km = fitKMeans(x, { k: 2, seed: 0 });
    const gmmAri = adjustedRandIndex(labels, gmm.labels);
    expect(gmmAri).toBeGreaterThan(0.9);
    expect(gmmAri).toBeGreaterThan(adjustedRandIndex(labels, km.labels) + 0.1);
    const cmp = compareClusterModels(x, { ks: [2, 3], seed: 0 });
    expect(cmp.table).toHaveLength(6);
    expect(cmp.best.model).toMatch(/^gmm-/);
    expect(cmp.explanation).toMatch(
      /^A Gaussian mixture \((diag|full) covariances, k = \d\) has the lowest BIC/,
    );
  });
});
