import { invalidInput } from '../../core/errors.js';

/** Labels as dense codes `0..names.length-1`, with the original name of each code. */
export interface EncodedLabels {
  readonly codes: Int32Array;
  readonly names: readonly string[];
}

/**
 * Encode any labelling (cluster numbers, RFM group names, lifecycle stages) as dense integer codes. Names are
 * sorted (numerically when all labels are numbers) so the encoding does not depend on row order.
 */
export function encodeLabels(labels: ArrayLike<string | number>): EncodedLabels {
  const seen = new Map<string | number, number>();
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (typeof v === 'number' && !Number.isFinite(v)) throw invalidInput(`label at row ${i} is ${v}`);
    if (!seen.has(v)) seen.set(v, 0);
  }
  const keys = [...seen.keys()];
  const allNumbers = keys.every((k) => typeof k === 'number');
  keys.sort(
    allNumbers ? (a, b) => (a as number) - (b as number) : (a, b) => String(a).localeCompare(String(b)),
  );
  keys.forEach((k, c) => {
    seen.set(k, c);
  });
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) codes[i] = seen.get(labels[i]!)!;
  return { codes, names: keys.map(String) };
}

/** Number of clusters implied by codes (max + 1); codes must be non-negative integers. */
export function clusterCount(codes: Int32Array): number {
  let k = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) throw invalidInput(`label at row ${i} is ${c}, expected a code >= 0`);
    if (c + 1 > k) k = c + 1;
  }
  return k;
}

/** Members per code. */
export function clusterSizes(codes: Int32Array, k: number = clusterCount(codes)): Int32Array {
  const sizes = new Int32Array(k);
  for (let i = 0; i < codes.length; i++) sizes[codes[i]!]!++;
  return sizes;
}
