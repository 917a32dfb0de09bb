import { describe, expect, it } from 'vitest';
import { lnParetoIntegral, paretoTail } from './pareto-tail.js';

const lnJ = (
  pA: number,
  pB: number,
  A: number,
  B: number,
  u: number,
  method: 'auto' | 'series' | 'quadrature',
) => {
  const out = new Float64Array(5);
  paretoTail(pA, pB, A, B, u, out, 0, true, method);
  return out;
};

describe('paretoTail', () => {
  it('has the closed form when A = B', () => {
    const v = lnJ(2.3, 1.6, 7, 7, 3, 'auto');
    expect(v[0]).toBeCloseTo(-(2.3 + 1.6 - 1) * Math.log(10) - Math.log(2.3 + 1.6 - 1), 13);
  });

  it('matches 30-digit mpmath values (hyp2f1 closed form) in both orderings and both methods', () => {
    for (const [pA, pB, A, B, u, ref] of [
      [0.553 + 2, 1.606, 10.578, 11.669, 30.43, -12.914125373908929],
      [0.553, 1.606, 10.578, 11.669, 0, -2.9663431641752247],
      [1.2, 1.4, 40, 2, 5, -5.141672809294447],
      [3.5, 1.1, 0.5, 9, 1, -4.54991149280229],
      [1.2, 1.4, 1e4, 1e-3, 1e-2, -8.338184335107485],
      [0.05, 1.01, 3, 1e5, 0, 2.1275376646654283],
    ] as const) {
      expect(lnJ(pA, pB, A, B, u, 'auto')[0]).toBeCloseTo(ref, 10);
      expect(lnJ(pA, pB, A, B, u, 'quadrature')[0]).toBeCloseTo(ref, 9);
    }
  });

  it('series and quadrature agree (value and gradient) where both apply', () => {
    for (const [pA, pB, A, B, u] of [
      [2.5, 1.6, 10, 1.2, 0.3],
      [0.3, 1.05, 1, 30, 2],
      [40, 1.6, 5, 50, 1],
      [0.2, 1.02, 100, 0.5, 1],
    ] as const) {
      const a = lnJ(pA, pB, A, B, u, 'series');
      const b = lnJ(pA, pB, A, B, u, 'quadrature');
      for (let i = 0; i < 5; i++)
        expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(a[i] as number)),
        );
    }
  });

  it('gradients match finite differences, including z close to 1', () => {
    for (const [pA, pB, A, B, u] of [
      [2.553, 1.606, 10.578, 11.669, 30.43],
      [1.2, 1.4, 40, 2, 5],
      [1.2, 1.4, 1e4, 1e-3, 1e-2],
      [0.05, 1.01, 3, 1e5, 0],
    ] as const) {
      const g = lnJ(pA, pB, A, B, u, 'auto');
      const args: number[] = [pA, pB, A, B];
      for (let k = 0; k < 4; k++) {
        const h = 1e-6 * Math.max(1, Math.abs(args[k] as number));
        const up = [...args];
        const dn = [...args];
        up[k] = (up[k] as number) + h;
        dn[k] = (dn[k] as number) - h;
        const fd =
          ((lnJ(up[0] as number, up[1] as number, up[2] as number, up[3] as number, u, 'auto')[0] as number) -
            (lnJ(
              dn[0] as number,
              dn[1] as number,
              dn[2] as number,
              dn[3] as number,
              u,
              'auto',
            )[0] as number)) /
          (2 * h);
        expect(Math.abs((g[k + 1] as number) - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('integrates over a finite interval as a difference of tails', () => {
    const whole = lnParetoIntegral(1.5, 1.6, 3, 4, 0, Number.POSITIVE_INFINITY);
    const left = lnParetoIntegral(1.5, 1.6, 3, 4, 0, 10);
    const right = lnParetoIntegral(1.5, 1.6, 3, 4, 10, Number.POSITIVE_INFINITY);
    expect(Math.exp(left) + Math.exp(right)).toBeCloseTo(Math.exp(whole), 14);
    expect(lnParetoIntegral(1.5, 1.6, 3, 4, 5, 5)).toBe(Number.NEGATIVE_INFINITY);
  });
});
