import type { PurchaseModelKind } from '../../models/clv/index.js';
import { MODEL_NAMES } from './clv-options.js';
import type { HoldoutMetrics } from './holdout-metrics.js';

/** RMSEs within this relative distance of the best count as a tie. */
const TIE = 0.005;

export const CHOICE_CRITERION =
  'lowest per-customer holdout RMSE of repeat purchases (the models forecast conditional means, and the mean is ' +
  'the forecast that minimises squared error, so RMSE is the proper score for them; MAE rewards forecasting the ' +
  `median, which for most customers is 0); RMSEs within ${TIE * 100}% are a tie, broken by the smaller error of ` +
  'the total holdout purchases, then by the simpler model in the order BG/NBD, MBG/NBD, Pareto/NBD';

const fmt = (v: number) => v.toFixed(4);
const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;

/** Picks the best model by {@link CHOICE_CRITERION}; `candidates` in the tie-break order. */
export function chooseModel(
  candidates: readonly { readonly kind: PurchaseModelKind; readonly metrics: HoldoutMetrics }[],
): { kind: PurchaseModelKind; reason: string } {
  const first = candidates[0];
  if (!first) throw new Error('chooseModel needs at least one candidate');
  const bestRmse = Math.min(...candidates.map((c) => c.metrics.rmse));
  const tied = candidates.filter((c) => c.metrics.rmse <= bestRmse * (1 + TIE));
  const minAbsTotal = Math.min(...tied.map((c) => Math.abs(c.metrics.totalError)));
  const best = tied.find((c) => Math.abs(c.metrics.totalError) === minAbsTotal) ?? first;
  const others = candidates
    .filter((c) => c !== best)
    .map((c) => `${MODEL_NAMES[c.kind]} ${fmt(c.metrics.rmse)}`)
    .join(', ');
  const name = MODEL_NAMES[best.kind];
  const against = others ? ` (vs ${others})` : '';
  const reason =
    tied.length > 1
      ? `${name}: holdout RMSE ${fmt(best.metrics.rmse)} ties within ${TIE * 100}% with ${tied
          .filter((c) => c !== best)
          .map((c) => MODEL_NAMES[c.kind])
          .join(
            ', ',
          )}, and its total forecast is closest to the actual (${pct(best.metrics.totalError)})${against}`
      : `${name}: lowest holdout RMSE per customer, ${fmt(best.metrics.rmse)}${against}; total forecast ${pct(best.metrics.totalError)}`;
  return { kind: best.kind, reason };
}
