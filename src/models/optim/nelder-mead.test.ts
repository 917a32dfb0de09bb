import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';
import { rosenbrock } from './testing-functions.js';

describe('nelderMead', () => {
  it('minimises Rosenbrock without gradients', () => {
    const r = nelderMead(rosenbrock(2), Float64Array.from([-1.2, 1]), { maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(Number.isNaN(r.gradientNorm)).toBe(true);
  });

  it('treats non-finite values as +∞', () => {
    const r = nelderMead(
      { dimension: 1, evaluate: (x) => ((x[0] as number) < 0.5 ? Number.NaN : ((x[0] as number) - 2) ** 2) },
      Float64Array.from([3]),
    );
    expect(r.x[0]).toBeCloseTo(2, 4);
  });
});
