import { quoteIdent } from '../sql/dialect.js';
import type { TableColumn, Warehouse } from '../warehouse/warehouse.js';
import type { EntitySpec } from './entities/entity.js';

/**
 * Where the rows of one import land before the import commits (always inside its transaction):
 * - entities that skip rows already present (orders, events, messages, responses) land directly in their table
 *   and repeats are then deleted — one write of the data, which is what makes 10 million lines fast;
 * - entities that upsert (customers, products, campaigns) land in a TEMP table and are merged with ON CONFLICT.
 * Either way the landed rows are `FROM name WHERE import_id = <this import>`.
 */
export interface Stage {
  readonly name: string;
  readonly direct: boolean;
  readonly importId: number;
  readonly columns: readonly TableColumn[];
}

export interface StageOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
}

const META = new Set(['import_id', 'source_line']);

/** Prepare the landing place for this file's columns (plus import_id and source_line). */
export async function createStage(
  wh: Warehouse,
  entity: EntitySpec,
  columns: readonly string[],
  importId: number,
): Promise<Stage> {
  if (entity.onExisting === 'skip') {
    const wanted = new Set(columns);
    const all = await wh.describe(entity.table);
    return { name: entity.table, direct: true, importId, columns: all.filter((c) => wanted.has(c.name)) };
  }
  const name = `stage_${entity.table}`;
  const cols = columns.map(quoteIdent).join(', ');
  await wh.execute(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS SELECT ${cols} FROM ${quoteIdent(entity.table)} LIMIT 0`,
  );
  return { name, direct: false, importId, columns: await wh.describe(name) };
}

/** Key columns compared NULL-safely (`IS NOT DISTINCT FROM`), so a missing value matches a missing value. */
const sameKey = (a: string, b: string, key: readonly string[]) =>
  key.map((c) => `${a}.${quoteIdent(c)} IS NOT DISTINCT FROM ${b}.${quoteIdent(c)}`).join(' AND ');

/** md5 of the data columns, NULL-safe, to tell an unchanged upsert from a changed one. */
const contentHash = (alias: string, cols: readonly string[]) =>
  `md5(concat_ws(chr(31), ${cols.map((c) => `coalesce(CAST(${alias}.${quoteIdent(c)} AS VARCHAR), chr(0))`).join(', ')}))`;

/**
 * Settle the landed rows, inside the caller's transaction. A row repeating the key of an earlier line of the
 * file, or of a row already in the warehouse (unchanged, for upserts), is recorded in `quarantine` as a
 * duplicate with the line it repeats and is not kept — so rows read = accepted + quarantined + duplicates.
 */
export async function commitStage(
  wh: Warehouse,
  entity: EntitySpec,
  stage: Stage,
  fileName: string,
): Promise<StageOutcome> {
  return stage.direct ? settleDirect(wh, entity, stage, fileName) : mergeStaged(wh, entity, stage, fileName);
}

async function settleDirect(
  wh: Warehouse,
  entity: EntitySpec,
  stage: Stage,
  fileName: string,
): Promise<StageOutcome> {
  const t = quoteIdent(stage.name);
  const present = new Set(stage.columns.map((c) => c.name));
  const key = entity.key.filter((c) => present.has(c));
  const partition = key.map(quoteIdent).join(', ');
  const params = [stage.importId, entity.name, fileName];
  const keyHash = (alias: string) => `hash(${key.map((c) => `${alias}.${quoteIdent(c)}`).join(', ')})`;
  // Repeats within the file, keeping the first line. A 64-bit hash finds the few keys that repeat cheaply (a
  // hash aggregate); the exact NULL-safe comparison then runs on those rows only, so collisions cannot merge rows.
  await wh.execute(
    `CREATE OR REPLACE TEMP TABLE landed_dups AS
     SELECT rid, source_line, 'duplicate of line ' || kept AS reason FROM (
       SELECT rowid AS rid, source_line, row_number() OVER w AS rn, first(source_line) OVER w AS kept
       FROM ${t} s WHERE import_id = $1 AND ${keyHash('s')} IN (
         SELECT ${keyHash('r')} AS h FROM ${t} r WHERE import_id = $1 GROUP BY h HAVING count(*) > 1)
       WINDOW w AS (PARTITION BY ${partition} ORDER BY source_line))
     WHERE rn > 1`,
    [stage.importId],
  );
  // Rows already in the warehouse from an earlier import (skipped at once when there is none).
  const others = await wh.query({
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${t} WHERE import_id IS DISTINCT FROM $1 LIMIT 1)`,
    params: [stage.importId],
  });
  if (Number(others.columns.n![0]) > 0) {
    await wh.execute(
      `INSERT INTO landed_dups
       SELECT n.rowid, any_value(n.source_line),
         'already in the warehouse (import #' || coalesce(CAST(min(x.import_id) AS VARCHAR), '?') || ', line ' ||
         coalesce(CAST(min(x.source_line) AS VARCHAR), '?') || ')'
       FROM ${t} n JOIN ${t} x ON ${keyHash('n')} = ${keyHash('x')} AND ${sameKey('n', 'x', key)}
         AND x.import_id IS DISTINCT FROM $1
       WHERE n.import_id = $1 AND n.rowid NOT IN (SELECT rid FROM landed_dups)
       GROUP BY n.rowid`,
      [stage.importId],
    );
  }
  const duplicates = await wh.execute(
    `INSERT INTO quarantine SELECT $1, $2, $3, source_line, NULL, 'duplicate', reason, NULL FROM landed_dups`,
    params,
  );
  await wh.execute(`DELETE FROM ${t} WHERE import_id = $1 AND rowid IN (SELECT rid FROM landed_dups)`, [
    stage.importId,
  ]);
  await wh.execute('DROP TABLE landed_dups');
  const r = await wh.query({
    sql: `SELECT count(*) AS n FROM ${t} WHERE import_id = $1`,
    params: [stage.importId],
  });
  return { inserted: Number(r.columns.n![0]), updated: 0, duplicates };
}

