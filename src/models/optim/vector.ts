/** Small dense vector helpers for the minimisers (n is tiny: a handful of model parameters). */

export const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

export const maxAbs = (a: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i] as number);
    if (!(v <= m)) m = v; // NaN propagates
  }
  return m;
};

export const allFinite = (a: Float64Array): boolean => {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
};

/** out = x + step·d */
export const axpy = (out: Float64Array, x: Float64Array, step: number, d: Float64Array): void => {
  for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) + step * (d[i] as number);
};
