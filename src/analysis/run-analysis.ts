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
import { quoteIdent } from '../sql/dialect.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import {
  type ClusterOptions,
  clusterCustomers,
  type ResolvedClusterOptions,
  resolveClusterOptions,
} from './clusters/clustering.js';
import { PREDICTION_COLUMNS } from './export-columns.js';
import { type DataRange, resolveAsOf } from './resolve-as-of.js';
import {
  type AnalyzeClvOptions,
  PREDICTIONS_TABLE,
  type PredictionSummary,
  resolveClvOptions,
  runPredictions,
} from './run-predictions.js';
import { insertSegmentsSql } from './segmentations/index.js';

export interface AnalyzeOptions {
  /** `YYYY-MM-DD`; default the day after the last order. See `src/features/as-of.ts` for the exact meaning. */
  readonly asOf?: string;
  /** RFM options (bins, monetary basis, score map); checked before anything runs. */
  readonly rfm?: unknown;
  /** A lifecycle rule set (JSON); default `DEFAULT_LIFECYCLE_RULES`. */
  readonly lifecycle?: unknown;
  /**
   * The lifecycle hook's input: a table with customer_id and any of the PREDICTION_COLUMNS (p_alive,
   * expected_purchases, clv...). When given, it replaces the run's own CLV step; lifecycle rules may read
   * p_alive, expected_purchases and clv, and retention_probability becomes p_alive.
   */
  readonly predictionsTable?: string;
  /** The CLV step (on by default): horizon, draws, model... or `false` to skip it. */
  readonly clv?: AnalyzeClvOptions | false;
  /** The clustering step (on by default: behavioural + value features, k auto) or `false` to skip it. */
  readonly clusters?: Omit<ClusterOptions, 'name' | 'now'> | false;
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
  /** The CLV step: model, totals over the horizon, or why there are no predictions. */
  readonly clv: PredictionSummary;
  /** The run's clustering (`cluster`): k, why, and each cluster's name and size; or why there is none. */
  readonly clusters: ClusterSummary;
  /** Seconds per step. */
  readonly steps: Readonly<Record<string, number>>;
  readonly seconds: number;
}

export type ClusterSummary =
  | {
      readonly status: 'ok';
      readonly name: string;
      readonly featureSet: string;
      readonly k: number;
      readonly kChoice: 'auto' | 'given';
      readonly explanation: string;
      readonly silhouette: number | null;
      readonly clusters: readonly {
        readonly cluster: number;
        readonly name: string;
        readonly size: number;
        readonly share: number;
        readonly summary: string;
      }[];
    }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'off' };

const STEPS = ['CLV', 'features', 'RFM', 'lifecycle', 'scores', 'segments', 'clusters', 'summary'] as const;
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
 * `customer_segments`, `clusterings`); earlier runs are kept. Steps: CLV predictions (fitted on the same as-of
 * data; a fit that cannot be made leaves them NULL and says why), features, RFM, lifecycle (reading the
 * predictions through the hook), scores, segmentations (value tiers, risk and retention from CLV where present),
 * the run's clustering (`cluster`), summary. Options are checked before anything is written; the scores,
 * segments and clusters of a run land in one transaction, and a failed run stays listed as `failed`.
 */
export async function analyze(wh: Warehouse, options: AnalyzeOptions = {}): Promise<AnalysisSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const userTable = options.predictionsTable;
  const userPredictions = await predictionColumns(wh, userTable);
  const clvOptions =
    userTable === undefined && options.clv !== false ? resolveClvOptions(options.clv || {}) : null;
  const clusterOptions =
    options.clusters === false
      ? null
      : resolveClusterOptions({ ...(options.clusters ?? {}), name: 'cluster' });
  const rfm: RfmOptions = resolveRfmOptions(options.rfm ?? {});
  // Rules may read the predictions when the run makes them; checked again once we know the fit worked.
  const lifecycleInput = options.lifecycle ?? DEFAULT_LIFECYCLE_RULES;
  resolveRuleSet(lifecycleInput, { predictions: clvOptions ? [...PREDICTION_INPUTS] : userPredictions });
  const { asOf, range } = await resolveAsOf(wh, options.asOf, options.now);
  const steps: Record<string, number> = {};
  let stepStarted = performance.now();
  const progress = (i: number) => {
    const t = performance.now();
    if (i > 0) steps[STEPS[i - 1] ?? 'done'] = (t - stepStarted) / 1000;
    stepStarted = t;
    options.onProgress?.(i, STEPS.length, STEPS[i] ?? 'done');
  };

  progress(0);
  const clv: PredictionSummary = clvOptions
    ? await runPredictions(wh, asOf, clvOptions)
    : userTable !== undefined
      ? { status: 'table', table: userTable }
      : { status: 'off' };
  const predictionsTable = clv.status === 'ok' ? PREDICTIONS_TABLE : userTable;
  const predictions = clv.status === 'ok' ? [...PREDICTION_INPUTS] : userPredictions;
  let rules: LifecycleRuleSet;
  try {
    rules = resolveRuleSet(lifecycleInput, { predictions });
  } catch (e) {
    await wh.execute(`DROP TABLE IF EXISTS ${PREDICTIONS_TABLE}`);
    if (clv.status === 'failed' && e instanceof SegmentaError) {
      throw new SegmentaError(e.kind, `${e.message} (the CLV fit failed: ${clv.reason})`, e.hint);
    }
    throw e;
  }

  const runId = Number(await scalar(wh, 'SELECT coalesce(max(run_id), 0) + 1 FROM analysis_runs'));
  const params = {
    asOf: asOf.date,
    rfm,
    lifecycle: rules,
    ...(userTable !== undefined ? { predictionsTable: userTable, predictions } : {}),
    ...(clvOptions ? { clv: clvOptions } : {}),
    ...(clusterOptions
      ? {
          clusters: {
            features: clusterOptions.selection.set,
            k: clusterOptions.k,
            seed: clusterOptions.seed,
          },
        }
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
        predictionsTable,
        clusterOptions,
        progress,
        now,
      }),
    );
    await wh.execute(`DROP TABLE IF EXISTS ${PREDICTIONS_TABLE}`);
    progress(STEPS.length);
    const seconds = (now() - started) / 1000;
    const full: AnalysisSummary = { ...summary, clv, steps, seconds };
    await wh.execute(
      `UPDATE analysis_runs SET status = 'done', finished_at = $2, summary = $3, params = $4 WHERE run_id = $1`,
      [
        runId,
        new Date(now()),
        JSON.stringify(full),
        JSON.stringify({ ...params, typicalGapDays: summary.typicalGapDays }),
      ],
    );
    return full;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await wh.execute(`DROP TABLE IF EXISTS ${PREDICTIONS_TABLE}`).catch(() => undefined);
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
  readonly clusterOptions: ResolvedClusterOptions | null;
  readonly progress: (step: number) => void;
  readonly now: () => number;
}

