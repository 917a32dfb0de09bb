/** A plain-text table: first column left-aligned, the others right-aligned (numbers). */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = '  ',
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Numbers for people: thousands separators, fixed decimals. */
export const fmtInt = (v: number): string => Math.round(v).toLocaleString('en-US');
export const fmtNum = (v: number, digits: number): string =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const fmtSig = (v: number, digits = 6): string => (Number.isFinite(v) ? v.toPrecision(digits) : 'n/a');
export const fmtPct = (v: number): string => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
