import { basename } from 'node:path';
import type { CellValue } from '../warehouse/column-table.js';
import { columnTable } from '../warehouse/column-table.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { entityByName } from './entities/index.js';
import { entityStats } from './entity-stats.js';
import { compileFieldParsers, type FieldParsers, type FormatOptions } from './field-parsers.js';
import { finisherFor } from './finish/index.js';
import { mergeDuplicateCustomers } from './identity/merge-customers.js';
import { balances, type ImportReport } from './import-report.js';
import { nextImportId, reasonSummary, recordImport } from './imports-log.js';
import { resolveMapping } from './mapping.js';
import { createRowConverter } from './row-converter.js';
import type { RowIssue } from './row-result.js';
import { loadSavedMapping, saveMapping } from './saved-mappings.js';
import { type OpenOptions, openSource } from './sources/open-source.js';
import { commitStage, createStage } from './stage.js';

export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
}

export interface ImportOptions extends OpenOptions, FormatOptions {
  readonly entity: string;
  readonly path: string;
  /** `field → column` overrides of the automatic mapping. */
  readonly map?: Readonly<Record<string, string>>;
  /** Reuse a mapping saved earlier with `saveMappingAs`. */
  readonly mappingName?: string;
  readonly saveMappingAs?: string;
  /** Default country for phone numbers (ISO code), default ES. */
  readonly country?: string;
  readonly onProgress?: (p: ImportProgress) => void;
}

const STAGE_BATCH = 50_000;

/**
 * Import one file into the warehouse, atomically: the rows, their quarantine records, identity merges and the
 * import log land together or not at all. Every row read is accepted, quarantined or skipped as a duplicate.
 */
