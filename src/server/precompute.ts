import { randomBytes } from 'node:crypto';
import { getRun } from '../analysis/runs.js';
import { SEGMENTATIONS } from '../analysis/segmentations/index.js';
import type { App } from '../app.js';
import type { Authenticator } from './auth/authenticator.js';
import { createServer } from './create-server.js';
import { refreshCustomerTimeline } from './customer-timeline.js';
import { refreshCustomerWeekdayHour } from './customer-weekday-hour.js';
import { pageRequestUrls } from './page-requests.js';

export interface PrecomputeResult {
  readonly runId: number;
  /** Requests made: every distinct request of every dashboard page. */
  readonly requests: number;
  /** Requests that did not answer 200 (the run's pages then compute that answer when first opened). */
  readonly failed: readonly { readonly url: string; readonly status: number; readonly detail: string }[];
  readonly seconds: number;
  /**
   * Building `customer_weekday_hour`, then the weekday × hour heatmap of every segmentation of the run (not only
   * the Behaviour page's first one: each of the others takes a quarter to half a second at a million customers).
   */
  readonly weekdayHour: {
    readonly tableSeconds: number;
    readonly segmentations: number;
    readonly seconds: number;
  };
}

/** The `detail` of a problem answer, else the body. */
function detailOf(body: string): string {
  try {
    return String((JSON.parse(body) as { detail?: unknown }).detail ?? body);
  } catch {
    return body;
  }
}

/** The customer whose 360 page is requested: the run's most frequent buyer (any customer of the run will do). */
async function someCustomer(app: App, runId: number): Promise<string> {
  const t = await app.warehouse.query({
    sql: 'SELECT customer_id FROM customer_scores WHERE run_id = $1 ORDER BY frequency DESC, customer_id LIMIT 1',
    params: [runId],
  });
  return t.rowCount > 0 ? String(t.columns.customer_id?.[0]) : 'none';
}

/** The weekday × hour heatmap request of every segmentation of a run: the built-in ones and its clusterings. */
async function heatmapUrls(app: App, runId: number): Promise<string[]> {
  const t = await app.warehouse.query({
    sql: 'SELECT DISTINCT name FROM clusterings WHERE run_id = $1 ORDER BY name',
    params: [runId],
  });
  const names = [...SEGMENTATIONS.map((s) => s.name), ...(t.columns.name ?? []).map(String)];
  return names.map((n) => `/v1/segmentations/${encodeURIComponent(n)}/weekday-hour?run=${runId}`);
}

/**
 * After a run: the customer timelines rebuilt (`customer_timeline`, read by the customer 360) and the purchases
 * by customer and weekday × hour before the run's as-of day (`customer_weekday_hour`, read by every
 * segmentation's heatmap on the Behaviour page), then every request every dashboard page makes
 * (`PAGE_REQUESTS`) and the heatmap of every segmentation of the run, made once through an in-process server (nothing
 * listens), so the answers about the run land in `api_cache` and no page is ever cold (at a million customers
 * the overview takes seconds to compute, the hidden patterns a minute or two). Called by the app layer when a
 * run finishes (`segmenta analyze`, `segmenta start`, runs started over the API), never by the analysis
 * itself. A request that fails is reported, not thrown: the run stands, and the page computes that answer when
 * first opened.
 */
export async function precomputePages(
  app: App,
  runId: number,
  onProgress?: (done: number, total: number, step: string) => void,
): Promise<PrecomputeResult> {
  const started = performance.now();
  // A one-off token known only to this call: the requests pass the server's real checks with scope read.
  const token = randomBytes(24).toString('base64url');
  const auth: Authenticator = { verify: async (t) => (t === token ? 'read' : null) };
  const server = await createServer({ app, auth });
  const urls = pageRequestUrls(await someCustomer(app, runId)).map(
    (u) => `${u}${u.includes('?') ? '&' : '?'}run=${runId}`,
  );
  const heatmaps = (await heatmapUrls(app, runId)).filter((u) => !urls.includes(u));
  const failed: { url: string; status: number; detail: string }[] = [];
  const total = urls.length + heatmaps.length + 2;
  let tableSeconds = 0;
  let heatmapSeconds = 0;
  const get = async (url: string) => {
    const res = await server.fastify.inject({ url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) failed.push({ url, status: res.statusCode, detail: detailOf(res.body) });
  };
  try {
    onProgress?.(0, total, 'customer timelines');
    await refreshCustomerTimeline(app.warehouse);
    onProgress?.(1, total, 'weekday × hour slots');
    const tableStarted = performance.now();
    const run = await getRun(app.warehouse, runId).catch(() => null);
    if (run) await refreshCustomerWeekdayHour(app.warehouse, run.runId, run.asOf);
    tableSeconds = (performance.now() - tableStarted) / 1000;
    for (const [i, url] of urls.entries()) {
      onProgress?.(i + 2, total, url);
      await get(url);
    }
    const heatmapsStarted = performance.now();
    for (const [i, url] of heatmaps.entries()) {
      onProgress?.(
        urls.length + i + 2,
        total,
        `${url} (weekday × hour slots built in ${tableSeconds.toFixed(1)} s)`,
      );
      await get(url);
    }
    heatmapSeconds = (performance.now() - heatmapsStarted) / 1000;
    onProgress?.(total, total, 'done');
  } finally {
    await server.close();
  }
  return {
    runId,
    requests: urls.length,
    failed,
    seconds: (performance.now() - started) / 1000,
    weekdayHour: {
      tableSeconds,
      segmentations: heatmaps.length,
      seconds: heatmapSeconds,
    },
  };
}

/**
 * For the CLI: "Dashboard pages precomputed in 41.2 s (12 requests; weekday × hour slots 2.0 s, heatmaps of
 * 30 segmentations 7.5 s)", then a line per failed request.
 */
export function formatPrecompute(r: PrecomputeResult): string {
  const head = `Dashboard pages precomputed in ${r.seconds.toFixed(1)} s (${r.requests} requests; weekday × hour slots ${r.weekdayHour.tableSeconds.toFixed(1)} s, heatmaps of ${r.weekdayHour.segmentations} segmentations ${r.weekdayHour.seconds.toFixed(1)} s)`;
  return [head, ...r.failed.map((f) => `  not precomputed: ${f.url} (${f.status}: ${f.detail})`)].join('\n');
}
