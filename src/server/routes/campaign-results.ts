import { z } from 'zod';
import { getRun, type RunInfo } from '../../analysis/runs.js';
import { segmentationRelation } from '../../analysis/segment-queries.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { defineRoute } from '../route.js';
import { numberAt } from '../rows.js';
import { runQuery } from '../schemas.js';

/** Treated and control counts of one campaign in one group of customers. */
interface Counts {
  treated: number;
  treatedConversions: number;
  treatedRevenue: number;
  control: number;
  controlConversions: number;
  contaminated: number;
}

const Z95 = 1.959963984540054;

/**
 * Conversion rates, uplift (treated rate minus control rate) with its 95% Wald interval for a difference of
 * proportions, and revenue per treated customer. Rates are `null` without customers on that side, the uplift
 * without both sides.
 */
export function upliftOf(c: Counts) {
  const pt = c.treated > 0 ? c.treatedConversions / c.treated : null;
  const pc = c.control > 0 ? c.controlConversions / c.control : null;
  const uplift = pt !== null && pc !== null ? pt - pc : null;
  const se =
    pt !== null && pc !== null ? Math.sqrt((pt * (1 - pt)) / c.treated + (pc * (1 - pc)) / c.control) : null;
  return {
    treated: c.treated,
    control: c.control,
    contaminated: c.contaminated,
    treatedRate: pt,
    controlRate: pc,
    uplift,
    low: uplift !== null && se !== null ? uplift - Z95 * se : null,
    high: uplift !== null && se !== null ? uplift + Z95 * se : null,
    revenuePerTreated: c.treated > 0 ? c.treatedRevenue / c.treated : null,
  };
}

const add = (a: Counts, b: Counts): Counts => ({
  treated: a.treated + b.treated,
  treatedConversions: a.treatedConversions + b.treatedConversions,
  treatedRevenue: a.treatedRevenue + b.treatedRevenue,
  control: a.control + b.control,
  controlConversions: a.controlConversions + b.controlConversions,
  contaminated: a.contaminated + b.contaminated,
});
const ZERO: Counts = {
  treated: 0,
  treatedConversions: 0,
  treatedRevenue: 0,
  control: 0,
  controlConversions: 0,
  contaminated: 0,
};

/**
 * Results of every campaign sent before the run's as-of day, per segment of the run: conversions (and their
 * revenue) count when they happened before the as-of day. Control-group members who were sent the campaign
 * anyway (the data-quality check `control_sent`: a contaminated control group) are left out of the control side
 * and counted apart.
 */
export async function campaignResults(wh: Warehouse, run: RunInfo, segmentation: string) {
  const rel = await segmentationRelation(wh, segmentation, 3);
  const [t, info] = await Promise.all([
    wh.query({
      sql: `WITH r AS (
          SELECT r.campaign_id, r.customer_id, coalesce(r.is_control, false) AS control,
            coalesce(r.is_control, false) AND r.sent_at IS NOT NULL AS contaminated,
            coalesce(r.converted_at < CAST($2 AS DATE), false) AS conv,
            CASE WHEN r.converted_at < CAST($2 AS DATE) THEN coalesce(r.revenue, 0) ELSE 0 END AS revenue
          FROM campaign_responses r LEFT JOIN campaigns c ON c.campaign_id = r.campaign_id
          WHERE coalesce(c.sent_at, r.sent_at) IS NULL OR coalesce(c.sent_at, r.sent_at) < CAST($2 AS DATE))
        SELECT r.campaign_id, s.segment,
          count(*) FILTER (WHERE NOT r.control) AS treated,
          count(*) FILTER (WHERE NOT r.control AND r.conv) AS treated_conv,
          coalesce(sum(r.revenue) FILTER (WHERE NOT r.control), 0) AS treated_revenue,
          count(*) FILTER (WHERE r.control AND NOT r.contaminated) AS control,
          count(*) FILTER (WHERE r.control AND NOT r.contaminated AND r.conv) AS control_conv,
          count(*) FILTER (WHERE r.contaminated) AS contaminated
        FROM r JOIN ${rel.sql} s ON s.customer_id = r.customer_id AND s.run_id = $1
        GROUP BY 1, 2`,
      params: [run.runId, run.asOf, ...rel.params],
    }),
    wh.query({
      sql: 'SELECT campaign_id, name, channel, creative_type, epoch_ms(sent_at) AS sent_at FROM campaigns',
      params: [],
    }),
  ]);
  const byCampaign = new Map<string, { segment: string; counts: Counts }[]>();
  for (let i = 0; i < t.rowCount; i++) {
    const id = String(t.columns.campaign_id?.[i]);
    const n = (k: string) => numberAt(t, k, i) ?? 0;
    const list = byCampaign.get(id) ?? [];
    list.push({
      segment: String(t.columns.segment?.[i]),
      counts: {
        treated: n('treated'),
        treatedConversions: n('treated_conv'),
        treatedRevenue: n('treated_revenue'),
        control: n('control'),
        controlConversions: n('control_conv'),
        contaminated: n('contaminated'),
      },
    });
    byCampaign.set(id, list);
  }
  const meta = new Map<
    string,
    { name: string | null; channel: string | null; creative: string | null; sentAt: string | null }
  >();
  for (let i = 0; i < info.rowCount; i++) {
    const c = info.columns;
    const text = (k: string) => (c[k]?.[i] === null || c[k]?.[i] === undefined ? null : String(c[k]?.[i]));
    const sent = numberAt(info, 'sent_at', i);
    meta.set(String(c.campaign_id?.[i]), {
      name: text('name'),
      channel: text('channel'),
      creative: text('creative_type'),
      sentAt: sent === null ? null : new Date(sent).toISOString(),
    });
  }
  const campaigns = [...byCampaign.entries()].map(([id, rows]) => {
    const m = meta.get(id);
    return {
      campaign: id,
      name: m?.name ?? id,
      channel: m?.channel ?? null,
      creative: m?.creative ?? null,
      sentAt: m?.sentAt ?? null,
      all: upliftOf(rows.reduce((s, r) => add(s, r.counts), ZERO)),
      segments: rows
        .map((r) => ({ segment: r.segment, ...upliftOf(r.counts) }))
        .sort((a, b) => b.treated - a.treated || a.segment.localeCompare(b.segment)),
    };
  });
  campaigns.sort(
    (a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '') || a.campaign.localeCompare(b.campaign),
  );
  return { run: run.runId, asOf: run.asOf, segmentation, campaigns };
}

export const campaignResultRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/campaigns/results',
    summary:
      'per campaign and segment: treated and control customers, conversion rates, uplift with a 95% interval, revenue per treated customer',
    tag: 'dashboard',
    scope: 'read',
    query: runQuery.extend({
      segmentation: z.string().min(1).default('rfm').describe('segmentation to break the results down by'),
    }),
    handler: async ({ app, query, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      return memo.get(
        `campaign-results:${run.runId}:${run.startedAt}:${query.segmentation}`,
        () => campaignResults(app.warehouse, run, query.segmentation),
        { persist: true },
      );
    },
  }),
];
