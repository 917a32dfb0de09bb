import { quoteIdent } from '../sql/dialect.js';
import type { ColumnTable } from '../warehouse/column-table.js';
import type { TableColumn, Warehouse } from '../warehouse/warehouse.js';
import type { EntitySpec } from './entities/entity.js';

/** Rows of one import waiting in a temporary table, shaped like the target, until the import commits. */
export interface Stage {
  readonly name: string;
  readonly columns: readonly TableColumn[];
}

export interface StageOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
}

const META = new Set(['import_id', 'source_line']);

/** A temporary table with the target's types, holding only the columns this file provides. */
export async function createStage(
  wh: Warehouse,
  entity: EntitySpec,
  columns: readonly string[],
): Promise<Stage> {
  const name = `stage_${entity.table}`;
  const cols = columns.map(quoteIdent).join(', ');
  await wh.execute(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS SELECT ${cols} FROM ${quoteIdent(entity.table)} LIMIT 0`,
  );
  return { name, columns: await wh.describe(name) };
}

export const appendStage = (wh: Warehouse, stage: Stage, rows: ColumnTable) => wh.append(stage.name, rows);

/**
 * `md5` of columns as text, NULL-safe, separated by a control character. Columns the file does not provide
 * (`present` lacks them) hash as NULL, so the same rows hash alike whatever columns a file carries.
 */
const hashOf = (alias: string, cols: readonly string[], present?: ReadonlySet<string>) =>
  `md5(concat_ws(chr(31), ${cols.map((c) => (present && !present.has(c) ? 'chr(0)' : `coalesce(CAST(${alias}.${quoteIdent(c)} AS VARCHAR), chr(0))`)).join(', ')}))`;

/**
 * Move staged rows into the target table, inside the caller's transaction. Rows repeating a key seen earlier in
 * the file, or already in the warehouse unchanged, are recorded in `quarantine` as duplicates (with the line they
 * repeat), so rows read = accepted + quarantined + duplicates holds exactly.
 */
export async function commitStage(
  wh: Warehouse,
  entity: EntitySpec,
  stage: Stage,
  importId: number,
  fileName: string,
): Promise<StageOutcome> {
  const s = quoteIdent(stage.name);
  const t = quoteIdent(entity.table);
  const present = new Set(stage.columns.map((c) => c.name));
  const keyExpr = entity.hashKeyInto ? hashOf('s', entity.key, present) : null;
  const keyCols = entity.hashKeyInto ? [entity.hashKeyInto] : entity.key;
  const dataCols = stage.columns.map((c) => c.name).filter((c) => !META.has(c) && c !== entity.hashKeyInto);
  const keepLast = entity.onExisting === 'upsert';

  // 1. Key every staged row and rank repeats within the file (first kept; for upserts the last).
  const keyed = quoteIdent(`${stage.name}_keyed`);
  const partition = keyCols.map((c) => `s.${quoteIdent(c)}`).join(', ');
  await wh.execute(
    `CREATE OR REPLACE TEMP TABLE ${keyed} AS
     SELECT *, row_number() OVER w AS __rn, first(source_line) OVER w AS __kept_line
     FROM (SELECT *${keyExpr ? `, ${keyExpr} AS ${quoteIdent(entity.hashKeyInto!)}` : ''},
             ${keepLast ? hashOf('s', dataCols) : 'NULL'} AS __content FROM ${s} s) s
     WINDOW w AS (PARTITION BY ${partition} ORDER BY source_line ${keepLast ? 'DESC' : 'ASC'})`,
  );
  await wh.execute(`DROP TABLE ${s}`);
  await wh.execute(`ALTER TABLE ${keyed} RENAME TO ${s}`);

  const q = (sql: string, params: unknown[] = []) => wh.execute(sql, params as never);
  const keyLabel = entity.hashKeyInto ? 'the same row' : entity.key.join(', ');
  const before = await countRows(wh, 'quarantine', importId);

  // 2. Repeats within the file.
  await q(
    `INSERT INTO quarantine SELECT $1, $2, $3, source_line, NULL, 'duplicate',
       ${keepLast ? `'${keyLabel} appears again on line ' || __kept_line || '; the later row was kept'` : `'duplicate of line ' || __kept_line`}, NULL
     FROM ${s} WHERE __rn > 1`,
    [importId, entity.name, fileName],
  );

  // 3. Rows already in the warehouse with the same key and content (re-imports add nothing twice).
  const join = keyCols.map((c) => `x.${quoteIdent(c)} = s.${quoteIdent(c)}`).join(' AND ');
  const sameContent = keepLast ? ` AND ${hashOf('x', dataCols)} = s.__content` : '';
  await q(
    `INSERT INTO quarantine SELECT $1, $2, $3, s.source_line, NULL, 'duplicate',
       'already in the warehouse' || ${keepLast ? `' unchanged'` : `''`} || ' (import #' || coalesce(CAST(x.import_id AS VARCHAR), '?') || ', line ' || coalesce(CAST(x.source_line AS VARCHAR), '?') || ')', NULL
     FROM ${s} s JOIN ${t} x ON ${join}${sameContent} WHERE s.__rn = 1`,
    [importId, entity.name, fileName],
  );
  const duplicates = (await countRows(wh, 'quarantine', importId)) - before;

  // 4. Insert new rows; for upserts, update changed ones (new values win, empty ones keep the old value).
  const allCols = entity.hashKeyInto
    ? [...stage.columns.map((c) => c.name), entity.hashKeyInto]
    : stage.columns.map((c) => c.name);
  const cols = allCols.map(quoteIdent).join(', ');
  const fresh = `SELECT ${cols} FROM ${s} s WHERE s.__rn = 1 AND NOT EXISTS (SELECT 1 FROM ${t} x WHERE ${join})`;
  let updated = 0;
  let inserted = 0;
  if (keepLast) {
    const changed = `SELECT ${allCols.map((c) => `s.${quoteIdent(c)}`).join(', ')} FROM ${s} s JOIN ${t} x ON ${join} WHERE s.__rn = 1 AND ${hashOf('x', dataCols)} <> s.__content`;
    updated = await countOf(wh, changed);
    const sets = stage.columns
      .filter((c) => !keyCols.includes(c.name))
      .map(
        (c) => `${quoteIdent(c.name)} = coalesce(EXCLUDED.${quoteIdent(c.name)}, ${t}.${quoteIdent(c.name)})`,
      )
      .join(', ');
    inserted = await q(`INSERT INTO ${t} (${cols}) ${fresh}`);
    if (updated > 0) {
      await q(
        `INSERT INTO ${t} (${cols}) ${changed} ON CONFLICT (${keyCols.map(quoteIdent).join(', ')}) DO UPDATE SET ${sets}`,
      );
    }
  } else {
    inserted = await q(`INSERT INTO ${t} (${cols}) ${fresh}`);
  }
  await q(`DROP TABLE ${s}`);
  return { inserted, updated, duplicates };
}

async function countOf(wh: Warehouse, select: string): Promise<number> {
  const r = await wh.query({ sql: `SELECT count(*) AS n FROM (${select})`, params: [] });
  return Number(r.columns.n?.[0] ?? 0);
}

async function countRows(wh: Warehouse, table: string, importId: number): Promise<number> {
  const r = await wh.query({
    sql: `SELECT count(*) AS n FROM ${quoteIdent(table)} WHERE import_id = $1`,
    params: [importId],
  });
  return Number(r.columns.n?.[0] ?? 0);
}
