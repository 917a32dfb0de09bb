import type { Rng } from '../../core/rng.js';

/**
 * `size` distinct indices out of `0..n-1`, uniformly, by a partial Fisher-Yates shuffle (sorted ascending so
 * sampled rows keep their order). Returns all indices when size >= n.
 */
export function sampleWithoutReplacement(n: number, size: number, rng: Rng): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  // Sparse Fisher-Yates: only the swapped positions are stored, so sampling 10,000 of 10^6 is cheap.
  const swapped = new Map<number, number>();
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const vi = swapped.get(i) ?? i;
    const vj = swapped.get(j) ?? j;
    out[i] = vj;
    swapped.set(j, vi);
  }
  return out.sort();
}

/** `n` indices drawn with replacement (a bootstrap sample). */
export function sampleWithReplacement(n: number, size: number, rng: Rng): Int32Array {
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.int(n);
  return out;
}
