/**
 * Rows per block in likelihood sums: each block is summed on its own and the block totals are added, so the
 * rounding error of a sum over n rows grows like (BLOCK + n/BLOCK)·ε instead of n·ε. Over a million rows that keeps
 * the per-customer objective accurate to ~1e-15, which the line search needs near the optimum.
 */
export const BLOCK = 512;
