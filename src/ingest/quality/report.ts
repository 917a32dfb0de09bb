import { quoteIdent } from '../../sql/dialect.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { ENTITIES } from '../entities/index.js';
import { MISSING_IMPACT, VALIDITY_CHECKS } from './checks.js';

export interface ColumnQuality {
  readonly name: string;
  readonly type: string;
  readonly filled: number;
  readonly completeness: number;
  readonly distinct: number;
  readonly missingImpact?: string;
  readonly outliers?: {
    readonly below: number;
    readonly above: number;
    readonly low: number;
    readonly high: number;
  };
}

export interface EntityQuality {
  readonly table: string;
  readonly rows: number;
  readonly latest?: string;
  readonly daysSinceLatest?: number;
  readonly duplicatesSkipped: number;
  readonly quarantined: number;
  readonly columns: readonly ColumnQuality[];
}

export interface CheckResult {
  readonly table: string;
  readonly column: string;
  readonly id: string;
  readonly problem: string;
  readonly impact: string;
  readonly rows: number;
  readonly share: number;
}

export interface QualityReport {
  readonly generatedAt: string;
  readonly database: string;
  readonly entities: readonly EntityQuality[];
  readonly checks: readonly CheckResult[];
  readonly quarantine: readonly {
    readonly entity: string;
    readonly kind: string;
    readonly reason: string;
    readonly rows: number;
  }[];
  /** One plain sentence per finding, worst first: "312 order lines without amount: excluded from monetary value". */
  readonly findings: readonly string[];
}

/** The tables the report reads: every entity's, in the entity catalogue's order. */
export const QUALITY_TABLES: readonly string[] = Object.values(ENTITIES).map((e) => e.table);
const META = new Set(['import_id', 'source_line']);
const TIME_COLUMN: Record<string, string> = {
  order_lines: 'ordered_at',
  events: 'occurred_at',
  messages: 'sent_at',
  campaigns: 'sent_at',
  campaign_responses: 'sent_at',
  customers: 'signup_date',
};
const ENTITY_OF: Record<string, string> = { order_lines: 'orders' };
const num = (v: unknown) => Number(v ?? 0);
const fmt = (n: number) => n.toLocaleString('en-US');

