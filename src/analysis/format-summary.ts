import type { AnalysisSummary } from './run-analysis.js';

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number, total: number) => `${total > 0 ? ((100 * x) / total).toFixed(1) : '0.0'}%`;

function table(title: string, counts: Readonly<Record<string, number>>, total: number): string[] {
  const width = Math.max(...Object.keys(counts).map((k) => k.length), 10);
  return [
    title,
    ...Object.entries(counts).map(
      ([k, v]) => `  ${k.padEnd(width)} ${n(v).padStart(10)}  ${pct(v, total).padStart(6)}`,
    ),
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
    ...table('RFM groups', s.rfm, s.customers),
    '',
    ...table('Lifecycle phases', s.phases, s.customers),
    '',
    ...table('Lifecycle stages', s.lifecycle, s.customers),
    '',
    'Next: segmenta segmentations list  ·  segmenta export customers --out customers.csv',
  ].join('\n');
}
