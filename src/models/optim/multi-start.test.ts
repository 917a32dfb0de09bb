import { describe, expect, it } from 'vitest';
import { minimiseMultiStart } from './multi-start.js';
import type { Objective } from './types.js';

/** f = (x² − 1)² + 0.3x: a local minimum near x = 0.96 and the global one near x = −1.04. */
const doubleWell: Objective = {
  dimension: 1,
  evaluate(x, g) {
    const v = x[0] as number;
    if (g) g[0] = 4 * v * (v * v - 1) + 0.3;
    return (v * v - 1) ** 2 + 0.3 * v;
  },
};

describe('minimiseMultiStart', () => {
  it('keeps the best of several local optima and says how many starts agree', () => {
    const r = minimiseMultiStart(doubleWell, [
      Float64Array.from([1.5]),
      Float64Array.from([-1.5]),
      Float64Array.from([2]),
    ]);
    expect(r.best.x[0]).toBeLessThan(-1);
    expect(r.starts).toBe(3);
    expect(r.startsConverged).toBe(3);
    expect(r.startsAgreeing).toBe(1);
  });

  it('falls back to Nelder–Mead when BFGS stalls on a non-smooth objective', () => {
    // |x − 1| + 2|y + 2| has no gradient at its minimum: BFGS line searches stall near the kink.
    const kink: Objective = {
      dimension: 2,
      evaluate(x, g) {
        const a = (x[0] as number) - 1;
        const b = (x[1] as number) + 2;
        if (g) {
          g[0] = Math.sign(a);
          g[1] = 2 * Math.sign(b);
        }
        return Math.abs(a) + 2 * Math.abs(b);
      },
    };
    const r = minimiseMultiStart(kink, [Float64Array.from([4.3, 3.1])]);
    expect(r.usedFallback).toBe(true);
    expect(r.best.value).toBeLessThan(1e-6);
  });
});
