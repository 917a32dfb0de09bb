/**
 * Special functions in log space for the buy-till-you-die likelihoods: log-gamma, its sign for negative
 * arguments, log-beta, digamma and stable log-sum-exp helpers.
 */

// Lanczos coefficients of Numerical Recipes 3rd ed. §6.1 (gammln), accurate to about 1e-15.
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 0.00003399464998481189,
  0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275, -0.000026190838401581408,
  0.0000036899182659531625,
];

/** ln|Γ(x)|; +∞ at the poles x = 0, −1, −2, … (reflection formula for x < 0.5). */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    if (x === Math.floor(x)) return Number.POSITIVE_INFINITY;
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  let y = x;
  let tmp = x + 5.2421875;
  tmp = (x + 0.5) * Math.log(tmp) - tmp;
  let ser = 0.9999999999999971;
  for (let j = 0; j < 14; j++) ser += (LANCZOS[j] as number) / ++y;
  return tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** Sign of Γ(x): +1 for x > 0, alternating between the poles for x < 0 (NaN at the poles). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (x === Math.floor(x)) return Number.NaN;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b), for a, b > 0. */
export const lnBeta = (a: number, b: number): number => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

/** Digamma ψ(x) = d lnΓ(x)/dx: recurrence up to x ≥ 10, then the asymptotic series; reflection for x < 0. */
export function digamma(x: number): number {
  if (x <= 0) {
    if (x === Math.floor(x)) return Number.NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  let z = x;
  while (z < 10) {
    acc -= 1 / z;
    z += 1;
  }
  const z2 = 1 / (z * z);
  return (
    acc +
    Math.log(z) -
    0.5 / z -
    z2 * (1 / 12 - z2 * (1 / 120 - z2 * (1 / 252 - z2 * (1 / 240 - z2 * (1 / 132 - z2 * (691 / 32760))))))
  );
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(eᵃ − eᵇ) for a ≥ b; −∞ when they are equal (and when rounding makes b exceed a). */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  const d = b - a;
  if (!(d < 0)) return Number.NEGATIVE_INFINITY;
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/** ln Σ exp(vᵢ) over an array (log-sum-exp with the max factored out). */
export function logSumExp(values: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > m) m = values[i] as number;
  if (m === Number.NEGATIVE_INFINITY || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.exp((values[i] as number) - m);
  return m + Math.log(s);
}

/** (1 − uᵉ)/e for ln u = lnU, continuous at e = 0 (where it is −ln u). */
export function oneMinusPowOverExponent(lnU: number, e: number): number {
  const y = e * lnU;
  if (Math.abs(y) < 1e-8) return -lnU * (1 + y / 2);
  return -Math.expm1(y) / e;
}