/** The data-quality report: completeness, validity, duplicates, outliers, freshness, references, quarantine. */
export async function qualityReport(wh: Warehouse): Promise<QualityReport> {
  const entities: EntityQuality[] = [];
  const findings: { weight: number; text: string }[] = [];
  const rowCounts = new Map<string, number>();

  const quarantineRows = await wh.query({
    sql: `SELECT entity, kind, regexp_replace(reason, '"[^"]*"|line [0-9]+|#[0-9]+', '…', 'g') AS reason, count(*) AS n
          FROM quarantine GROUP BY ALL ORDER BY n DESC LIMIT 200`,
    params: [],
  });
  const quarantine = Array.from({ length: quarantineRows.rowCount }, (_, i) => ({
    entity: String(quarantineRows.columns.entity![i]),
    kind: String(quarantineRows.columns.kind![i]),
    reason: String(quarantineRows.columns.reason![i]),
    rows: num(quarantineRows.columns.n![i]),
  }));

  for (const table of QUALITY_TABLES) {
    const cols = (await wh.describe(table)).filter((c) => !META.has(c.name));
    const t = quoteIdent(table);
    const parts = cols.flatMap((c, j) => [
      `count(${quoteIdent(c.name)}) AS f${j}`,
      `approx_count_distinct(${quoteIdent(c.name)}) AS d${j}`,
    ]);
    const timeCol = TIME_COLUMN[table];
    const r = await wh.query({
      sql: `SELECT count(*) AS n, ${parts.join(', ')}${timeCol ? `, max(${quoteIdent(timeCol)}) AS latest, date_diff('day', max(${quoteIdent(timeCol)})::DATE, current_date) AS age` : ''} FROM ${t}`,
      params: [],
    });
    const n = num(r.columns.n![0]);
    rowCounts.set(table, n);
    const numeric = cols.filter((c) => c.type === 'DOUBLE' || c.type === 'INTEGER' || c.type === 'BIGINT');
    const fences = new Map<string, ColumnQuality['outliers']>();
    if (n > 0 && numeric.length > 0) {
      const q = await wh.query({
        sql: `SELECT ${numeric.map((c, j) => `quantile_cont(${quoteIdent(c.name)}, 0.25) AS a${j}, quantile_cont(${quoteIdent(c.name)}, 0.75) AS b${j}`).join(', ')} FROM ${t}`,
        params: [],
      });
      const bounds = numeric.map((_, j) => {
        const a = num(q.columns[`a${j}`]![0]);
        const b = num(q.columns[`b${j}`]![0]);
        return { low: a - 3 * (b - a), high: b + 3 * (b - a) };
      });
      const params = bounds.flatMap((x) => [x.low, x.high]);
      const o = await wh.query({
        sql: `SELECT ${numeric.map((c, j) => `count(*) FILTER (WHERE ${quoteIdent(c.name)} < $${2 * j + 1}) AS lo${j}, count(*) FILTER (WHERE ${quoteIdent(c.name)} > $${2 * j + 2}) AS hi${j}`).join(', ')} FROM ${t}`,
        params,
      });
      numeric.forEach((c, j) => {
        fences.set(c.name, {
          below: num(o.columns[`lo${j}`]![0]),
          above: num(o.columns[`hi${j}`]![0]),
          ...bounds[j]!,
        });
      });
    }
    const columns: ColumnQuality[] = cols.map((c, j) => {
      const filled = num(r.columns[`f${j}`]![0]);
      const impact = MISSING_IMPACT[`${table}.${c.name}`];
      const out = fences.get(c.name);
      const col: ColumnQuality = {
        name: c.name,
        type: c.type,
        filled,
        completeness: n === 0 ? 1 : filled / n,
        distinct: num(r.columns[`d${j}`]![0]),
        ...(impact ? { missingImpact: impact } : {}),
        ...(out ? { outliers: out } : {}),
      };
      if (n > 0 && filled < n && impact) {
        findings.push({
          weight: (n - filled) / n,
          text: `${fmt(n - filled)} of ${fmt(n)} ${table} rows without ${c.name}: ${impact}`,
        });
      }
      if (out && out.below + out.above > 0) {
        findings.push({
          weight: 0.01,
          text: `${fmt(out.below + out.above)} ${table}.${c.name} values outside [${out.low.toFixed(2)}, ${out.high.toFixed(2)}] (3 IQR): check for entry errors; value models are robust to them`,
        });
      }
      return col;
    });
    const entityName = ENTITY_OF[table] ?? table;
    const q = quarantine.filter((x) => x.entity === entityName);
    const latest = r.columns.latest?.[0];
    entities.push({
      table,
      rows: n,
      ...(latest !== null && latest !== undefined
        ? { latest: new Date(Number(latest)).toISOString(), daysSinceLatest: num(r.columns.age![0]) }
        : {}),
      duplicatesSkipped: q.filter((x) => x.kind === 'duplicate').reduce((s, x) => s + x.rows, 0),
      quarantined: q.filter((x) => x.kind === 'rejected').reduce((s, x) => s + x.rows, 0),
      columns,
    });
  }

  const checks: CheckResult[] = [];
  for (const c of VALIDITY_CHECKS) {
    const n = rowCounts.get(c.table) ?? 0;
    if (n === 0 || (c.needs && (rowCounts.get(c.needs) ?? 0) === 0)) continue;
    const r = await wh.query({
      sql: `SELECT count(*) AS n FROM ${quoteIdent(c.table)} WHERE ${c.where}`,
      params: [],
    });
    const rows = num(r.columns.n![0]);
    checks.push({
      table: c.table,
      column: c.column,
      id: c.id,
      problem: c.problem,
      impact: c.impact,
      rows,
      share: rows / n,
    });
    if (rows > 0) findings.push({ weight: rows / n, text: `${fmt(rows)} ${c.problem}: ${c.impact}` });
  }
  for (const q of quarantine) {
    if (q.kind === 'rejected')
      findings.push({
        weight: 1,
        text: `${fmt(q.rows)} ${q.entity} rows quarantined: ${q.reason} ('segmenta quarantine' lists them)`,
      });
  }
  return {
    generatedAt: new Date().toISOString(),
    database: wh.location,
    entities,
    checks,
    quarantine,
    findings: findings.sort((a, b) => b.weight - a.weight).map((f) => f.text),
  };
}