async function mergeStaged(
  wh: Warehouse,
  entity: EntitySpec,
  stage: Stage,
  fileName: string,
): Promise<StageOutcome> {
  const s = quoteIdent(stage.name);
  const t = quoteIdent(entity.table);
  const names = stage.columns.map((c) => c.name);
  const dataCols = names.filter((c) => !META.has(c));
  const key = entity.key;
  const params = [stage.importId, entity.name, fileName];
  // Rank repeats of a key within the file; the last line wins (a later row of a CRM export is newer).
  const ranked = quoteIdent(`${stage.name}_ranked`);
  await wh.execute(
    `CREATE OR REPLACE TEMP TABLE ${ranked} AS
     SELECT *, row_number() OVER w AS __rn, first(source_line) OVER w AS __kept_line, ${contentHash('s', dataCols)} AS __content
     FROM ${s} s WINDOW w AS (PARTITION BY ${key.map(quoteIdent).join(', ')} ORDER BY source_line DESC)`,
  );
  let duplicates = await wh.execute(
    `INSERT INTO quarantine SELECT $1, $2, $3, source_line, NULL, 'duplicate',
       '${key.join(', ')} appears again on line ' || __kept_line || '; the later row was kept', NULL
     FROM ${ranked} WHERE __rn > 1`,
    params,
  );
  const join = key.map((c) => `x.${quoteIdent(c)} = s.${quoteIdent(c)}`).join(' AND ');
  duplicates += await wh.execute(
    `INSERT INTO quarantine SELECT $1, $2, $3, s.source_line, NULL, 'duplicate',
       'already in the warehouse unchanged (import #' || coalesce(CAST(x.import_id AS VARCHAR), '?') || ', line ' ||
       coalesce(CAST(x.source_line AS VARCHAR), '?') || ')', NULL
     FROM ${ranked} s JOIN ${t} x ON ${join} AND ${contentHash('x', dataCols)} = s.__content WHERE s.__rn = 1`,
    params,
  );
  const cols = names.map(quoteIdent).join(', ');
  const inserted = await wh.execute(
    `INSERT INTO ${t} (${cols}) SELECT ${cols} FROM ${ranked} s WHERE s.__rn = 1 AND NOT EXISTS (SELECT 1 FROM ${t} x WHERE ${join})`,
  );
  const sets = names
    .filter((c) => !key.includes(c))
    .map((c) => `${quoteIdent(c)} = coalesce(EXCLUDED.${quoteIdent(c)}, ${t}.${quoteIdent(c)})`)
    .join(', ');
  const updated = await wh.execute(
    `INSERT INTO ${t} (${cols}) SELECT ${names.map((c) => `s.${quoteIdent(c)}`).join(', ')} FROM ${ranked} s
     JOIN ${t} x ON ${join} WHERE s.__rn = 1 AND ${contentHash('x', dataCols)} <> s.__content
     ON CONFLICT (${key.map(quoteIdent).join(', ')}) DO UPDATE SET ${sets}`,
  );
  await wh.execute(`DROP TABLE ${ranked}`);
  await wh.execute(`DROP TABLE ${s}`);
  return { inserted, updated, duplicates };
}
