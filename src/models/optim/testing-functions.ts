import type { Objective } from './types.js';

/** Extended Rosenbrock function in n (even) dimensions with its gradient: minimum 0 at (1, …, 1). For tests. */
export function rosenbrock(n: number): Objective {
  return {
    dimension: n,
    evaluate(x, g) {
      let f = 0;
      if (g) g.fill(0);
      for (let i = 0; i < n; i += 2) {
        const a = x[i] as number;
        const b = x[i + 1] as number;
        const t1 = 10 * (b - a * a);
        const t2 = 1 - a;
        f += t1 * t1 + t2 * t2;
        if (g) {
          g[i] = -40 * a * t1 - 2 * t2;
          g[i + 1] = 20 * t1;
        }
      }
      return f;
    },
  };
}
