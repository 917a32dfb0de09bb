import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidInput, notFound } from '../../core/errors.js';
import { importFile } from '../../ingest/import-file.js';
import type { ImportReport } from '../../ingest/import-report.js';
import { qualityReport } from '../../ingest/quality/report.js';
import type { SegmentRuntime } from '../../segments/runtime/segment-runtime.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { validationError } from '../problem.js';
import { qualityCacheKey } from '../quality-key.js';
import { defineRoute } from '../route.js';
import { rowsOf } from '../rows.js';
import { pageOf, pageQuery } from '../schemas.js';

const FILE_TYPES = ['.csv', '.tsv', '.txt', '.jsonl', '.ndjson', '.json', '.parquet', '.gz'];

/** Rows set aside (rejected or duplicate) returned with the report; all of them are in `quarantine`. */
const QUARANTINE_SHOWN = 100;

const ENTITY = z.string().min(1);
const safeName = (name: string) => name.replace(/[^A-Za-z0-9_.-]+/g, '_');

function checkType(name: string, where: string): void {
  if (!FILE_TYPES.includes(extname(name).toLowerCase()))
    throw invalidInput(
      `${where}: unsupported file type ${extname(name) || '(none)'}`,
      `expected one of ${FILE_TYPES.join(', ')}`,
    );
}

/**
 * A multipart form (`curl -F file=@orders.csv -F entity=orders`, a browser form): the file is streamed to `dir`
 * as it arrives, never held in memory; the other fields are returned.
 */
async function receiveForm(
  request: FastifyRequest,
  dir: string,
): Promise<{
  file: { path: string; name: string; bytes: number } | undefined;
  fields: Record<string, string>;
}> {
  const fields: Record<string, string> = {};
  let file: { path: string; name: string; bytes: number } | undefined;
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw invalidInput(`form field ${part.fieldname}: send the file in the field "file"`);
    }
    const name = safeName(part.filename || 'upload.csv');
    const path = join(dir, name);
    let bytes = 0;
    part.file.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    await pipeline(part.file, createWriteStream(path));
    file = { path, name, bytes };
  }
  return { file, fields };
}

/** The report with the first rows set aside (line, column, kind, reason, raw), so a client sees what to fix. */
async function withQuarantine(wh: Warehouse, report: ImportReport, runtime: SegmentRuntime | undefined) {
  // Live segments read profile fields and events: rebuild them from what the import changed.
  if (runtime && report.accepted > 0) await runtime.refreshProfiles();
  const t = await wh.query({
    sql: `SELECT line, column_name, kind, reason, raw FROM quarantine WHERE import_id = $1 ORDER BY line LIMIT $2`,
    params: [report.importId, QUARANTINE_SHOWN],
  });
  return { ...report, quarantine: rowsOf(t) };
}

export const importRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/imports',
    summary:
      'import a file, sent as a multipart form (fields file and entity: curl -F file=@orders.csv -F entity=orders) or as the raw request body (?entity=…&filename=…); answers the import report with the first rows it set aside (rejected, duplicate)',
    tag: 'data',
    scope: 'write',
    status: 201,
    body: 'raw',
    query: z.object({
      entity: ENTITY.optional().describe(
        'customers, orders, products, events, messages, campaigns, ... (a form field `entity` with multipart)',
      ),
      filename: z
        .string()
        .min(1)
        .optional()
        .describe(
          "original file name; its extension picks the format (.csv, .jsonl, .parquet, .csv.gz); default the uploaded file's name, or upload.csv",
        ),
    }),
    handler: async ({ app, query, body, request, runtime }) => {
      const dir = await mkdtemp(join(tmpdir(), 'segmenta-upload-'));
      try {
        if (request.isMultipart()) {
          const { file, fields } = await receiveForm(request, dir);
          const entity = query.entity ?? fields.entity;
          if (entity === undefined || entity === '')
            throw invalidInput('entity: required: a form field entity=orders (or ?entity=orders)');
          if (!file)
            throw invalidInput(
              'file: required: send the file in the form field "file" (curl -F file=@orders.csv -F entity=orders)',
            );
          if (file.bytes === 0) throw invalidInput(`file: ${file.name} is empty`);
          const wanted = safeName(query.filename ?? fields.filename ?? file.name);
          checkType(wanted, 'file');
          const path = join(dir, wanted);
          if (path !== file.path) await rename(file.path, path);
          return await withQuarantine(
            app.warehouse,
            await importFile(app.warehouse, { entity, path }),
            runtime,
          );
        }
        const checked = z.object({ entity: ENTITY }).safeParse(query);
        if (!checked.success) throw validationError('query', checked.error);
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw invalidInput(
            'body: send the file as the request body (Content-Type: application/octet-stream)',
          );
        const name = safeName(query.filename ?? 'upload.csv');
        checkType(name, 'query.filename');
        const path = join(dir, name);
        await writeFile(path, body);
        const report = await importFile(app.warehouse, { entity: checked.data.entity, path });
        return await withQuarantine(app.warehouse, report, runtime);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/imports',
    summary: 'import history, newest first, paginated',
    tag: 'data',
    scope: 'read',
    query: pageQuery,
    handler: async ({ app, query }) => {
      const [t, n] = await Promise.all([
        app.warehouse.query({
          sql: `SELECT import_id, entity, file_name, file_bytes, started_at, finished_at, rows_read, rows_accepted,
              rows_quarantined, rows_duplicate FROM imports ORDER BY import_id DESC LIMIT $1 OFFSET $2`,
          params: [query.limit, query.offset],
        }),
        app.warehouse.query({ sql: 'SELECT count(*) AS n FROM imports', params: [] }),
      ]);
      return pageOf(
        rowsOf(t, { instant: ['started_at', 'finished_at'] }),
        Number(n.columns.n?.[0] ?? 0),
        query.limit,
        query.offset,
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/imports/:id',
    summary: 'the report of one import',
    tag: 'data',
    scope: 'read',
    params: z.object({ id: z.coerce.number().int().positive() }),
    handler: async ({ app, params }) => {
      const t = await app.warehouse.query({
        sql: 'SELECT report FROM imports WHERE import_id = $1',
        params: [params.id],
      });
      if (t.rowCount === 0)
        throw notFound(`import ${params.id} does not exist`, 'GET /v1/imports lists them');
      return JSON.parse(String(t.columns.report?.[0]));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/quality',
    summary: 'data-quality report: completeness, outliers, checks and quarantine per entity',
    tag: 'data',
    scope: 'read',
    handler: async ({ app, memo }) =>
      memo.get(await qualityCacheKey(app.warehouse), () => qualityReport(app.warehouse), {
        persist: true,
        supersedes: 'quality:',
      }),
  }),
];
