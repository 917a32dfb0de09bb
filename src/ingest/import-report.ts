/** What one import did, printed after it and stored in `imports.report`. */
export interface ImportReport {
  readonly importId: number;
  readonly entity: string;
  readonly file: string;
  readonly format: string;
  readonly sha256: string;
  readonly rowsRead: number;
  /** Rows now in the warehouse from this file: inserted + updated. */
  readonly accepted: number;
  readonly inserted: number;
  readonly updated: number;
  /** Rows rejected, each in `quarantine` with line, column and reason. */
  readonly quarantined: number;
  /** Rows skipped as duplicates of an earlier line or of a row already imported. */
  readonly duplicates: number;
  /** Values dropped or kept-as-given in accepted rows (the row itself was loaded). */
  readonly valueIssues: number;
  readonly reasons: readonly {
    readonly kind: string;
    readonly column: string | null;
    readonly reason: string;
    readonly count: number;
    readonly firstLine: number;
  }[];
  readonly mapping: readonly string[];
  readonly unmappedColumns: readonly string[];
  readonly formats: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
  /** Entity-specific counts (orders, customers, cancellations, guest lines…). */
  readonly stats: Readonly<Record<string, number>>;
  readonly merged: number;
  readonly seconds: number;
}

/** rows read = accepted + quarantined + duplicates, always. */
export const balances = (r: ImportReport) => r.rowsRead === r.accepted + r.quarantined + r.duplicates;

const fmt = (n: number) => n.toLocaleString('en-US');

/** The report as the CLI prints it. */
export function formatImportReport(r: ImportReport): string {
  const lines = [
    `import #${r.importId}: ${r.entity} from ${r.file} (${r.format})`,
    `  rows read ${fmt(r.rowsRead)} = accepted ${fmt(r.accepted)} + quarantined ${fmt(r.quarantined)} + duplicates skipped ${fmt(r.duplicates)}${balances(r) ? '' : '  ✗ DOES NOT BALANCE'}`,
  ];
  if (r.updated > 0) lines.push(`  accepted: ${fmt(r.inserted)} new, ${fmt(r.updated)} updated`);
  for (const [k, v] of Object.entries(r.stats)) lines.push(`  ${k.replaceAll('_', ' ')}: ${fmt(v)}`);
  if (r.merged > 0)
    lines.push(
      `  customers merged (same email or phone): ${fmt(r.merged)} — see 'segmenta customers merges'`,
    );
  if (r.valueIssues > 0)
    lines.push(`  values dropped or kept as given in accepted rows: ${fmt(r.valueIssues)}`);
  lines.push(`  mapping: ${r.mapping.join(', ')}`);
  if (r.unmappedColumns.length > 0) lines.push(`  not mapped: ${r.unmappedColumns.join(', ')}`);
  const formats = Object.entries(r.formats);
  if (formats.length > 0) lines.push(`  read as: ${formats.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  if (r.reasons.length > 0) {
    lines.push('  issues (first line, count, reason):');
    for (const x of r.reasons.slice(0, 12)) {
      lines.push(
        `    line ${x.firstLine}${x.column ? ` [${x.column}]` : ''} ×${fmt(x.count)} ${x.kind}: ${x.reason}`,
      );
    }
    if (r.reasons.length > 12)
      lines.push(
        `    … ${r.reasons.length - 12} more; 'segmenta quarantine --import ${r.importId}' lists every row`,
      );
  }
  lines.push(`  took ${r.seconds.toFixed(1)} s`);
  return lines.join('\n');
}
