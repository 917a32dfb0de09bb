import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { invalidInput, notFound } from '../../core/errors.js';
import { importFile } from '../../ingest/import-file.js';
import { qualityReport } from '../../ingest/quality/report.js';
import { defineRoute } from '../route.js';
import { rowsOf } from '../rows.js';
import { pageOf, pageQuery } from '../schemas.js';

const FILE_TYPES = ['.csv', '.tsv', '.txt', '.jsonl', '.ndjson', '.json', '.parquet', '.gz'];

export const importRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/imports',
    summary: 'import a file sent as the raw request body; answers the import report',
    tag: 'data',
    scope: 'write',
    status: 201,
    body: 'raw',
    query: z.object({
      entity: z.string().min(1).describe('customers, orders, products, events, messages, campaigns, ...'),
      filename: z
        .string()
        .min(1)
        .default('upload.csv')
        .describe('original file name; its extension picks the format (.csv, .jsonl, .parquet, .csv.gz)'),
    }),
    handler: async ({ app, query, body }) => {
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw invalidInput(
          'body: send the file as the request body (Content-Type: application/octet-stream)',
        );
      const name = query.filename.replace(/[^A-Za-z0-9_.-]+/g, '_');
      if (!FILE_TYPES.includes(extname(name).toLowerCase()))
        throw invalidInput(
          `query.filename: unsupported file type ${extname(name) || '(none)'}`,
          `expected one of ${FILE_TYPES.join(', ')}`,
        );
      const dir = await mkdtemp(join(tmpdir(), 'segmenta-upload-'));
      try {
        const path = join(dir, name);
        await writeFile(path, body);
        return await importFile(app.warehouse, { entity: query.entity, path });
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
      memo.get('quality', () => qualityReport(app.warehouse), { ttlMs: 60_000 }),
  }),
];
