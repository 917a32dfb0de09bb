import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs.js';
import { rosenbrock } from './testing-functions.js';
import type { Objective } from './types.js';

describe('bfgs', () => {
  it('minimises the extended Rosenbrock function to the gradient tolerance', () => {
    const r = bfgs(rosenbrock(4), Float64Array.from([-1.2, 1, -1.2, 1]), { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.gradientNorm).toBeLessThan(1e-8);
    for (const v of r.x) expect(v).toBeCloseTo(1, 8);
    expect(r.iterations).toBeLessThan(200);
  });

  it('backs off from a region where the objective is not finite', () => {
    // f = x − ln x on x > 0 (minimum at 1); from x = 0.05 the first full step lands at x < 0.
    const f: Objective = {
      dimension: 1,
      evaluate(x, g) {
        const v = x[0] as number;
        if (!(v > 0)) return Number.NaN;
        if (g) g[0] = 1 - 1 / v;
        return v - Math.log(v);
      },
    };
    const r = bfgs(f, Float64Array.from([0.05]));
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
  });

  it('reports a non-finite start and an iteration limit as values', () => {
    const bad: Objective = { dimension: 1, evaluate: () => Number.POSITIVE_INFINITY };
    expect(bfgs(bad, Float64Array.from([0])).stop).toBe('non-finite');
    const r = bfgs(rosenbrock(2), Float64Array.from([-1.2, 1]), { maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.stop).toBe('max-iterations');
    expect(r.iterations).toBe(3);
  });

  it('reports every accepted step to onIteration', () => {
    const seen: number[] = [];
    const r = bfgs(rosenbrock(2), Float64Array.from([-1.2, 1]), { onIteration: (i) => seen.push(i.value) });
    expect(seen.length).toBe(r.iterations);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1] as number);
  });
});