export async function importFile(wh: Warehouse, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const entity = entityByName(options.entity);
  const source = await openSource(options.path, options);
  const fileName = basename(options.path);
  const saved = options.mappingName
    ? await loadSavedMapping(wh, options.mappingName, entity.name)
    : undefined;
  const explicitMap = { ...(saved?.map ?? {}), ...(options.map ?? {}) };
  const formatOptions: FormatOptions = { ...(saved?.formats ?? {}), ...pickFormats(options) };
  const mapping = resolveMapping(entity, source.header, explicitMap);
  const finish = finisherFor(entity.name, options.country ?? 'ES');
  const extrasColumn = entity.extrasColumn;
  const extras = extrasColumn ? mapping.extras : [];
  const width = source.header.length;
  const tableColumns = new Set((await wh.describe(entity.table)).map((c) => c.name));
  const stageColumns = [
    ...new Set([
      ...mapping.fields.keys(),
      ...finish.produces,
      ...(extrasColumn && extras.length ? [extrasColumn] : []),
    ]),
  ].filter((c) => tableColumns.has(c));

  return wh.transaction(async () => {
    const importId = await nextImportId(wh);
    const stage = await createStage(wh, entity, [...stageColumns, 'import_id', 'source_line'], importId);
    const landing = await wh.bulkAppender(stage.name, [...stageColumns, 'import_id', 'source_line']);
    const quarantined = await wh.bulkAppender('quarantine', QUARANTINE_COLUMNS);
    let buffer = newBuffer(stageColumns);
    let lineBuffer: number[] = [];
    let quarantine: RowIssue[] = [];
    let rowsRead = 0;
    let rejected = 0;
    let parsers: FieldParsers | undefined;
    let convert: ReturnType<typeof createRowConverter> | undefined;

    const flush = async () => {
      const n = lineBuffer.length;
      if (n > 0) {
        landing.add(
          columnTable({ ...buffer, import_id: new Array<number>(n).fill(importId), source_line: lineBuffer }),
        );
      }
      buffer = newBuffer(stageColumns);
      lineBuffer = [];
      if (quarantine.length > 0) quarantined.add(quarantineRows(importId, entity.name, fileName, quarantine));
      quarantine = [];
    };
    const reject = (line: number, column: string | null, reason: string, raw: string | null) => {
      rejected++;
      quarantine.push({ line, column, kind: 'rejected', reason, raw });
    };
    const widthHint =
      source.format === 'csv'
        ? ` (${source.description}; a stray delimiter or quote, or the wrong --delimiter?)`
        : '';

    try {
      for await (const batch of source.batches()) {
        if (parsers === undefined) {
          parsers = compileFieldParsers(entity, mapping, batch.fields, formatOptions);
          convert = createRowConverter({
            header: source.header,
            fields: mapping.fields,
            parsers,
            finish: finish.fn,
            produces: finish.produces,
            ...(extrasColumn ? { extrasColumn } : {}),
            extras,
            columns: stageColumns,
          });
        }
        for (const e of batch.errors) {
          rowsRead++;
          reject(e.line, null, e.reason, e.raw ?? null);
        }
        const { fields: recs, lines } = batch;
        for (let r = 0; r < recs.length; r++) {
          const rec = recs[r]!;
          const line = lines[r]!;
          rowsRead++;
          if (rec.length !== width) {
            reject(
              line,
              null,
              `expected ${width} fields, found ${rec.length}${widthHint}`,
              rec.join(source.rawSeparator),
            );
            continue;
          }
          const c = convert!(rec, line, buffer, quarantine);
          if (c.rejected) {
            reject(line, c.column, c.reason, rec.join(source.rawSeparator));
            continue;
          }
          lineBuffer.push(line);
          if (lineBuffer.length >= STAGE_BATCH) await flush();
        }
        options.onProgress?.({ bytesRead: batch.bytesRead, totalBytes: source.totalBytes, rows: rowsRead });
      }
      await flush();
      await landing.finish();
      await quarantined.finish();
    } catch (e) {
      landing.abort();
      quarantined.abort();
      throw e;
    }

    const notes = [...(parsers?.notes ?? [])];
    if (rowsRead === 0) notes.push('the file has a header but no data rows: nothing imported');
    const stats = await entityStats(wh, entity.name, stage);
    const outcome = await commitStage(wh, entity, stage, fileName);
    const merged = entity.name === 'customers' ? (await mergeDuplicateCustomers(wh, importId)).merged : 0;
    if (options.saveMappingAs) {
      await saveMapping(
        wh,
        options.saveMappingAs,
        entity.name,
        mappingAsNames(mapping.fields, source.header),
        parsers?.formatOptions ?? {},
      );
      notes.push(
        `mapping saved as ${JSON.stringify(options.saveMappingAs)}: reuse it with --mapping ${options.saveMappingAs}`,
      );
    }
    const report: ImportReport = {
      importId,
      entity: entity.name,
      file: fileName,
      format: source.description,
      sha256: await source.sha256(),
      rowsRead,
      accepted: outcome.inserted + outcome.updated,
      inserted: outcome.inserted,
      updated: outcome.updated,
      quarantined: rejected,
      duplicates: outcome.duplicates,
      valueIssues: await countIssues(wh, importId, 'value'),
      reasons: await reasonSummary(wh, importId),
      mapping: mapping.describe,
      unmappedColumns: extrasColumn ? [] : mapping.extras.map((i) => source.header[i]!),
      formats: parsers?.formats ?? {},
      notes:
        extrasColumn && extras.length > 0
          ? [...notes, `${extras.length} unmapped column(s) kept in ${extrasColumn}`]
          : notes,
      stats,
      merged,
      seconds: (performance.now() - started) / 1000,
    };
    if (!balances(report)) {
      throw new Error(
        `import of ${fileName} does not balance: read ${rowsRead}, accepted ${report.accepted}, quarantined ${rejected}, duplicates ${report.duplicates}`,
      );
    }
    await recordImport(wh, report, options.path, source.totalBytes, options);
    return report;
  });
}

function newBuffer(cols: readonly string[]): Record<string, CellValue[]> {
  const b: Record<string, CellValue[]> = {};
  for (const c of cols) b[c] = [];
  return b;
}

function mappingAsNames(
  fields: ReadonlyMap<string, number>,
  header: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, i] of fields) out[f] = header[i]!;
  return out;
}

function pickFormats(o: FormatOptions): FormatOptions {
  const out: Record<string, unknown> = {};
  if (o.decimal !== undefined) out.decimal = o.decimal;
  if (o.dateFormat !== undefined) out.dateFormat = o.dateFormat;
  return out as FormatOptions;
}

const QUARANTINE_COLUMNS = [
  'import_id',
  'entity',
  'file_name',
  'line',
  'column_name',
  'kind',
  'reason',
  'raw',
];

function quarantineRows(importId: number, entity: string, file: string, rows: readonly RowIssue[]) {
  return columnTable({
    import_id: rows.map(() => importId),
    entity: rows.map(() => entity),
    file_name: rows.map(() => file),
    line: rows.map((r) => r.line),
    column_name: rows.map((r) => r.column),
    kind: rows.map((r) => r.kind),
    reason: rows.map((r) => r.reason),
    raw: rows.map((r) => r.raw),
  });
}

async function countIssues(wh: Warehouse, importId: number, kind: string): Promise<number> {
  const r = await wh.query({
    sql: 'SELECT count(*) AS n FROM quarantine WHERE import_id = $1 AND kind = $2',
    params: [importId, kind],
  });
  return Number(r.columns.n![0]);
}
