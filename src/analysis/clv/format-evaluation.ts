import { DAY_MS } from '../../features/as-of.js';
import { MODEL_NAMES } from './clv-options.js';
import type { ClvEvaluation } from './evaluate-clv.js';
import type { HoldoutMetrics } from './holdout-metrics.js';
import { fmtInt, fmtNum, fmtPct, textTable } from './text-table.js';

const metricCells = (m: HoldoutMetrics) => [
  fmtNum(m.mae, 4),
  fmtNum(m.rmse, 4),
  fmtNum(m.predictedTotal, 1),
  fmtInt(m.actualTotal),
  fmtPct(m.totalError),
];

/** `segmenta clv evaluate` as text: the comparison table, the chosen model's P(alive) calibration, the choice. */
export function formatEvaluation(e: ClvEvaluation): string {
  const holdoutStart = new Date(Date.parse(e.calibrationEnd) + DAY_MS).toISOString().slice(0, 10);
  const rows = e.models.map((m) =>
    m.ok
      ? [
          `${MODEL_NAMES[m.kind]}${m.kind === e.best ? ' *' : ''}`,
          fmtNum(m.model.logLikelihood, 3),
          ...metricCells(m.metrics),
        ]
      : [MODEL_NAMES[m.kind], 'failed', '', '', '', '', ''],
  );
  rows.push(['naive x/T rate', '', ...metricCells(e.naive)]);
  const best = e.models.find((m) => m.kind === e.best);
  const lines = [
    `Calibration to ${e.calibrationEnd}, holdout ${holdoutStart} to ${e.holdoutEnd} (${e.holdoutDays} days = ${fmtNum(e.holdoutLength, 2)} ${e.unit})`,
    `  ${fmtInt(e.data.customers)} customers in the calibration cohort (${fmtInt(e.data.distinctRows)} distinct rows, ${fmtInt(e.data.repeatPurchases)} repeat purchases); ${fmtInt(e.actualRepeatPurchases)} actual repeat purchases in the holdout`,
    '',
    textTable(['model', 'log-lik.', 'MAE', 'RMSE', 'predicted', 'actual', 'total error'], rows),
  ];
  for (const m of e.models)
    if (!m.ok) lines.push(`  ${MODEL_NAMES[m.kind]} failed (${m.reason}): ${m.message}`);
  if (best?.ok) {
    lines.push(
      '',
      `P(alive) calibration of ${MODEL_NAMES[best.kind]}, customers in tenths by P(alive) at the calibration end:`,
      textTable(
        [
          'decile',
          'customers',
          'mean P(alive)',
          'P(buy) pred.',
          'P(buy) actual',
          'purch. pred.',
          'purch. actual',
        ],
        best.deciles.map((d) => [
          String(d.decile),
          fmtNum(d.customers, 0),
          fmtNum(d.meanPAlive, 3),
          fmtNum(d.predictedActive, 3),
          fmtNum(d.actualActive, 3),
          fmtNum(d.predictedPurchases, 3),
          fmtNum(d.actualPurchases, 3),
        ]),
      ),
    );
  }
  lines.push('', `Choice: ${e.reason}`, `  criterion: ${e.criterion}`);
  for (const w of e.warnings) lines.push(`warning: ${w}`);
  const ids = e.models.flatMap((m) => (m.ok && m.modelId !== null ? [`${m.kind} ${m.modelId}`] : []));
  if (ids.length > 0)
    lines.push(`stored in clv_models: ${ids.join(', ')} (segmenta clv score uses the choice)`);
  return lines.join('\n');
}
