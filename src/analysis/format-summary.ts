import type { AnalysisSummary } from './run-analysis.js';

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number, total: number) => `${total > 0 ? ((100 * x) / total).toFixed(1) : '0.0'}%`;

/** A titled table of counts with their share of `total` (the RFM groups, phases and stages of a run). */
export function formatCounts(
  title: string,
  counts: Readonly<Record<string, number>>,
  total: number,
): string[] {
  const width = Math.max(...Object.keys(counts).map((k) => k.length), 10);
  return [
    title,
    ...Object.entries(counts).map(
      ([k, v]) => `  ${k.padEnd(width)} ${n(v).padStart(10)}  ${pct(v, total).padStart(6)}`,
    ),
  ];
}

const money = (x: number | null) =>
  x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The CLV lines of the summary: model, totals over the horizon, or why there are none. */
export function formatClv(c: AnalysisSummary['clv']): string[] {
  switch (c.status) {
    case 'off':
      return ['CLV predictions: not computed (switched off)'];
    case 'table':
      return [`CLV predictions: read from the table ${c.table}`];
    case 'failed':
      return [
        `CLV predictions: none for this run (values left empty): ${c.reason}`,
        ...(c.hint ? [`  hint: ${c.hint}`] : []),
      ];
    case 'ok': {
      const t = c.totals;
      const fitted =
        c.fitted.customers < c.fitted.of
          ? `fitted on ${n(c.fitted.customers)} of ${n(c.fitted.of)} buyers`
          : `fitted on ${n(c.fitted.of)} buyers`;
      return [
        `CLV predictions (${c.modelName}${c.spendModel ? ' + Gamma-Gamma' : ''}, ${fitted}; next ${c.horizonDays} days; ${c.draws > 0 ? `5%-95% intervals from ${c.draws} bootstrap draws` : 'no intervals'})`,
        `  predicted revenue, next ${c.horizonDays} days ${money(t.predictedRevenue).padStart(16)}   (${n(Math.round(t.expectedPurchases))} expected purchases)`,
        `  total CLV, discounted          ${' '.repeat(String(c.horizonDays).length)}${money(t.clv).padStart(16)}`,
        `  mean P(alive) ${t.meanPAlive.toFixed(2)}; ${n(t.likelyInactive)} of ${n(t.customers)} buyers likely inactive (P(alive) < 0.5)`,
        `  model: ${c.modelReason}`,
        ...c.warnings.map((w) => `  note: ${w}`),
      ];
    }
    default:
      return [];
  }
}

/** The cluster lines of the summary: k, why, and each cluster's name and size. */
export function formatClusterSummary(c: AnalysisSummary['clusters'], customers: number): string[] {
  if (c.status === 'off') return ['Clusters: not computed (switched off)'];
  if (c.status === 'skipped') return [`Clusters: none for this run: ${c.reason}`];
  const w = Math.max(10, ...c.clusters.map((k) => k.name.length));
  return [
    `Clusters (k = ${c.k}, ${c.kChoice === 'auto' ? 'chosen automatically' : 'given'}; ${c.featureSet} features; silhouette ${c.silhouette === null ? '-' : c.silhouette.toFixed(2)})`,
    ...c.clusters.map(
      (k) =>
        `  ${String(k.cluster).padStart(2)} ${k.name.padEnd(w)} ${n(k.size).padStart(10)}  ${pct(k.size, customers).padStart(6)}`,
    ),
    `  ${c.explanation}`,
  ];
}

/** The readable summary `segmenta analyze` prints. */
export function formatSummary(s: AnalysisSummary): string {
  return [
    `Analysis run ${s.runId} as of ${s.asOf} (data up to the end of that day): ${n(s.customers)} customers, ${n(s.buyers)} with purchases, in ${s.seconds.toFixed(1)} s`,
    s.firstOrder
      ? `Orders from ${s.firstOrder.slice(0, 10)} to ${s.lastOrder?.slice(0, 10)}`
      : 'No orders yet',
    '',
    ...formatCounts('RFM groups', s.rfm, s.customers),
    '',
    ...formatCounts('Lifecycle phases', s.phases, s.customers),
    '',
    ...formatCounts('Lifecycle stages', s.lifecycle, s.customers),
    '',
    ...formatClv(s.clv),
    '',
    ...formatClusterSummary(s.clusters, s.customers),
    '',
    'Next: segmenta segmentations list  ·  segmenta cluster  ·  segmenta quality segments  ·  segmenta export customers --out customers.csv',
  ].join('\n');
}
