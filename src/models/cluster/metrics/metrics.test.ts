import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../matrix.js';
import { adjustedRandIndex } from './adjusted-rand.js';
import { calinskiHarabasz } from './calinski-harabasz.js';
import { daviesBouldin } from './davies-bouldin.js';
import { silhouetteSamples, silhouetteScore } from './silhouette.js';
import { withinClusterSS } from './within-cluster-ss.js';

// Reference values computed with scikit-learn 1.2.1 on exactly these rows and labels.
const X = matrixFromRows([
  [1, 2],
  [1.5, 1.8],
  [5, 8],
  [8, 8],
  [1, 0.6],
  [9, 11],
  [8, 2],
  [10, 2],
  [9, 3],
]);
const L = Int32Array.from([0, 0, 1, 1, 0, 1, 2, 2, 2]);

describe('internal validity indices (scikit-learn reference values)', () => {
  it('silhouette', () => {
    expect(silhouetteScore(X, L)).toBeCloseTo(0.7036685297515942, 12);
    const expected = [
      0.8791561975818422, 0.8779790087905206, 0.4264294935868472, 0.46948794501960994, 0.8353599008852474,
      0.5310970775390196, 0.7518944916518092, 0.779160053717413, 0.7824525989920385,
    ];
    Array.from(silhouetteSamples(X, L)).forEach((s, i) => {
      expect(s).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('Calinski-Harabasz and Davies-Bouldin', () => {
    expect(calinskiHarabasz(X, L)).toBeCloseTo(32.83911333571683, 10);
    expect(daviesBouldin(X, L)).toBeCloseTo(0.38911432521724043, 12);
  });

  it('silhouette of a singleton is 0 and a single cluster is rejected', () => {
    const s = silhouetteSamples(X, Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(s[8]).toBe(0);
    expect(() => silhouetteScore(X, new Int32Array(9))).toThrow('silhouette needs 2 to n - 1 clusters');
  });

  it('within-cluster SS equals the sum of squared distances to cluster means', () => {
    const w = withinClusterSS(X, L);
    // Cluster 0: (1, 2), (1.5, 1.8), (1, 0.6) around (7/6, 4.4/3): 1/6 + 1.14667.
    expect(w.perCluster[0]).toBeCloseTo(3.94 / 3, 12);
    expect(w.total).toBeCloseTo(
      w.perCluster.reduce((a, b) => a + b, 0),
      12,
    );
    expect(w.total).toBeLessThan(w.totalSS);
  });
});

describe('adjusted Rand index (scikit-learn documentation examples)', () => {
  it.each([
    [[0, 0, 1, 1], [0, 0, 1, 2], 0.5714285714285714],
    [[0, 0, 1, 2], [0, 0, 1, 1], 0.5714285714285714],
    [[0, 0, 1, 1], [1, 1, 0, 0], 1],
    [[0, 0, 0, 0], [0, 1, 2, 3], 0],
    [[0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2], 0.4444444444444444],
  ])('ARI(%j, %j) = %d', (a, b, expected) => {
    expect(adjustedRandIndex(a, b)).toBeCloseTo(expected, 12);
  });
});
