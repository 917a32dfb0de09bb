import { describe, expect, it } from 'vitest';
import { cholesky, inverseFromCholesky } from './cholesky.js';
import { hessianFromGradient, numericalGradient, withNumericalGradient } from './finite-difference.js';
import { rosenbrock } from './testing-functions.js';
import type { Objective } from './types.js';

const A = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2];
/** f = ½ xᵀAx with gradient Ax. */
const quadratic: Objective = {
  dimension: 3,
  evaluate(x, g) {
    let f = 0;
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += (A[i * 3 + j] as number) * (x[j] as number);
      if (g) g[i] = s;
      f += 0.5 * (x[i] as number) * s;
    }
    return f;
  },
};

describe('finite differences', () => {
  it('recovers the Hessian of a quadratic from its gradient', () => {
    const H = hessianFromGradient(quadratic, Float64Array.from([0.3, -1, 2]));
    for (let i = 0; i < 9; i++) expect(H[i]).toBeCloseTo(A[i] as number, 9);
  });

  it('approximates gradients by central differences', () => {
    const x = Float64Array.from([-1.2, 1]);
    const g = new Float64Array(2);
    rosenbrock(2).evaluate(x, g);
    const fd = numericalGradient(rosenbrock(2), x);
    expect(fd[0]).toBeCloseTo(g[0] as number, 5);
    const wrapped = new Float64Array(2);
    withNumericalGradient({ dimension: 2, evaluate: (v) => rosenbrock(2).evaluate(v, null) }).evaluate(
      x,
      wrapped,
    );
    expect(wrapped[1]).toBeCloseTo(g[1] as number, 5);
  });
});

describe('cholesky', () => {
  it('inverts a symmetric positive-definite matrix', () => {
    const L = cholesky(Float64Array.from(A), 3);
    expect(L).not.toBeNull();
    const inv = inverseFromCholesky(L as Float64Array, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += (A[i * 3 + k] as number) * (inv[k * 3 + j] as number);
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('returns null for an indefinite matrix', () => {
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});
