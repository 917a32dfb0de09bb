import type { CellValue } from '../warehouse/column-table.js';
import type { FieldParsers } from './field-parsers.js';
import type { RowFinisher } from './finish/finisher.js';
import { Invalid, type RowIssue } from './row-result.js';

export interface RowConverterSpec {
  readonly header: readonly string[];
  /** field → source column index. */
  readonly fields: ReadonlyMap<string, number>;
  readonly parsers: FieldParsers;
  readonly finish: RowFinisher;
  /** Keys the finisher may set besides the mapped fields. */
  readonly produces: readonly string[];
  readonly extrasColumn?: string;
  readonly extras: readonly number[];
  /** Columns written for each accepted row, in stage order. */
  readonly columns: readonly string[];
}

/** The outcome of one record: accepted into the column buffers, or rejected with a reason. */
export type Converted =
  | { readonly rejected: false }
  | { readonly rejected: true; readonly column: string | null; readonly reason: string };

const ACCEPTED: Converted = { rejected: false };

/**
 * Text record → typed, finished row appended to column buffers (compiled once per import; the per-row path
 * allocates one row object and no closures). Value-level issues go to `issues`.
 */
export function createRowConverter(spec: RowConverterSpec) {
  const names = [...spec.fields.keys()];
  const idxs = names.map((n) => spec.fields.get(n)!);
  const parse = names.map((n) => spec.parsers.parse[n]!);
  const required = names.map((n) => spec.parsers.required.has(n));
  const header = spec.header;
  const extrasColumn = spec.extrasColumn;
  const extras = spec.extras;
  const columns = spec.columns;
  const nf = names.length;
  // One row object reused for every record, with every key it will ever hold created up front in a fixed
  // order, so it keeps one hidden class (a fresh object per row was a third of the import's CPU time).
  const slots = [...new Set([...names, ...spec.produces, ...(extrasColumn ? [extrasColumn] : [])])];
  const row: Record<string, CellValue> = {};
  for (const k of slots) row[k] = null;

  return function convert(
    rec: readonly string[],
    line: number,
    out: Record<string, CellValue[]>,
    issues: RowIssue[],
  ): Converted {
    for (let k = 0; k < slots.length; k++) row[slots[k]!] = null;
    const issuesBefore = issues.length;
    for (let j = 0; j < nf; j++) {
      const name = names[j]!;
      const p = parse[j]!(rec[idxs[j]!]!);
      if (p instanceof Invalid) {
        if (required[j]) {
          issues.length = issuesBefore;
          return { rejected: true, column: header[idxs[j]!]!, reason: p.reason };
        }
        issues.push({
          line,
          column: header[idxs[j]!]!,
          kind: 'value',
          reason: `${p.reason}; value dropped`,
          raw: null,
        });
        row[name] = null;
      } else if (p === null && required[j]) {
        issues.length = issuesBefore;
        return {
          rejected: true,
          column: header[idxs[j]!]!,
          reason: `${name} is empty (column ${JSON.stringify(header[idxs[j]!])})`,
        };
      } else row[name] = p;
    }
    if (extrasColumn !== undefined && extras.length > 0) {
      row[extrasColumn] = mergeExtras(row[extrasColumn] ?? null, header, rec, extras);
    }
    const reason = spec.finish(row, (column, why) => {
      issues.push({ line, column, kind: 'value', reason: why, raw: null });
    });
    if (reason !== null) {
      // A value dropped earlier is usually why the row cannot be completed: name it first.
      const cause = issues[issuesBefore];
      issues.length = issuesBefore;
      if (cause)
        return {
          rejected: true,
          column: cause.column,
          reason: `${cause.reason.replace(/; value dropped$/, '')}, so ${reason}`,
        };
      return { rejected: true, column: null, reason };
    }
    for (let c = 0; c < columns.length; c++) {
      const name = columns[c]!;
      (out[name] as CellValue[]).push(row[name] ?? null);
    }
    return ACCEPTED;
  };
}

function mergeExtras(
  existing: CellValue,
  header: readonly string[],
  rec: readonly string[],
  extras: readonly number[],
): string | null {
  let obj: Record<string, unknown> | undefined;
  if (typeof existing === 'string') obj = JSON.parse(existing) as Record<string, unknown>;
  for (const i of extras) {
    const v = rec[i]!.trim();
    if (v === '') continue;
    obj ??= {};
    obj[header[i]!] = v;
  }
  return obj === undefined ? null : JSON.stringify(obj);
}
