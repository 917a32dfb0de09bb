import { invalidInput, SegmentaError } from '../core/errors.js';
import type { AsOf } from '../features/as-of.js';
import { compileFeatures } from '../features/compile-features.js';
import {
  DEFAULT_LIFECYCLE_RULES,
  type LifecycleRuleSet,
  lifecycleQuery,
  PREDICTION_INPUTS,
  resolveRuleSet,
  STAGE_IDS,
  type Stage,
} from '../models/lifecycle/index.js';
import { type RfmOptions, resolveRfmOptions, rfmScoreQuery } from '../models/rfm/index.js';
import { compile } from '../sql/compile.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { type DataRange, resolveAsOf } from './resolve-as-of.js';
import { insertSegmentsSql } from './segmentations/index.js';

export interface AnalyzeOptions {
  /** `YYYY-MM-DD`; default the day after the last order. See `src/features/as-of.ts` for the exact meaning. */
  readonly asOf?: string;
  /** RFM options (bins, monetary basis, score map); checked before anything runs. */
  readonly rfm?: unknown;
  /** A lifecycle rule set (JSON); default `DEFAULT_LIFECYCLE_RULES`. */
  readonly lifecycle?: unknown;
  /**
   * Hook for the CLV issue: a table with customer_id and p_alive, expected_purchases, clv. When given,
   * lifecycle rules may read those and retention_probability becomes p_alive.
   */
  readonly predictionsTable?: string;
  readonly onProgress?: (done: number, total: number, step: string) => void;
  /** For tests: the clock. */
  readonly now?: () => number;
}

export interface AnalysisSummary {
  readonly runId: number;
  readonly asOf: string;
  readonly customers: number;
  readonly buyers: number;
  readonly typicalGapDays: number;
  readonly rfm: Readonly<Record<string, number>>;
  readonly lifecycle: Readonly<Record<string, number>>;
  readonly phases: Readonly<Record<string, number>>;
  readonly firstOrder: string | null;
  readonly lastOrder: string | null;
  readonly seconds: number;
}

const STEPS = ['features', 'RFM', 'lifecycle', 'scores', 'segments', 'summary'] as const;
/** Fallback usual gap (days) when no customer has two purchases. */
const DEFAULT_TYPICAL_GAP = 30;

async function counts(
  wh: Warehouse,
  runId: number,
  column: 'rfm_segment' | 'lifecycle_stage' | 'lifecycle_phase',
): Promise<Record<string, number>> {
  const t = await wh.query({
    sql: `SELECT ${column} AS k, count(*) AS n FROM customer_scores WHERE run_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1`,
    params: [runId],
  });
  const out: Record<string, number> = {};
  (t.columns.k ?? []).forEach((k, i) => {
    out[String(k)] = Number(t.columns.n?.[i]);
  });
  return out;
}

/** The CLV prediction columns a predictions table offers (the hook for the CLV issue). */
async function predictionColumns(wh: Warehouse, table: string | undefined): Promise<string[]> {
  if (table === undefined) return [];
  const cols = (await wh.describe(table)).map((c) => c.name);
  if (!cols.includes('customer_id')) {
    throw invalidInput(`predictions table ${table} has no customer_id column`);
  }
  return cols.filter((c) => PREDICTION_INPUTS.has(c));
}

async function scalar(
  wh: Warehouse,
  sql: string,
  params: readonly (string | number)[] = [],
): Promise<unknown> {
  const t = await wh.query({ sql, params });
  return Object.values(t.columns)[0]?.[0] ?? null;
}

/**
 * Score every customer as of a date and store it as a new numbered run (`analysis_runs`, `customer_scores`,
 * `customer_segments`); earlier runs are kept. Options are checked before anything is written; the scores and
 * segments of a run land in one transaction, and a failed run stays listed as `failed` with its error.
 */
