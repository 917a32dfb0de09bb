import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { createMatrix } from './matrix.js';
import { fitPca, pcaFromJson } from './pca.js';

describe('fitPca (power iteration)', () => {
  it('finds the axes of a known covariance', () => {
    // Independent sd 3, 1, 0.5 along axes rotated 30 degrees in the first plane.
    const rng = createRng(2);
    const n = 20_000;
    const th = Math.PI / 6;
    const data = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = 3 * rng.normal();
      const b = 1 * rng.normal();
      data[i * 3] = 10 + a * Math.cos(th) - b * Math.sin(th);
      data[i * 3 + 1] = -5 + a * Math.sin(th) + b * Math.cos(th);
      data[i * 3 + 2] = 0.5 * rng.normal();
    }
    const pca = fitPca(createMatrix(n, 3, data));
    const [c1, c2] = [0, 1].map((c) => Array.from(pca.components.data.subarray(c * 3, c * 3 + 3)));
    expect(c1![0]).toBeCloseTo(Math.cos(th), 2);
    expect(c1![1]).toBeCloseTo(Math.sin(th), 2);
    expect(Math.abs(c2![0]!)).toBeCloseTo(Math.sin(th), 2);
    expect(pca.explainedVariance[0]).toBeCloseTo(9, 0);
    expect(pca.explainedVariance[1]).toBeCloseTo(1, 1);
    expect(pca.explainedVarianceRatio[0]! + pca.explainedVarianceRatio[1]!).toBeCloseTo(10 / 10.25, 2);
    // Orthonormal axes; projected map has the right variance.
    expect(c1!.reduce((s, v, j) => s + v * c2![j]!, 0)).toBeCloseTo(0, 10);
    const map = pca.transform(createMatrix(n, 3, data));
    expect(map.d).toBe(2);
    let v = 0;
    for (let i = 0; i < n; i++) v += map.data[i * 2]! ** 2;
    expect(v / n).toBeCloseTo(pca.explainedVariance[0]!, 6);
    const back = pcaFromJson(JSON.parse(JSON.stringify(pca)));
    expect(Array.from(back.transform(createMatrix(1, 3, Float64Array.from([1, 2, 3]))).data)).toEqual(
      Array.from(pca.transform(createMatrix(1, 3, Float64Array.from([1, 2, 3]))).data),
    );
  });
});
