import { PARAM_NAMES } from '../../models/clv/index.js';
import { MODEL_NAMES } from './clv-options.js';
import type { ClvFit } from './fit-clv.js';
import { fmtInt, fmtSig, textTable } from './text-table.js';

/** `segmenta clv fit` as text: parameters with standard errors, log-likelihood, diagnostics, data counts. */
export function formatFit(f: ClvFit): string {
  const m = f.model;
  const params = m.params as unknown as Readonly<Record<string, number>>;
  const se = m.standardErrors as unknown as Readonly<Record<string, number>> | null;
  const d = m.diagnostics;
  const data = f.data.purchases
    ? `${fmtInt(f.data.purchases.customers)} customers · ${fmtInt(f.data.purchases.distinctRows)} distinct (x, t_x, T) rows · ${fmtInt(f.data.purchases.repeatBuyers)} repeat buyers · ${fmtInt(f.data.purchases.repeatPurchases)} repeat purchases`
    : f.data.spend
      ? `${fmtInt(f.data.spend.fitted)} of ${fmtInt(f.data.spend.customers)} customers fitted (${fmtInt(f.data.spend.distinctRows)} distinct (x, mean spend) rows); excluded: ${fmtInt(f.data.spend.excluded.noRepeat)} without a repeat purchase, ${fmtInt(f.data.spend.excluded.nonPositiveSpend)} with mean repeat spend ≤ 0`
      : '';
  const table = textTable(
    ['parameter', 'estimate', 'std. error'],
    PARAM_NAMES[m.kind].map((name) => [
      name,
      fmtSig(params[name] as number),
      se ? fmtSig(se[name] as number, 4) : 'n/a',
    ]),
  );
  const lines = [
    `${MODEL_NAMES[f.kind]} fitted on the purchases up to ${f.asOf} (time unit: ${f.unit}${m.penalizer > 0 ? `, penalizer ${m.penalizer}` : ''})${f.modelId !== null ? ` · stored as model ${f.modelId}` : ''}`,
    `  ${data}`,
    '',
    table,
    '',
    `  log-likelihood  ${m.logLikelihood.toFixed(4)}`,
    `  diagnostics     ${d.converged ? 'converged' : 'NOT converged'} (${d.stop}, ‖∇‖∞ ${d.gradientNorm.toExponential(1)}), ${d.starts} starts: ${d.startsConverged} converged, ${d.startsAgreeing} agree; ${d.iterations} iterations${d.usedFallback ? ', Nelder–Mead fallback used' : ''}; Hessian ${d.hessianPositiveDefinite ? 'positive definite' : 'NOT positive definite (no standard errors)'}`,
    `  fitted in ${f.seconds.toFixed(2)} s`,
  ];
  return lines.join('\n');
}