export async function analyze(wh: Warehouse, options: AnalyzeOptions = {}): Promise<AnalysisSummary> {
  const started = (options.now ?? Date.now)();
  const predictions = await predictionColumns(wh, options.predictionsTable);
  const rfm: RfmOptions = resolveRfmOptions(options.rfm ?? {});
  const rules: LifecycleRuleSet = resolveRuleSet(options.lifecycle ?? DEFAULT_LIFECYCLE_RULES, {
    predictions,
  });
  const { asOf, range } = await resolveAsOf(wh, options.asOf, options.now);
  const progress = (i: number) => options.onProgress?.(i, STEPS.length, STEPS[i] ?? 'done');

  const runId = Number(await scalar(wh, 'SELECT coalesce(max(run_id), 0) + 1 FROM analysis_runs'));
  const params = {
    asOf: asOf.date,
    rfm,
    lifecycle: rules,
    ...(options.predictionsTable !== undefined
      ? { predictionsTable: options.predictionsTable, predictions }
      : {}),
  };
  await wh.execute(
    `INSERT INTO analysis_runs (run_id, as_of, started_at, status, params) VALUES ($1, $2, $3, 'running', $4)`,
    [runId, new Date(asOf.dayMs), new Date(started), JSON.stringify(params)],
  );
  try {
    const summary = await wh.transaction(() =>
      scoreRun(wh, {
        runId,
        asOf,
        range,
        rfm,
        rules,
        predictions,
        predictionsTable: options.predictionsTable,
        progress,
      }),
    );
    const seconds = ((options.now ?? Date.now)() - started) / 1000;
    const full = { ...summary, seconds };
    await wh.execute(
      `UPDATE analysis_runs SET status = 'done', finished_at = $2, summary = $3, params = $4 WHERE run_id = $1`,
      [
        runId,
        new Date((options.now ?? Date.now)()),
        JSON.stringify(full),
        JSON.stringify({ ...params, typicalGapDays: summary.typicalGapDays }),
      ],
    );
    progress(STEPS.length);
    return full;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await wh
      .execute(
        `UPDATE analysis_runs SET status = 'failed', finished_at = now(), summary = $2 WHERE run_id = $1`,
        [runId, JSON.stringify({ error: message })],
      )
      .catch(() => undefined);
    throw e instanceof SegmentaError
      ? e
      : new Error(`analysis run ${runId} failed: ${message}`, { cause: e });
  }
}

interface RunContext {
  readonly runId: number;
  readonly asOf: AsOf;
  readonly range: DataRange;
  readonly rfm: RfmOptions;
  readonly rules: LifecycleRuleSet;
  readonly predictionsTable: string | undefined;
  readonly predictions: readonly string[];
  readonly progress: (step: number) => void;
}

async function scoreRun(wh: Warehouse, c: RunContext): Promise<Omit<AnalysisSummary, 'seconds'>> {
  const temp = ['_analysis_features', '_analysis_rfm'];
  const cleanUp = async () => {
    await wh.execute('DROP VIEW IF EXISTS _analysis_scored');
    for (const t of temp) await wh.execute(`DROP TABLE IF EXISTS ${t}`);
  };
  await cleanUp();

  c.progress(0);
  const features = compileFeatures(c.asOf);
  await wh.execute(`CREATE TEMP TABLE _analysis_features AS ${features.sql}`, features.params);

  c.progress(1);
  const rfm = compile(rfmScoreQuery('_analysis_features', c.rfm), wh.dialect);
  // Only the RFM columns are materialised; features and scores are joined by a view (no 60-column copy).
  await wh.execute(`CREATE TEMP TABLE _analysis_rfm AS ${rfm.sql}`, rfm.params);
  await wh.execute(
    `CREATE TEMP VIEW _analysis_scored AS SELECT f.*, r.* EXCLUDE (customer_id)
      FROM _analysis_features f JOIN _analysis_rfm r ON r.customer_id = f.customer_id`,
  );

  c.progress(2);
  const gap = await scalar(wh, 'SELECT median(mean_gap_days) FROM _analysis_features WHERE frequency >= 2');
  const typicalGapDays = gap === null ? DEFAULT_TYPICAL_GAP : Number(gap);
  const lifecycle = compile(
    lifecycleQuery(
      c.rules,
      {
        table: '_analysis_scored',
        ...(c.predictionsTable !== undefined ? { predictionsTable: c.predictionsTable } : {}),
      },
      { typicalGapDays, predictions: c.predictions },
    ),
    wh.dialect,
  );

  c.progress(3);
  // The run number is bound after the lifecycle query's own parameters.
  await wh.execute(
    `INSERT INTO customer_scores BY NAME
      SELECT CAST($${lifecycle.params.length + 1} AS INTEGER) AS run_id, s.*, l.* EXCLUDE (customer_id)
      FROM _analysis_scored s JOIN (${lifecycle.sql}) l ON l.customer_id = s.customer_id`,
    [...lifecycle.params, c.runId],
  );
  await cleanUp();

  c.progress(4);
  await wh.execute(insertSegmentsSql(), [c.runId, new Date(c.asOf.dayMs)]);

  c.progress(5);
  const totals = await wh.query({
    sql: 'SELECT count(*) AS n, count(*) FILTER (WHERE frequency > 0) AS buyers FROM customer_scores WHERE run_id = $1',
    params: [c.runId],
  });
  const lifecycleCounts = await counts(wh, c.runId, 'lifecycle_stage');
  const ordered: Record<string, number> = {};
  for (const s of STAGE_IDS as Stage[]) if (lifecycleCounts[s] !== undefined) ordered[s] = lifecycleCounts[s];
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 19));
  return {
    runId: c.runId,
    asOf: c.asOf.date,
    customers: Number(totals.columns.n?.[0] ?? 0),
    buyers: Number(totals.columns.buyers?.[0] ?? 0),
    typicalGapDays,
    rfm: await counts(wh, c.runId, 'rfm_segment'),
    lifecycle: ordered,
    phases: await counts(wh, c.runId, 'lifecycle_phase'),
    firstOrder: iso(c.range.firstOrder),
    lastOrder: iso(c.range.lastOrder),
  };
}
