import { notFound } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface RunInfo {
  readonly runId: number;
  readonly asOf: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly status: 'running' | 'done' | 'failed';
  readonly params: unknown;
  readonly summary: unknown;
}

function rows(t: Awaited<ReturnType<Warehouse['query']>>): RunInfo[] {
  const c = t.columns;
  return Array.from({ length: t.rowCount }, (_, i) => ({
    runId: Number(c.run_id?.[i]),
    asOf: new Date(Number(c.as_of?.[i])).toISOString().slice(0, 10),
    startedAt: Number(c.started_at?.[i]),
    finishedAt: c.finished_at?.[i] === null ? null : Number(c.finished_at?.[i]),
    status: String(c.status?.[i]) as RunInfo['status'],
    params: JSON.parse(String(c.params?.[i] ?? 'null')),
    summary: JSON.parse(String(c.summary?.[i] ?? 'null')),
  }));
}

const COLUMNS = 'run_id, as_of, started_at, finished_at, status, params, summary';

/** Every analysis run, oldest first. */
export async function listRuns(wh: Warehouse): Promise<RunInfo[]> {
  return rows(await wh.query({ sql: `SELECT ${COLUMNS} FROM analysis_runs ORDER BY run_id`, params: [] }));
}

/** A finished run by number, or the latest finished one; a clear message when there is none. */
export async function getRun(wh: Warehouse, runId?: number): Promise<RunInfo> {
  const t =
    runId === undefined
      ? await wh.query({
          sql: `SELECT ${COLUMNS} FROM analysis_runs WHERE status = 'done' ORDER BY run_id DESC LIMIT 1`,
          params: [],
        })
      : await wh.query({ sql: `SELECT ${COLUMNS} FROM analysis_runs WHERE run_id = $1`, params: [runId] });
  const run = rows(t)[0];
  if (!run) {
    throw runId === undefined
      ? notFound('no finished analysis run yet', 'run segmenta analyze first')
      : notFound(`analysis run ${runId} does not exist`, 'segmenta runs lists the runs');
  }
  if (run.status !== 'done') {
    throw notFound(`analysis run ${run.runId} is ${run.status}, not finished`, 'run segmenta analyze again');
  }
  return run;
}
