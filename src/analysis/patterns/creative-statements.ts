import type { CreativeTest } from './creative-response.js';
import type { ResolvedPatternOptions } from './options.js';
import { creativeAdjective, formatLift, formatP, formatPoints, formatShare } from './phrasing.js';
import type { CreativeStatement } from './statement.js';

/**
 * A statement when the segment's creatives differ (q within < alpha), the segment differs from the others in
 * the same direction (q versus < alpha, and it leans further towards the better creative), with enough
 * customers and a ratio of at least `minLift`.
 */
export function creativeStatements(
  tests: readonly CreativeTest[],
  qWithin: readonly number[],
  qVersus: readonly number[],
  o: ResolvedPatternOptions,
): CreativeStatement[] {
  const out: CreativeStatement[] = [];
  tests.forEach((t, i) => {
    const w = t.within;
    const aBetter = w.ratio >= 1;
    const lift = aBetter ? w.ratio : 1 / w.ratio;
    const othersRatio = aBetter ? t.versus.ratio2 : 1 / t.versus.ratio2;
    const q = qWithin[i] ?? 1;
    const qv = qVersus[i] ?? 1;
    if (q >= o.alpha || qv >= o.alpha || lift < o.minLift || !(lift > othersRatio)) return;
    if (t.inSegment.customers < o.minCustomers) return;
    const [a, b] = o.creatives;
    const s = t.inSegment;
    const better = aBetter ? a : b;
    const worse = aBetter ? b : a;
    const rates = aBetter ? { better: w.rateA, worse: w.rateB } : { better: w.rateB, worse: w.rateA };
    const c = t.controls;
    const controlA = c.a > 0 ? w.rateA - c.ka / c.a : null;
    const controlB = c.b > 0 ? w.rateB - c.kb / c.b : null;
    const uplift = aBetter ? { better: controlA, worse: controlB } : { better: controlB, worse: controlA };
    const n = {
      customers: s.customers,
      betterSends: aBetter ? s.na : s.nb,
      betterConversions: aBetter ? s.ka : s.kb,
      worseSends: aBetter ? s.nb : s.na,
      worseConversions: aBetter ? s.kb : s.ka,
      betterControls: aBetter ? c.a : c.b,
      worseControls: aBetter ? c.b : c.a,
    };
    const showUplift =
      uplift.better !== null &&
      uplift.worse !== null &&
      Math.min(n.betterControls, n.worseControls) >= o.minSupport;
    const adjBetter = creativeAdjective(better);
    const adjWorse = creativeAdjective(worse);
    const upliftEn = showUplift
      ? `; over control ${formatPoints(uplift.better ?? 0, 'en')} vs ${formatPoints(uplift.worse ?? 0, 'en')}`
      : '';
    const upliftEs = showUplift
      ? `; sobre el grupo de control ${formatPoints(uplift.better ?? 0, 'es')} frente a ${formatPoints(uplift.worse ?? 0, 'es')}`
      : '';
    out.push({
      kind: 'creative',
      segment: t.segment,
      cell: { better, worse },
      rates,
      uplift,
      others: { ratio: othersRatio, p: t.versus.p, q: qv },
      test: w.test,
      lift,
      liftLow: aBetter ? w.ratioNear1 : 1 / w.ratioNear1,
      p: w.p,
      q,
      n,
      text: {
        en: `${adjBetter.en} creatives convert ${formatLift(lift, 'en')} better than ${adjWorse.en} for "${t.segment}" (${formatShare(rates.better, 'en')} vs ${formatShare(rates.worse, 'en')}; ${formatP(w.p, 'en')}; other customers ${formatLift(othersRatio, 'en')}${upliftEn})`,
        es: `las creatividades ${adjBetter.es} convierten ${formatLift(lift, 'es')} más que las ${adjWorse.es} en "${t.segment}" (${formatShare(rates.better, 'es')} frente a ${formatShare(rates.worse, 'es')}; ${formatP(w.p, 'es')}; resto de clientes ${formatLift(othersRatio, 'es')}${upliftEs})`,
      },
    });
  });
  return out;
}
