/**
 * CLV model benchmark: simulate 1,000,000 customers from BG/NBD (seeded), fit BG/NBD + Gamma-Gamma and
 * Pareto/NBD, score everyone (P(alive), expected purchases, spend, CLV), then fit every model on the full CDNOW
 * cohort. Build and run: npx tsc -p tsconfig.build.json && node dist/bench/clv.bench.js [customers]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dayNumber, readCdnowMaster } from '../src/models/clv/fixtures/cdnow.js';
import {
  calibrationSummary,
  type FitResult,
  type FittedModel,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  scoreCustomers,
  simulateCustomers,
  simulateSpend,
  summariseRfm,
  summariseSpend,
} from '../src/models/clv/index.js';

const TRUE_BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TRUE_GG = { p: 6.25, q: 3.74, gamma: 15.44 };

function time<T>(label: string, f: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = f();
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(52)} ${seconds.toFixed(3).padStart(7)} s`);
  return { value, seconds };
}

const fmt = (o: object): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${(v as number).toPrecision(4)}`)
    .join(' ');

function report(label: string, r: FitResult<FittedModel>): void {
  if (!r.ok) {
    console.log(`  ${label}: FAILED ${r.reason}: ${r.message}`);
    return;
  }
  const d = r.model.diagnostics;
  console.log(
    `  ${label}: ${fmt(r.model.params)} LL=${r.model.logLikelihood.toFixed(3)} converged=${d.converged} ` +
      `iterations=${d.iterations} evaluations=${d.evaluations} starts agreeing=${d.startsAgreeing}/${d.starts}`,
  );
}

function unwrap<T, E extends { message: string }>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function main(n = 1_000_000): void {
  console.log(`node ${process.version}; ${n.toLocaleString('en')} simulated customers`);
  console.log(
    `  true BG/NBD ${fmt(TRUE_BG)}; true Gamma-Gamma ${fmt(TRUE_GG)}; a 12-week cohort observed 52 weeks, daily`,
  );
  const sim = time('simulate customers + spend', () => {
    const c = simulateCustomers({ kind: 'bgnbd', params: TRUE_BG }, { n, seed: 2024 });
    return { ...c, monetary: simulateSpend(TRUE_GG, c.x, 2025) };
  }).value;
  const rfm = time('summarise (x, tx, T) into weighted rows', () => unwrap(summariseRfm(sim)));
  const spend = time('summarise spend', () => unwrap(summariseSpend(sim)));
  console.log(
    `  ${rfm.value.nRows.toLocaleString('en')} distinct (x, tx, T) rows; ${spend.value.nCustomers.toLocaleString('en')} repeat buyers`,
  );

  const bg = time('fit BG/NBD', () => fitBgNbd(rfm.value));
  report('BG/NBD', bg.value);
  console.log(
    '  (same-day purchases merge on a daily grid, biasing alpha up ~5%; on a per-minute grid alpha = 4.41)',
  );
  const gg = time('fit Gamma-Gamma', () => fitGammaGamma(spend.value));
  report('Gamma-Gamma', gg.value);
  const fits = bg.seconds + gg.seconds;
  console.log(
    `BG/NBD + Gamma-Gamma: fits ${fits.toFixed(3)} s; with summaries ${(fits + rfm.seconds + spend.seconds).toFixed(3)} s (target < 5 s)`,
  );
  const pn = time('fit Pareto/NBD (target < 20 s)', () => fitParetoNbd(rfm.value));
  report('Pareto/NBD', pn.value);
  if (!bg.value.ok || !gg.value.ok) return;
  const bgModel = bg.value.model;
  const ggModel = gg.value.model;
  const options = { horizon: 52, periods: 12, discountRate: 0.01 };
  const scored = time('score all: p_alive, E[Y(52)], spend, CLV (target < 3 s)', () =>
    scoreCustomers(bgModel, ggModel, sim, { ...options, nextPurchase: false }),
  );
  time('score all + median time to next purchase', () => scoreCustomers(bgModel, ggModel, sim, options));
  if (pn.value.ok) {
    const pnModel = pn.value.model;
    time('score all with Pareto/NBD (+ next purchase)', () => scoreCustomers(pnModel, ggModel, sim, options));
  }
  let clv = 0;
  let alive = 0;
  for (let i = 0; i < n; i++) {
    clv += scored.value.clv?.[i] ?? 0;
    alive += scored.value.pAlive[i] as number;
  }
  console.log(`  mean p_alive ${(alive / n).toFixed(4)}; mean 52-week CLV ${(clv / n).toFixed(3)}`);

  console.log('CDNOW master: 23,570 customers, purchases to 1998-06-30, weeks');
  const periods = time('read + summarise CDNOW_master.txt', () => {
    const p = calibrationSummary(readCdnowMaster(), { calibrationEnd: dayNumber(19980630), unitDays: 7 });
    return { rfm: unwrap(summariseRfm(p)), spend: unwrap(summariseSpend(p)) };
  }).value;
  report('BG/NBD', time('fit BG/NBD', () => fitBgNbd(periods.rfm)).value);
  report('MBG/NBD', time('fit MBG/NBD', () => fitMbgNbd(periods.rfm)).value);
  report('Pareto/NBD', time('fit Pareto/NBD', () => fitParetoNbd(periods.rfm)).value);
  report('Gamma-Gamma', time('fit Gamma-Gamma', () => fitGammaGamma(periods.spend)).value);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(Number(process.argv[2] ?? 1_000_000));
