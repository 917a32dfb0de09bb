import type { QualityReport } from './report.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const fmt = (n: number) => n.toLocaleString('en-US');

/** The data-quality report as a terminal table. */
export function formatQualityReport(r: QualityReport): string {
  const out: string[] = [`Data quality — ${r.database} — ${r.generatedAt}`, ''];
  out.push('Entities');
  for (const e of r.entities) {
    const fresh = e.latest ? `, latest ${e.latest.slice(0, 10)} (${e.daysSinceLatest} days ago)` : '';
    out.push(
      `  ${e.table.padEnd(20)} ${fmt(e.rows).padStart(12)} rows${fresh}; quarantined ${fmt(e.quarantined)}, duplicates skipped ${fmt(e.duplicatesSkipped)}`,
    );
  }
  for (const e of r.entities) {
    if (e.rows === 0) continue;
    out.push('', `${e.table}: column, completeness, distinct, outliers (3 IQR)`);
    for (const c of e.columns) {
      const o = c.outliers ? `${fmt(c.outliers.below + c.outliers.above)}` : '';
      out.push(
        `  ${c.name.padEnd(16)} ${pct(c.completeness).padStart(7)} ${fmt(c.distinct).padStart(10)} ${o.padStart(8)}`,
      );
    }
  }
  out.push('', 'Checks');
  for (const c of r.checks) {
    out.push(
      `  ${c.rows > 0 ? '!' : '✓'} ${c.table}.${c.column}: ${fmt(c.rows)} ${c.problem} (${pct(c.share)})`,
    );
  }
  if (r.quarantine.length > 0) {
    out.push('', 'Quarantine by reason');
    for (const q of r.quarantine.slice(0, 20))
      out.push(`  ${q.entity} ${q.kind}: ${fmt(q.rows)} × ${q.reason}`);
  }
  out.push('', 'What it means downstream');
  for (const f of r.findings.slice(0, 25)) out.push(`  - ${f}`);
  if (r.findings.length === 0) out.push('  - nothing to report');
  return out.join('\n');
}
