import type { SegmentationQuality, SegmentQualityReport } from './segment-quality.js';

const int = (v: number) => v.toLocaleString('en-US');
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const fixed = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);

/** A transition matrix (counts), rows = previous run, columns = this run; at most `max` rows and columns. */
function transitions(q: NonNullable<SegmentationQuality['stability']>, max = 12): string[] {
  const t = q.transitions;
  const from = t.from.slice(0, max);
  const to = t.to.slice(0, max);
  const w = Math.max(10, ...from.map((s) => s.length));
  const cw = to.map((s) => Math.max(7, Math.min(14, s.length)));
  return [
    `    ${'from \\ to'.padEnd(w)} ${to.map((s, j) => s.slice(0, cw[j]).padStart(cw[j]!)).join(' ')}`,
    ...from.map(
      (s, i) =>
        `    ${s.padEnd(w)} ${to.map((_, j) => int(t.counts[i]?.[j] ?? 0).padStart(cw[j]!)).join(' ')}`,
    ),
    ...(t.from.length > max || t.to.length > max
      ? [`    (first ${max} rows and columns; --json for all)`]
      : []),
  ];
}

function one(q: SegmentationQuality): string[] {
  const c = q.scorecard;
  const w = Math.max(12, ...c.segments.map((s) => s.segment.length));
  const lines = [
    `${q.segmentation} (${q.kind}; measured in the ${q.space} features): ${c.overall.segments} segments, R² ${fixed(c.overall.rSquared)} (share of the base's variance the segments explain), silhouette ${fixed(c.overall.silhouette)} on ${int(c.overall.silhouetteRows)} customers, overlap ${pct(c.overall.overlap)}`,
    `  ${'segment'.padEnd(w)} ${'customers'.padStart(10)} ${'share'.padStart(6)}  ${'dispersion'.padStart(10)}  ${'silhouette'.padStart(10)}  ${'overlap'.padStart(7)}  nearest segment (distance in base SDs)`,
    ...[...c.segments]
      .sort((a, b) => b.size - a.size)
      .map(
        (s) =>
          `  ${s.segment.padEnd(w)} ${int(s.size).padStart(10)} ${pct(s.share).padStart(6)}  ${fixed(s.relativeDispersion).padStart(10)}  ${fixed(s.silhouette).padStart(10)}  ${pct(s.overlap).padStart(7)}  ${s.nearestSegment ?? '-'}${s.nearestDistance !== null ? ` (${fixed(s.nearestDistance)})` : ''}`,
      ),
  ];
  if (q.stability) {
    const s = q.stability;
    lines.push(
      `  Stability against run ${s.previousRun} (${int(s.rows)} customers in both): ${pct(s.kept)} kept their segment${q.kind === 'cluster' ? ` (${pct(s.keptMatched)} after matching clusters by overlap)` : ''}, adjusted Rand index ${fixed(s.ari, 3)}`,
      ...transitions(s),
    );
  } else lines.push('  Stability: no earlier run with this segmentation to compare with');
  if (q.bootstrap) {
    const b = q.bootstrap;
    lines.push(
      `  Bootstrap (${b.rounds} refits on ${int(b.rows)} customers): mean ARI ${fixed(b.meanAri, 3)} ± ${fixed(b.sdAri, 3)}, mean Jaccard ${fixed(b.meanJaccard, 3)}: ${b.verdict}; per cluster ${b.clusters.map((k) => `${k.cluster}: ${fixed(k.meanJaccard)}`).join(', ')}`,
    );
  }
  return lines;
}

/** What `segmenta quality segments` prints. */
export function formatSegmentQuality(r: SegmentQualityReport): string {
  return [
    `Segment quality, run ${r.runId} as of ${r.asOf}: ${int(r.customers)} customers${r.previousRun !== null ? `; stability against run ${r.previousRun}` : ''} (${r.seconds.toFixed(1)} s)`,
    'dispersion: mean squared distance to the segment centre / to the base centre (lower = tighter); overlap: members nearer another segment centre',
    '',
    ...r.segmentations.flatMap((q) => [...one(q), '']),
  ].join('\n');
}
