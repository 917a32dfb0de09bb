import { describe, expect, it } from 'vitest';
import { hyp2f1, hyp2f1Series } from './hyp2f1.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('hyp2f1', () => {
  it('reproduces elementary closed forms on every branch', () => {
    for (const z of [-5, -0.95, -0.3, 0.2, 0.5, 0.9, 0.95, 0.999, 0.999999]) {
      // ₂F₁(1, 1; 2; z) = −ln(1−z)/z: c − a − b = 0, the degenerate connection case for z > 0.9.
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-8);
      // ₂F₁(a, b; b; z) = (1−z)^(−a)
      expect(rel(hyp2f1(0.7, 2.3, 2.3, z), (1 - z) ** -0.7)).toBeLessThan(1e-9);
    }
    for (const x of [0.3, 0.9, 0.99, 0.99999]) {
      // ₂F₁(½, ½; 3/2; x²) = arcsin(x)/x: c − a − b = ½.
      expect(rel(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-12);
    }
  });

  it('connection formula agrees with the slowly converging series at z = 0.95', () => {
    for (const [a, b, c] of [
      [0.243 + 2, 2.426 + 2, 0.793 + 2.426 + 1],
      [2.6, -0.4, 4.9],
      [1.3, 0.8, 0.55],
    ] as const) {
      expect(rel(hyp2f1(a, b, c, 0.95), hyp2f1Series(a, b, c, 0.95))).toBeLessThan(1e-10);
    }
  });

  it('handles the degenerate integer c − a − b (mpmath reference)', () => {
    expect(rel(hyp2f1(2.6, -0.4, 5.2, 0.95), 0.7588488506380102)).toBeLessThan(1e-12);
  });

  it('terminates for polynomial cases and rejects undefined ones', () => {
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(
      1 - (2 * 3 * 0.5) / 4 + (2 * 1 * 3 * 4 * 0.25) / (4 * 5 * 2),
      14,
    );
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.3)).toBeNaN();
  });
});
