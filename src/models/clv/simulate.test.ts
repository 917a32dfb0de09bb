import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { fitMbgNbd } from './mbgnbd.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { simulateCustomers, simulateSpend } from './simulate.js';
import { summariseRfm, summariseSpend } from './summary.js';
import type { FitResult, FittedModel, PurchaseModel } from './types.js';

/** Every recovered parameter within `tol` (relative) of the truth. */
const recovered = (r: FitResult<FittedModel>, truth: Record<string, number>, tol: number) => {
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  for (const [k, v] of Object.entries(truth)) {
    const est = (r.model.params as unknown as Record<string, number>)[k] as number;
    expect(Math.abs(est - v) / v, `${k}: ${est} vs ${v}`).toBeLessThan(tol);
  }
};

describe('parameter recovery on simulated customer bases (100,000 customers, a year, daily grid)', () => {
  const cases: [PurchaseModel, typeof fitBgNbd | typeof fitMbgNbd | typeof fitParetoNbd][] = [
    [{ kind: 'bgnbd', params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 } }, fitBgNbd],
    [{ kind: 'mbgnbd', params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 } }, fitMbgNbd],
    [{ kind: 'paretonbd', params: { r: 0.6, alpha: 8, s: 0.8, beta: 12 } }, fitParetoNbd],
  ];
  it.each(cases)('$kind', (model, fit) => {
    const sim = simulateCustomers(model, { n: 100_000, seed: 21 });
    const s = summariseRfm(sim);
    if (!s.ok) throw new Error(s.error.message);
    // Dropout parameters are the least precise (a few % standard error at this size); 15% is ~3 SE.
    recovered((fit as typeof fitBgNbd)(s.value), model.params as unknown as Record<string, number>, 0.15);
  });

  it('gammagamma', () => {
    const sim = simulateCustomers(
      { kind: 'bgnbd', params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 } },
      { n: 100_000, seed: 3 },
    );
    const truth = { p: 6.25, q: 3.74, gamma: 15.44 };
    const spend = summariseSpend({ x: sim.x, monetary: simulateSpend(truth, sim.x, 4) });
    if (!spend.ok) throw new Error(spend.error.message);
    recovered(fitGammaGamma(spend.value), truth, 0.1);
  });

  it('is deterministic for a seed', () => {
    const m: PurchaseModel = { kind: 'paretonbd', params: { r: 0.6, alpha: 8, s: 0.8, beta: 12 } };
    const a = simulateCustomers(m, { n: 1000, seed: 1 });
    const b = simulateCustomers(m, { n: 1000, seed: 1 });
    expect(Array.from(a.tx)).toEqual(Array.from(b.tx));
  });
});
