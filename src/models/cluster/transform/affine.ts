import type { Matrix } from '../matrix.js';

/** (x - centre) / scale column by column (a true division, as scikit-learn); NaN stays NaN. */
export function affine(x: Matrix, centre: readonly number[], scale: readonly number[]): Matrix {
  const { n, d } = x;
  const out = new Float64Array(n * d);
  const c = Float64Array.from(centre);
  const sc = Float64Array.from(scale);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) out[o + j] = (x.data[o + j]! - c[j]!) / sc[j]!;
  }
  return { n, d, data: out };
}
