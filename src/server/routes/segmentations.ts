import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { listClusterings } from '../../analysis/clusters/clustering-store.js';
import { exportCustomers } from '../../analysis/export-customers.js';
import { getRun } from '../../analysis/runs.js';
import { countSegments, listSegmentations, segmentationRelation } from '../../analysis/segment-queries.js';
import { notFound } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { defineRoute } from '../route.js';
import { pageQuery, runQuery } from '../schemas.js';
import { customerFilter } from './customer-filter.js';
import { searchCustomers } from './customers.js';

const nameParams = z.object({ name: z.string().min(1) });

/**
 * The clusterings of a run as part of a cache key: `segmenta cluster` adds or remakes clusterings of a finished
 * run, and the answers that list them must then be computed again.
 */
async function clusteringsMark(wh: Warehouse, runId: number): Promise<string> {
  const t = await wh.query({
    sql: 'SELECT count(*) AS n, coalesce(max(epoch_ms(created_at)), 0) AS t FROM clusterings WHERE run_id = $1',
    params: [runId],
  });
  return `${Number(t.columns.n?.[0])}.${Number(t.columns.t?.[0])}`;
}

/** Whether a segmentation labels any customer of the run with this segment. */
async function hasSegment(wh: Warehouse, runId: number, segmentation: string, segment: string) {
  const rel = await segmentationRelation(wh, segmentation, 3);
  const t = await wh.query({
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${rel.sql} g WHERE g.run_id = $1 AND g.segment = $2 LIMIT 1)`,
    params: [runId, segment, ...rel.params],
  });
  return Number(t.columns.n?.[0] ?? 0) > 0;
}

export const segmentationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/segmentations',
    summary:
      'the segmentations of a run (RFM, lifecycle, demographic, ..., clusterings) with their segment counts',
    tag: 'segmentations',
    scope: 'read',
    query: runQuery,
    handler: async ({ app, query, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      return memo.get(
        `segmentations:${run.runId}:${run.startedAt}:${await clusteringsMark(app.warehouse, run.runId)}`,
        async () => ({
          run: run.runId,
          asOf: run.asOf,
          items: await listSegmentations(app.warehouse, run.runId),
        }),
        { persist: true },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segmentations/:name',
    summary: 'size and profile of every segment of one segmentation, largest first',
    tag: 'segmentations',
    scope: 'read',
    params: nameParams,
    query: runQuery,
    handler: async ({ app, query, params, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      return memo.get(
        `segments:${run.runId}:${run.startedAt}:${params.name}:${await clusteringsMark(app.warehouse, run.runId)}`,
        async () => ({
          run: run.runId,
          segmentation: params.name,
          segments: await countSegments(app.warehouse, run.runId, params.name),
        }),
        { persist: true },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segmentations/:name/segments/:segment/members',
    summary: 'the customers of one segment, filterable and paginated like /v1/customers',
    tag: 'segmentations',
    scope: 'read',
    params: z.object({ name: z.string().min(1), segment: z.string().min(1) }),
    query: runQuery
      .extend(pageQuery.shape)
      .extend(customerFilter.omit({ segmentation: true, segment: true }).shape),
    handler: async ({ app, query, params }) => {
      const run = await getRun(app.warehouse, query.run);
      const found = await searchCustomers(
        app.warehouse,
        run.runId,
        { ...query, segmentation: params.name, segment: params.segment },
        query.limit,
        query.offset,
      );
      // A segment is its labelled customers: no match at all may mean there is no such segment in the run.
      if (found.total === 0 && !(await hasSegment(app.warehouse, run.runId, params.name, params.segment))) {
        throw notFound(
          `segment "${params.segment}" does not exist in segmentation ${params.name} (analysis run ${run.runId})`,
          `GET /v1/segmentations/${params.name}?run=${run.runId} lists its segments`,
        );
      }
      return found;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/clusterings',
    summary: 'the clusterings of a run: k, quality, persona cards',
    tag: 'segmentations',
    scope: 'read',
    query: runQuery,
    handler: async ({ app, query, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      return memo.get(
        `clusterings:${run.runId}:${run.startedAt}:${await clusteringsMark(app.warehouse, run.runId)}`,
        async () => ({
          run: run.runId,
          items: await listClusterings(app.warehouse, run.runId),
        }),
        { persist: true },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/export',
    summary: 'download every customer of a run, or one segment, with scores, predictions and segments',
    tag: 'segmentations',
    scope: 'read',
    produces: 'text/csv',
    query: runQuery.extend({
      format: z.enum(['csv', 'parquet']).default('csv'),
      segmentation: z.string().min(1).optional(),
      segment: z.string().min(1).optional(),
    }),
    handler: async ({ app, query, reply }) => {
      const run = await getRun(app.warehouse, query.run);
      const dir = await mkdtemp(join(tmpdir(), 'segmenta-export-'));
      const file = join(dir, `customers.${query.format}`);
      try {
        await exportCustomers(app.warehouse, {
          out: file,
          runId: run.runId,
          ...(query.segmentation !== undefined && query.segment !== undefined
            ? { segment: { segmentation: query.segmentation, segment: query.segment } }
            : {}),
        });
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
      const stream = createReadStream(file);
      stream.on('close', () => void rm(dir, { recursive: true, force: true }));
      const name = `segmenta-run${run.runId}${query.segment ? `-${query.segment.replace(/[^A-Za-z0-9_.-]+/g, '_')}` : ''}.${query.format}`;
      return reply
        .type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(stream);
    },
  }),
];
