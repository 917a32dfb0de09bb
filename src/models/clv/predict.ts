import { purchaseKernel } from './purchase-kernel.js';
import type { PurchaseModel, RfmColumns } from './types.js';

/**
 * Purchase-model predictions, one name for every model (BG/NBD, MBG/NBD, Pareto/NBD), dispatched on `kind`.
 * Equations are cited in beta-geometric-predictions.ts and pareto-nbd.ts. Time is in the model's unit.
 */

/** P(alive at T | x, tₓ, T): Fader, Hardie & Lee 2008 BG/NBD P(alive) note; Batislam et al. 2007; FHL 2005 Pareto/NBD note §5. */
export const probabilityAlive = (model: PurchaseModel, x: number, tx: number, T: number): number =>
  purchaseKernel(model).pAlive(x, tx, T);

/** E[Y(t) | x, tₓ, T], purchases in (T, T+t]: FHL 2005 eq. 10; Wagner & Hoppe 2008 (MBG/NBD); FHL 2005 Pareto/NBD note §6. */
export function conditionalExpectedPurchases(
  model: PurchaseModel,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const k = purchaseKernel(model);
  return t <= 0 ? 0 : k.pAlive(x, tx, T) * k.expectedIfAlive(t, x, T);
}

/** P(no purchase in (T, T+t] | x, tₓ, T) = 1 − P(alive)·(1 − P(no purchase | alive)); see the model files. */
export function probabilityOfZeroPurchases(
  model: PurchaseModel,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const k = purchaseKernel(model);
  const pa = k.pAlive(x, tx, T);
  return 1 - pa + pa * k.noPurchaseIfAlive(t, x, T);
}

/** E[X(t)] for a randomly chosen new customer: FHL 2005 eq. 7; Batislam et al. 2007; FHL 2005 Pareto/NBD note §4. */
export const expectedPurchases = (model: PurchaseModel, t: number): number =>
  purchaseKernel(model).expected(t);

/**
 * Median time after T until the next purchase, given that the customer buys again (use `probabilityAlive` for
 * whether they will). BG/NBD, MBG/NBD: (α+T)(2^(1/(r+x)) − 1); Pareto/NBD: by bisection. Depends on (x, T) only.
 */
export const medianTimeToNextPurchase = (model: PurchaseModel, x: number, T: number): number =>
  purchaseKernel(model).medianTimeToNext(x, T);

const output = (n: number, out?: Float64Array): Float64Array => {
  if (out && out.length < n) throw new RangeError(`output array has ${out.length} slots, need ${n}`);
  return out ?? new Float64Array(n);
};

/** Vectorised {@link probabilityAlive} over columns (writes into `out` when given). */
export function probabilityAliveMany(model: PurchaseModel, c: RfmColumns, out?: Float64Array): Float64Array {
  const k = purchaseKernel(model);
  const n = c.x.length;
  const res = output(n, out);
  for (let i = 0; i < n; i++) res[i] = k.pAlive(c.x[i] as number, c.tx[i] as number, c.T[i] as number);
  return res;
}

/** Vectorised {@link conditionalExpectedPurchases}. */
export function conditionalExpectedPurchasesMany(
  model: PurchaseModel,
  t: number,
  c: RfmColumns,
  out?: Float64Array,
): Float64Array {
  const k = purchaseKernel(model);
  const n = c.x.length;
  const res = output(n, out);
  for (let i = 0; i < n; i++) {
    const x = c.x[i] as number;
    const T = c.T[i] as number;
    res[i] = t <= 0 ? 0 : k.pAlive(x, c.tx[i] as number, T) * k.expectedIfAlive(t, x, T);
  }
  return res;
}

/** Vectorised {@link probabilityOfZeroPurchases}. */
export function probabilityOfZeroPurchasesMany(
  model: PurchaseModel,
  t: number,
  c: RfmColumns,
  out?: Float64Array,
): Float64Array {
  const k = purchaseKernel(model);
  const n = c.x.length;
  const res = output(n, out);
  for (let i = 0; i < n; i++) {
    const x = c.x[i] as number;
    const T = c.T[i] as number;
    const pa = k.pAlive(x, c.tx[i] as number, T);
    res[i] = 1 - pa + pa * k.noPurchaseIfAlive(t, x, T);
  }
  return res;
}

/** Vectorised {@link medianTimeToNextPurchase}. */
export function medianTimeToNextPurchaseMany(
  model: PurchaseModel,
  c: RfmColumns,
  out?: Float64Array,
): Float64Array {
  const k = purchaseKernel(model);
  const n = c.x.length;
  const res = output(n, out);
  for (let i = 0; i < n; i++) res[i] = k.medianTimeToNext(c.x[i] as number, c.T[i] as number);
  return res;
}
