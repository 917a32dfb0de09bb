import { describe, expect, it } from 'vitest';
import {
  compareRateRatios,
  compareRates,
  logRateRatio,
  type RatePairMoments,
  subtractRatePairMoments,
} from './rate-ratio.js';

type Customer = readonly [ka: number, na: number, kb: number, nb: number];

function moments(rows: readonly Customer[]): RatePairMoments {
  const m = {
    customers: rows.length,
    ka: 0,
    na: 0,
    kb: 0,
    nb: 0,
    kaKa: 0,
    kaNa: 0,
    kaKb: 0,
    kaNb: 0,
    naNa: 0,
    naKb: 0,
    naNb: 0,
    kbKb: 0,
    kbNb: 0,
    nbNb: 0,
  };
  for (const [ka, na, kb, nb] of rows) {
    m.ka += ka;
    m.na += na;
    m.kb += kb;
    m.nb += nb;
    m.kaKa += ka * ka;
    m.kaNa += ka * na;
    m.kaKb += ka * kb;
    m.kaNb += ka * nb;
    m.naNa += na * na;
    m.naKb += na * kb;
    m.naNb += na * nb;
    m.kbKb += kb * kb;
    m.kbNb += kb * nb;
    m.nbNb += nb * nb;
  }
  return m;
}

/** Independent reference: the linearisation variance summed customer by customer. */
function directVariance(rows: readonly Customer[]): number {
  const sum = (j: number) => rows.reduce((s, r) => s + (r[j] ?? 0), 0);
  const [ka, na, kb, nb] = [sum(0), sum(1), sum(2), sum(3)];
  let ss = 0;
  for (const [a, n, b, t] of rows) ss += (a / ka - n / na - b / kb + t / nb) ** 2;
  return (rows.length / (rows.length - 1)) * ss;
}

const repeat = (n: number, row: Customer): Customer[] => Array.from({ length: n }, () => row);

describe('cluster-robust log rate ratio', () => {
  it('with one send per customer is the delta-method variance 1/Ka − 1/Na + 1/Kb − 1/Nb', () => {
    // A: 30 of 200 convert; B: 15 of 200.
    const rows = [
      ...repeat(30, [1, 1, 0, 0]),
      ...repeat(170, [0, 1, 0, 0]),
      ...repeat(15, [0, 0, 1, 1]),
      ...repeat(185, [0, 0, 0, 1]),
    ];
    const r = logRateRatio(moments(rows));
    expect(r.logRatio).toBeCloseTo(Math.log(2), 12);
    expect(r.variance).toBeCloseTo((400 / 399) * (1 / 30 - 1 / 200 + 1 / 15 - 1 / 200), 12);
  });

  it('equals the customer-by-customer sum when customers get several sends of both kinds', () => {
    const rows: Customer[] = [
      [2, 4, 1, 3],
      [0, 3, 0, 3],
      [1, 1, 0, 2],
      [3, 5, 2, 5],
      [0, 2, 1, 2],
      [1, 3, 0, 1],
      [0, 0, 1, 4],
    ];
    expect(logRateRatio(moments(rows)).variance).toBeCloseTo(directVariance(rows), 12);
  });

  it('tests within a group (z) and falls back to Fisher on small counts', () => {
    const rows = [
      ...repeat(30, [1, 1, 0, 0]),
      ...repeat(170, [0, 1, 0, 0]),
      ...repeat(15, [0, 0, 1, 1]),
      ...repeat(185, [0, 0, 0, 1]),
    ];
    const big = compareRates(moments(rows));
    expect(big.test).toBe('clustered-z');
    expect(big.ratio).toBeCloseTo(2, 12);
    const se = Math.sqrt((400 / 399) * (1 / 30 - 1 / 200 + 1 / 15 - 1 / 200));
    expect(big.ratioNear1).toBeCloseTo(Math.exp(Math.log(2) - 1.959963984540054 * se), 12);
    expect(big.p).toBeCloseTo(0.02102135659204543, 10); // z = 2.3076, by hand with scipy's normal tail
    // 3 of 10 vs 1 of 10 has expected counts of 2: Fisher, p = 0.5820 (scipy.stats.fisher_exact).
    const small = compareRates(
      moments([
        ...repeat(3, [1, 1, 0, 0]),
        ...repeat(7, [0, 1, 0, 0]),
        ...repeat(1, [0, 0, 1, 1]),
        ...repeat(9, [0, 0, 0, 1]),
      ]),
    );
    expect(small.test).toBe('fisher');
    expect(small.p).toBeCloseTo(0.5820433436532507, 10);
    expect(small.ratioNear1).toBe(1);
  });

  it('compares the preference of a segment with the rest (interaction)', () => {
    const seg = moments([
      ...repeat(30, [1, 1, 0, 0]),
      ...repeat(170, [0, 1, 0, 0]),
      ...repeat(15, [0, 0, 1, 1]),
      ...repeat(185, [0, 0, 0, 1]),
    ]);
    const rest = moments([
      ...repeat(100, [1, 1, 0, 0]),
      ...repeat(900, [0, 1, 0, 0]),
      ...repeat(100, [0, 0, 1, 1]),
      ...repeat(900, [0, 0, 0, 1]),
    ]);
    const r = compareRateRatios(seg, rest);
    expect(r.ratio1).toBeCloseTo(2, 12);
    expect(r.ratio2).toBeCloseTo(1, 12);
    const v = logRateRatio(seg).variance + logRateRatio(rest).variance;
    expect(r.z).toBeCloseTo(Math.log(2) / Math.sqrt(v), 12);
    const base = moments([...repeat(2, [1, 2, 0, 1]), ...repeat(3, [0, 1, 1, 1])]);
    const part = moments(repeat(2, [1, 2, 0, 1]));
    expect(subtractRatePairMoments(base, part)).toEqual(moments(repeat(3, [0, 1, 1, 1])));
    expect(compareRateRatios(part, base).p).toBe(1); // no B conversions in `part`: not testable
  });
});
