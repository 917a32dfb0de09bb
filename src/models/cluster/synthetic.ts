import { createRng } from '../../core/rng.js';
import type { Matrix } from './matrix.js';

export interface BlobOptions {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** Standard deviation of the centres around the origin. Default 5. */
  readonly centreSpread?: number;
  /** Standard deviation of points around their centre (one value, or one per cluster). Default 1. */
  readonly noise?: number | readonly number[];
  readonly seed?: number;
  /** Write into this buffer (e.g. over a SharedArrayBuffer), n x d. */
  readonly into?: Float64Array;
}

/** Seeded isotropic Gaussian blobs with known labels, for tests and benchmarks. */
export function makeBlobs(options: BlobOptions): { x: Matrix; labels: Int32Array; centres: Float64Array } {
  const { n, d, k } = options;
  const rng = createRng(options.seed ?? 0);
  const spread = options.centreSpread ?? 5;
  const centres = Float64Array.from({ length: k * d }, () => rng.normal() * spread);
  const noise = options.noise ?? 1;
  const data = options.into ?? new Float64Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    labels[i] = c;
    const sd = typeof noise === 'number' ? noise : (noise[c] ?? 1);
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c * d + j]! + sd * rng.normal();
  }
  return { x: { n, d, data }, labels, centres };
}
