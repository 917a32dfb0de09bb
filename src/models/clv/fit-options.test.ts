import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.js';
import { readCdnowSummary } from './fixtures/cdnow.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { summariseRfm } from './summary.js';

const data = (() => {
  const s = summariseRfm(readCdnowSummary());
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
})();

describe('fit options', () => {
  it('penalizer: an L2 penalty on the natural-scale parameters shrinks them and lowers the likelihood', () => {
    const free = fitBgNbd(data);
    const pen = fitBgNbd(data, { penalizer: 0.1 });
    expect(free.ok && pen.ok).toBe(true);
    if (!free.ok || !pen.ok) return;
    const ss = (p: object) => Object.values(p).reduce((s: number, v: number) => s + v * v, 0);
    expect(ss(pen.model.params)).toBeLessThan(ss(free.model.params));
    expect(pen.model.logLikelihood).toBeLessThan(free.model.logLikelihood);
    expect(pen.model.penalizer).toBe(0.1);
  });

  it('starts and seed: a single start reaches the same optimum, and fits are deterministic', () => {
    const one = fitParetoNbd(data, { starts: 1 });
    const five = fitParetoNbd(data, { starts: 5, seed: 7 });
    expect(one.ok && five.ok).toBe(true);
    if (!one.ok || !five.ok) return;
    expect(one.model.diagnostics.starts).toBe(1);
    expect(five.model.diagnostics.starts).toBe(5);
    expect(five.model.logLikelihood).toBeCloseTo(one.model.logLikelihood, 6);
    const again = fitParetoNbd(data, { starts: 5, seed: 7 });
    expect(again.ok && again.model).toEqual(five.model);
  });
});
