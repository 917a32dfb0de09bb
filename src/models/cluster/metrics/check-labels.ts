import { invalidInput } from '../../../core/errors.js';
import type { Matrix } from '../matrix.js';

/** Labels must be one code >= 0 per row. */
export function checkLabels(x: Matrix, labels: Int32Array, what: string): void {
  if (labels.length !== x.n) throw invalidInput(`${what}: ${labels.length} labels for ${x.n} rows`);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! < 0)
      throw invalidInput(`${what}: label at row ${i} is ${labels[i]}, expected a code >= 0`);
  }
}

/** Number of distinct codes actually used. */
export function usedClusters(sizes: Int32Array): number {
  let used = 0;
  for (let c = 0; c < sizes.length; c++) if (sizes[c]! > 0) used++;
  return used;
}
