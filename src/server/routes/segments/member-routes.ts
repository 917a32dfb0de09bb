import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { getRun } from '../../../analysis/index.js';
import { notFound } from '../../../core/errors.js';
import { currentMembers, explain, getSegment, segmentLogSeq } from '../../../segments/index.js';
import { Instant, parseInstant } from '../../../segments/schema/instant.js';
import type { Warehouse } from '../../../warehouse/warehouse.js';
import { defineRoute } from '../../route.js';
import { exportMembers, memberPage } from './member-queries.js';
import { ruleSegmentQuality } from './rule-quality.js';
import { iso } from './segment-view.js';

const name = z.object({ name: z.string().min(1) });

/** Whether segments can see this customer: an imported customer or anyone with an event (their universe). */
async function customerExists(wh: Warehouse, id: string): Promise<boolean> {
  const t = await wh.query({
    sql: `SELECT EXISTS (SELECT 1 FROM customers WHERE customer_id = $1)
      OR EXISTS (SELECT 1 FROM events WHERE customer_id = $1) AS known`,
    params: [id],
  });
  return t.columns.known?.[0] === true;
}

/** A segment's members: paged, as a file, their quality as a segment, why one customer is (not) in it. */
export const memberRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/segments/:name/members',
    summary: 'current members of a rule segment (from the membership log), by customer id, paged',
    tag: 'segments',
    scope: 'read',
    params: name,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ app, params, query }) => {
      const s = await getSegment(app.warehouse, params.name);
      const page = await memberPage(app.warehouse, s.id, query.limit, query.offset);
      return {
        segment: s.name,
        total: page.total,
        limit: query.limit,
        offset: query.offset,
        items: page.items,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segments/:name/export',
    summary:
      'download the members of a rule segment with their attributes and latest scores (CSV or Parquet)',
    tag: 'segments',
    scope: 'read',
    produces: 'text/csv',
    params: name,
    query: z.object({ format: z.enum(['csv', 'parquet']).default('csv') }),
    handler: async ({ app, params, query, reply }) => {
      const s = await getSegment(app.warehouse, params.name);
      const dir = await mkdtemp(join(tmpdir(), 'segmenta-segment-export-'));
      const file = join(dir, `members.${query.format}`);
      try {
        await exportMembers(app.warehouse, s.id, file, query.format);
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
      const stream = createReadStream(file);
      stream.on('close', () => void rm(dir, { recursive: true, force: true }));
      return reply
        .type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet')
        .header('content-disposition', `attachment; filename="segment-${s.name}.${query.format}"`)
        .send(stream);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segments/:name/quality',
    summary:
      'quality scorecard of a rule segment (members vs the rest) in the features of the latest analysis run',
    tag: 'segments',
    scope: 'read',
    params: name,
    handler: async ({ app, params, memo }) => {
      const s = await getSegment(app.warehouse, params.name);
      const run = await getRun(app.warehouse);
      // Keyed by the segment's latest logged change: any change of members (not only of their number) is a new
      // answer, and a cached answer costs one max(seq) instead of loading every member.
      const seq = await segmentLogSeq(app.warehouse, s.id);
      return memo.get(
        `segments:quality:${s.id}:${s.version}:${run.runId}:${seq}`,
        async () => {
          const members = (await currentMembers(app.warehouse, s.id)).get(s.id) ?? new Set<string>();
          return ruleSegmentQuality(app.warehouse, s.name, run, members);
        },
        { ttlMs: 60_000 },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segments/:name/explain/:customer',
    summary: 'why a customer is (not) in a rule segment: each condition with its value',
    tag: 'segments',
    scope: 'read',
    params: z.object({ name: z.string().min(1), customer: z.string().min(1) }),
    query: z.object({ asOf: Instant.optional().describe('default now') }),
    handler: async ({ app, params, query }) => {
      const at = query.asOf === undefined ? Date.now() : parseInstant(query.asOf)!;
      await getSegment(app.warehouse, params.name);
      if (!(await customerExists(app.warehouse, params.customer)))
        throw notFound(
          `customer "${params.customer}" does not exist`,
          'GET /v1/customers?q=... finds customers; segments also see customers known only from events',
        );
      const e = await explain(app.warehouse, params.name, params.customer, at);
      return {
        ...e,
        asOf: iso(e.asOf),
        lastChange: e.lastChange ? { ...e.lastChange, at: iso(e.lastChange.at) } : null,
      };
    },
  }),
];