/** The prediction columns of `customer_scores` a predictions table offers, as a select list over alias p. */
async function predictionSelect(wh: Warehouse, table: string | undefined): Promise<string> {
  if (table === undefined) return '';
  const have = new Set((await wh.describe(table)).map((c) => c.name));
  const cols = PREDICTION_COLUMNS.filter((c) => have.has(c.name)).map((c) => `p.${quoteIdent(c.name)}`);
  if (have.has('p_alive') && !have.has('churn_risk'))
    cols.push('1 - CAST(p.p_alive AS DOUBLE) AS churn_risk');
  return cols.length > 0 ? `, ${cols.join(', ')}` : '';
}

async function scoreRun(
  wh: Warehouse,
  c: RunContext,
): Promise<Omit<AnalysisSummary, 'seconds' | 'clv' | 'steps'>> {
  const temp = ['_analysis_features', '_analysis_rfm'];
  const cleanUp = async () => {
    await wh.execute('DROP VIEW IF EXISTS _analysis_scored');
    for (const t of temp) await wh.execute(`DROP TABLE IF EXISTS ${t}`);
  };
  await cleanUp();

  c.progress(1);
  const features = compileFeatures(c.asOf);
  await wh.execute(`CREATE TEMP TABLE _analysis_features AS ${features.sql}`, features.params);

  c.progress(2);
  const rfm = compile(rfmScoreQuery('_analysis_features', c.rfm), wh.dialect);
  // Only the RFM columns are materialised; features and scores are joined by a view (no 60-column copy).
  await wh.execute(`CREATE TEMP TABLE _analysis_rfm AS ${rfm.sql}`, rfm.params);
  await wh.execute(
    `CREATE TEMP VIEW _analysis_scored AS SELECT f.*, r.* EXCLUDE (customer_id)
      FROM _analysis_features f JOIN _analysis_rfm r ON r.customer_id = f.customer_id`,
  );

  c.progress(3);
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

  c.progress(4);
  // The run number is bound after the lifecycle query's own parameters.
  const predicted = await predictionSelect(wh, c.predictionsTable);
  const join =
    predicted === '' ? '' : `LEFT JOIN ${quoteIdent(c.predictionsTable!)} p ON p.customer_id = s.customer_id`;
  await wh.execute(
    `INSERT INTO customer_scores BY NAME
      SELECT CAST($${lifecycle.params.length + 1} AS INTEGER) AS run_id, s.*, l.* EXCLUDE (customer_id)${predicted}
      FROM _analysis_scored s JOIN (${lifecycle.sql}) l ON l.customer_id = s.customer_id ${join}`,
    [...lifecycle.params, c.runId],
  );
  await cleanUp();

  c.progress(5);
  await wh.execute(insertSegmentsSql(), [c.runId, new Date(c.asOf.dayMs)]);

  c.progress(6);
  const clusters = await runClusters(wh, c);

  c.progress(7);
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
    clusters,
  };
}

/** The run's clustering; too few or identical customers skip it with the reason (an expected outcome). */
async function runClusters(wh: Warehouse, c: RunContext): Promise<ClusterSummary> {
  if (!c.clusterOptions) return { status: 'off' };
  try {
    const k = await clusterCustomers(wh, c.runId, c.clusterOptions, c.now);
    return {
      status: 'ok',
      name: k.name,
      featureSet: k.featureSet,
      k: k.k,
      kChoice: k.kChoice,
      explanation: k.explanation,
      silhouette: k.quality.silhouette,
      clusters: k.personas.map((p) => ({
        cluster: p.cluster,
        name: p.name,
        size: p.size,
        share: p.share,
        summary: p.summary,
      })),
    };
  } catch (e) {
    if (e instanceof SegmentaError && e.kind === 'invalid_input')
      return { status: 'skipped', reason: e.message };
    throw e;
  }
}
