import type { Bounds } from './bounds.js';

/** Index of the first element > x. */
export function upperBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= x. */
export function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [start, end) of the times inside `b`. */
export function rangeIn(list: readonly number[], b: Bounds): [number, number] {
  const start = b.loIncl ? lowerBound(list, b.lo) : upperBound(list, b.lo);
  const end = b.hiIncl ? upperBound(list, b.hi) : lowerBound(list, b.hi);
  return [start, Math.max(start, end)];
}

export function countIn(list: readonly number[], b: Bounds): number {
  const start = b.loIncl ? lowerBound(list, b.lo) : upperBound(list, b.lo);
  const end = b.hiIncl ? upperBound(list, b.hi) : lowerBound(list, b.hi);
  return end > start ? end - start : 0;
}

/** Insert keeping the list sorted (events mostly arrive in order, so this is usually a push). */
export function insertSorted(list: number[], t: number): void {
  if (list.length === 0 || list[list.length - 1]! <= t) list.push(t);
  else list.splice(upperBound(list, t), 0, t);
}

/** Remove one occurrence of t, if present. */
export function removeSorted(list: number[], t: number): void {
  const i = lowerBound(list, t);
  if (list[i] === t) list.splice(i, 1);
}
