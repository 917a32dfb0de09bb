import { assertNever } from '../../core/assert-never.js';
import {
  betaGeoExpectedPurchasesIfAlive,
  betaGeoMedianTimeToNextPurchase,
  betaGeoNoPurchaseIfAlive,
  betaGeoProbabilityAlive,
} from './beta-geometric-predictions.js';
import {
  paretoNbdExpectedPurchases,
  paretoNbdExpectedPurchasesIfAlive,
  paretoNbdMedianTimeToNextPurchase,
  paretoNbdNoPurchaseIfAlive,
  paretoNbdProbabilityAlive,
} from './pareto-nbd.js';
import type { PurchaseModel } from './types.js';

/**
 * Every purchase-model prediction factors as P(alive | x, tₓ, T) × a quantity given alive that depends on (x, T)
 * only. The kernel exposes those factors with the parameters bound once, so scoring loops neither dispatch nor
 * recompute P(alive) per horizon step.
 */
export interface PurchaseKernel {
  pAlive(x: number, tx: number, T: number): number;
  /** E[Y(t) | alive at T, x, T]. */
  expectedIfAlive(t: number, x: number, T: number): number;
  /** P(no purchase in (T, T+t] | alive at T, x, T). */
  noPurchaseIfAlive(t: number, x: number, T: number): number;
  /** Median time after T to the next purchase, given there is one. */
  medianTimeToNext(x: number, T: number): number;
  /** Unconditional E[X(t)] for a new customer. */
  expected(t: number): number;
}

export function purchaseKernel(model: PurchaseModel): PurchaseKernel {
  switch (model.kind) {
    case 'bgnbd':
    case 'mbgnbd': {
      const p = { ...model.params };
      const shift = model.kind === 'bgnbd' ? 0 : 1;
      return {
        pAlive: (x, tx, T) => betaGeoProbabilityAlive(p, x, tx, T, shift),
        expectedIfAlive: (t, x, T) => betaGeoExpectedPurchasesIfAlive(p, t, x, T, shift),
        noPurchaseIfAlive: (t, x, T) => betaGeoNoPurchaseIfAlive(p, t, x, T),
        medianTimeToNext: (x, T) => betaGeoMedianTimeToNextPurchase(p, x, T),
        // E[X(t)] is the conditional expectation of a customer with x = tₓ = T = 0 (eq. 7 of FHL 2005;
        // Batislam et al. 2007 for MBG/NBD, whose time-0 dropout enters through P(alive | 0, 0, 0) = b/(a+b)).
        expected: (t) =>
          betaGeoProbabilityAlive(p, 0, 0, 0, shift) * betaGeoExpectedPurchasesIfAlive(p, t, 0, 0, shift),
      };
    }
    case 'paretonbd': {
      const p = { ...model.params };
      return {
        pAlive: (x, tx, T) => paretoNbdProbabilityAlive(p, x, tx, T),
        expectedIfAlive: (t, x, T) => paretoNbdExpectedPurchasesIfAlive(p, t, x, T),
        noPurchaseIfAlive: (t, x, T) => paretoNbdNoPurchaseIfAlive(p, t, x, T),
        medianTimeToNext: (x, T) => paretoNbdMedianTimeToNextPurchase(p, x, T),
        expected: (t) => paretoNbdExpectedPurchases(p, t),
      };
    }
    default:
      return assertNever(model, 'purchase model');
  }
}
