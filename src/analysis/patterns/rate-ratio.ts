import { fisherExactTwoSided } from './fisher-exact.js';
import { twoSidedP } from './normal-tail.js';

/**
 * Per-customer sums for two conversion rates measured on the same customers (conversions `ka` of sends `na`
 * with creative A, `kb` of `nb` with B): first moments and every product of x = (ka, na, kb, nb). Plain sums,
 * so the rest of the base is the base minus the segment.
 */
export interface RatePairMoments {
  readonly customers: number;
  readonly ka: number;
  readonly na: number;
  readonly kb: number;
  readonly nb: number;
  readonly kaKa: number;
  readonly kaNa: number;
  readonly kaKb: number;
  readonly kaNb: number;
  readonly naNa: number;
  readonly naKb: number;
  readonly naNb: number;
  readonly kbKb: number;
  readonly kbNb: number;
  readonly nbNb: number;
}

const FIELDS = [
  'customers',
  'ka',
  'na',
  'kb',
  'nb',
  'kaKa',
  'kaNa',
  'kaKb',
  'kaNb',
  'naNa',
  'naKb',
  'naNb',
  'kbKb',
  'kbNb',
  'nbNb',
] as const satisfies readonly (keyof RatePairMoments)[];

export function subtractRatePairMoments(base: RatePairMoments, part: RatePairMoments): RatePairMoments {
  return Object.fromEntries(FIELDS.map((f) => [f, base[f] - part[f]])) as unknown as RatePairMoments;
}

/**
 * log(rateA / rateB) and its cluster-robust (linearisation, "sandwich") variance: with
 * u_i = ka_i/Ka − na_i/Na − kb_i/Kb + nb_i/Nb, Var = n/(n−1)·Σu_i². When every customer got one send it is the
 * textbook delta-method 1/Ka − 1/Na + 1/Kb − 1/Nb (Katz et al. 1978); repeated sends to the same customer, and
 * customers who convert on everything, widen it.
 */
export function logRateRatio(g: RatePairMoments): { logRatio: number; variance: number } {
  if (g.ka <= 0 || g.kb <= 0 || g.na <= 0 || g.nb <= 0 || g.customers < 2) {
    return { logRatio: Number.NaN, variance: Number.POSITIVE_INFINITY };
  }
  const c1 = 1 / g.ka;
  const c2 = -1 / g.na;
  const c3 = -1 / g.kb;
  const c4 = 1 / g.nb;
  const ss =
    c1 * c1 * g.kaKa +
    c2 * c2 * g.naNa +
    c3 * c3 * g.kbKb +
    c4 * c4 * g.nbNb +
    2 *
      (c1 * c2 * g.kaNa +
        c1 * c3 * g.kaKb +
        c1 * c4 * g.kaNb +
        c2 * c3 * g.naKb +
        c2 * c4 * g.naNb +
        c3 * c4 * g.kbNb);
  const logRatio = Math.log(g.ka / g.na) - Math.log(g.kb / g.nb);
  return { logRatio, variance: (g.customers / (g.customers - 1)) * Math.max(0, ss) };
}

export interface RateComparison {
  readonly rateA: number;
  readonly rateB: number;
  /** rateA / rateB (with ½ added to every cell when a count is 0). */
  readonly ratio: number;
  /** The 95% interval bound of the ratio nearest to 1: how far from "no difference" it surely is. */
  readonly ratioNear1: number;
  readonly p: number;
  readonly test: 'clustered-z' | 'fisher';
}

const Z95 = 1.959963984540054;

/**
 * Is rate A different from rate B within one group? Cluster-robust z on log(rateA/rateB); Fisher's exact test
 * when an expected count of the 2x2 table is below 5 (then sends are treated as independent).
 */
export function compareRates(g: RatePairMoments): RateComparison {
  const rateA = g.na > 0 ? g.ka / g.na : 0;
  const rateB = g.nb > 0 ? g.kb / g.nb : 0;
  const total = g.na + g.nb;
  const conversions = g.ka + g.kb;
  const expected = [
    (g.na * conversions) / total,
    (g.na * (total - conversions)) / total,
    (g.nb * conversions) / total,
    (g.nb * (total - conversions)) / total,
  ];
  if (total <= 0 || expected.some((e) => !(e >= 5)) || g.ka === 0 || g.kb === 0) {
    const ratio = (g.ka + 0.5) / (g.na + 0.5) / ((g.kb + 0.5) / (g.nb + 0.5));
    const se = Math.sqrt(1 / (g.ka + 0.5) - 1 / (g.na + 0.5) + 1 / (g.kb + 0.5) - 1 / (g.nb + 0.5));
    const p = total > 0 ? fisherExactTwoSided(g.ka, g.na - g.ka, g.kb, g.nb - g.kb) : 1;
    return { rateA, rateB, ratio, ratioNear1: nearOne(Math.log(ratio), se), p, test: 'fisher' };
  }
  const { logRatio, variance } = logRateRatio(g);
  const se = Math.sqrt(variance);
  const z = se > 0 && Number.isFinite(se) ? logRatio / se : 0;
  return {
    rateA,
    rateB,
    ratio: Math.exp(logRatio),
    ratioNear1: nearOne(logRatio, se),
    p: twoSidedP(z),
    test: 'clustered-z',
  };
}

/**
 * Does group 1 prefer A over B more (or less) than group 2 does? z-test of log ratio 1 − log ratio 2 with the
 * cluster-robust variances of two disjoint groups of customers (a ratio-of-ratios, or interaction, test).
 */
export function compareRateRatios(
  g1: RatePairMoments,
  g2: RatePairMoments,
): { readonly ratio1: number; readonly ratio2: number; readonly z: number; readonly p: number } {
  const a = logRateRatio(g1);
  const b = logRateRatio(g2);
  const v = a.variance + b.variance;
  const ok = Number.isFinite(a.logRatio) && Number.isFinite(b.logRatio) && Number.isFinite(v) && v > 0;
  const z = ok ? (a.logRatio - b.logRatio) / Math.sqrt(v) : 0;
  return {
    ratio1: Number.isFinite(a.logRatio) ? Math.exp(a.logRatio) : Number.NaN,
    ratio2: Number.isFinite(b.logRatio) ? Math.exp(b.logRatio) : Number.NaN,
    z,
    p: ok ? twoSidedP(z) : 1,
  };
}

function nearOne(logRatio: number, se: number): number {
  if (!Number.isFinite(se)) return 1;
  const bound = logRatio >= 0 ? Math.max(0, logRatio - Z95 * se) : Math.min(0, logRatio + Z95 * se);
  return Math.exp(bound);
}
