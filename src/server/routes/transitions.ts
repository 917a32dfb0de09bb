import { z } from 'zod';
import { getRun, type RunInfo } from '../../analysis/runs.js';
import { movement, segmentationRelation } from '../../analysis/segment-queries.js';
import { invalidInput } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { defineRoute } from '../route.js';
import { runQuery } from '../schemas.js';

/** The day three months before a `YYYY-MM-DD` day. */
const quarterBefore = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
};

const runNumber = z.coerce.number().int().positive().optional();

/**
 * The run to compare a run with: the finished run with the latest as-of date up to its own (the previous
 * snapshot), else, when it is the earliest (a run made afterwards for an earlier date), the next one after it.
 * `null` when it is the only finished run.
 */
async function partnerOf(wh: Warehouse, run: RunInfo): Promise<RunInfo | null> {
  const t = await wh.query({
    sql: `SELECT run_id FROM analysis_runs WHERE status = 'done' AND run_id <> $1
      ORDER BY as_of <= CAST($2 AS DATE) DESC, CASE WHEN as_of <= CAST($2 AS DATE) THEN as_of END DESC,
        as_of, run_id DESC
      LIMIT 1`,
    params: [run.runId, run.asOf],
  });
  return t.rowCount === 0 ? null : getRun(wh, Number(t.columns.run_id?.[0]));
}

/** A Sankey of one segmentation between two runs: a node per segment on each side, a link per move. */
export async function transitions(wh: Warehouse, segmentation: string, from: RunInfo, to: RunInfo) {
  const m = await movement(wh, segmentation, from.runId, to.runId);
  const side = (s: 'from' | 'to', labels: readonly string[], run: RunInfo) =>
    labels.map((segment) => ({ id: `${s}:${segment}`, segment, side: s, run: run.runId }));
  const links = m.from.flatMap((a, i) =>
    m.to
      .map((b, j) => ({ source: `from:${a}`, target: `to:${b}`, customers: m.counts[i]![j]! }))
      .filter((l) => l.customers > 0),
  );
  return {
    segmentation,
    fromRun: from.runId,
    toRun: to.runId,
    fromAsOf: from.asOf,
    toAsOf: to.asOf,
    kept: m.kept,
    nodes: [...side('from', m.from, from), ...side('to', m.to, to)],
    links,
  };
}

export const transitionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/segmentations/:name/transitions',
    summary:
      'how customers moved between the segments of a segmentation from one run to another (Sankey nodes and links); default: the latest run and the one before it',
    tag: 'segmentations',
    scope: 'read',
    params: z.object({ name: z.string().min(1) }),
    query: runQuery.extend({
      from: runNumber.describe('earlier run (with to; default: the run before the chosen one)'),
      to: runNumber.describe('later run (with from)'),
    }),
    handler: async ({ app, query, params, memo }) => {
      const wh = app.warehouse;
      await segmentationRelation(wh, params.name, 1);
      if ((query.from === undefined) !== (query.to === undefined)) {
        throw invalidInput('give both from and to, or neither (the run and the one before it)');
      }
      let pair: [RunInfo, RunInfo] | null = null;
      let run: RunInfo;
      if (query.from !== undefined && query.to !== undefined) {
        if (query.run !== undefined) throw invalidInput('give run, or from and to, not both');
        if (query.from === query.to) throw invalidInput('from and to must be different runs');
        run = await getRun(wh, query.to);
        pair = [await getRun(wh, query.from), run];
      } else {
        run = await getRun(wh, query.run);
        const other = await partnerOf(wh, run);
        if (other)
          pair = [other, run].sort((x, y) => x.asOf.localeCompare(y.asOf) || x.runId - y.runId) as [
            RunInfo,
            RunInfo,
          ];
      }
      if (pair === null) {
        return {
          segmentation: params.name,
          fromRun: null,
          toRun: run.runId,
          fromAsOf: null,
          toAsOf: run.asOf,
          kept: null,
          nodes: [],
          links: [],
          note: `only one finished analysis run: transitions need two (e.g. segmenta analyze --as-of ${quarterBefore(run.asOf)} for an earlier one)`,
        };
      }
      const [from, to] = pair;
      return memo.get(
        `transitions:${params.name}:${from.runId}:${from.startedAt}:${to.runId}:${to.startedAt}`,
        () => transitions(wh, params.name, from, to),
        { persist: true },
      );
    },
  }),
];
