import { useSession } from '../../context.js';
import { formatNumber, type Lang } from '../../i18n.js';
import { useApi } from '../../use-api.js';
import { Chart } from '../Chart.js';
import { Load } from '../Load.js';

type Means = Record<string, number | null>;
/** The answer of `GET /v1/segmentations/:name/profiles` the heatmap reads. */
export interface SegmentProfiles {
  metrics: { key: string; mean: number | null; sd: number | null }[];
  segments: { segment: string; customers: number; mean: Means; z: Means; n: Record<string, number> }[];
}

/** How each metric of the API is labelled and written: `percent` for shares and probabilities. */
const METRICS: Record<string, { label: string; digits: number; percent?: boolean }> = {
  recency_days: { label: 'Recency (days)', digits: 0 },
  frequency: { label: 'Orders', digits: 1 },
  monetary_net: { label: 'Net revenue', digits: 0 },
  aov: { label: 'Average order value', digits: 0 },
  tenure_days: { label: 'Tenure (days)', digits: 0 },
  clv: { label: 'CLV', digits: 0 },
  churn_risk: { label: 'Churn risk', digits: 0, percent: true },
  sessions_90d: { label: 'Sessions (90 d)', digits: 1 },
  email_opens_90d: { label: 'Email opens (90 d)', digits: 1 },
  discount_share: { label: 'Discount share', digits: 0, percent: true },
  age: { label: 'Age', digits: 0 },
};
/** Segment names come from imported data (occupations, countries...): escaped in the tooltip's HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** z-scores beyond this colour as this: the scale stays readable when one segment is far off. */
const Z_MAX = 1.5;
/** The colour of a cell without a figure. */
const MISSING = '#eef0f4';

const show = (lang: Lang, key: string, v: number | null | undefined) => {
  const m = METRICS[key];
  if (v === null || v === undefined) return '–';
  return m?.percent ? `${formatNumber(lang, 100 * v, m.digits)}%` : formatNumber(lang, v, m?.digits ?? 1);
};

/** Segments × key metrics: each cell the segment's mean, coloured by its z-score against everyone. */
export function ProfileHeatmap({ name }: { name: string }) {
  const { t } = useSession();
  const loaded = useApi<SegmentProfiles>(`/v1/segmentations/${encodeURIComponent(name)}/profiles`);
  return (
    <section data-testid="segment-profiles">
      <h3>{t('Segment profiles')}</h3>
      <p className="muted">
        {t(
          'Mean per segment; colour: how far the segment sits above (red) or below (blue) everyone, in standard deviations.',
        )}
      </p>
      <Load loaded={loaded}>{(p) => <Heatmap p={p} />}</Load>
    </section>
  );
}

function Heatmap({ p }: { p: SegmentProfiles }) {
  const { t, lang } = useSession();
  const metrics = p.metrics.filter((m) => m.mean !== null);
  const cells = p.segments.flatMap((s, y) =>
    metrics.map((m, x) => {
      const z = s.z[m.key] ?? null;
      return {
        value: [x, y, z === null ? '-' : Math.max(-Z_MAX, Math.min(Z_MAX, z))],
        mean: s.mean[m.key] ?? null,
        z,
        n: s.n[m.key] ?? 0,
        customers: s.customers,
      };
    }),
  );
  type Cell = (typeof cells)[number];
  const label = (c: { data: Cell }) => show(lang, metrics[(c.data.value as [number])[0]]!.key, c.data.mean);
  return (
    <Chart
      testId="segment-profiles-heatmap"
      height={Math.max(240, p.segments.length * 30 + 100)}
      option={{
        tooltip: {
          formatter: (c: { data: Cell }) => {
            const [x, y] = c.data.value as [number, number];
            const m = metrics[x]!;
            return [
              `<b>${escapeHtml(p.segments[y]!.segment)}</b> · ${t(METRICS[m.key]?.label ?? m.key)}`,
              `${t('Mean')}: ${show(lang, m.key, c.data.mean)} (${formatNumber(lang, c.data.n)} / ${formatNumber(lang, c.data.customers)} ${t('customers')})`,
              `${t('Everyone')}: ${show(lang, m.key, m.mean)}`,
              `z: ${c.data.z === null ? '–' : formatNumber(lang, c.data.z, 2)}`,
            ].join('<br/>');
          },
        },
        grid: { left: 250, right: 20, top: 44, bottom: 50 },
        xAxis: {
          type: 'category',
          position: 'top',
          // "(90 d)" kept on one line.
          data: metrics.map((m) => t(METRICS[m.key]?.label ?? m.key).replace(/ d\)/g, '\u00a0d)')),
          axisLabel: { interval: 0, width: 84, overflow: 'break', lineHeight: 13 },
          axisLine: { show: false },
          axisTick: { show: false },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: p.segments.map((s) => s.segment),
          axisLabel: { width: 240, overflow: 'truncate' },
          axisLine: { show: false },
          axisTick: { show: false },
        },
        visualMap: [
          {
            min: -Z_MAX,
            max: Z_MAX,
            dimension: 2,
            seriesIndex: 0,
            orient: 'horizontal',
            left: 'center',
            bottom: 0,
            itemHeight: 220,
            text: [`+${Z_MAX} SD`, `−${Z_MAX} SD`],
            inRange: { color: ['#2c7bb6', '#abd9e9', '#f7f7f7', '#fdae61', '#d7191c'] },
          },
          // The missing cells' one grey (a heatmap series needs a visualMap).
          { show: false, seriesIndex: 1, min: 0, max: 1, inRange: { color: [MISSING, MISSING] } },
        ],
        series: [
          {
            type: 'heatmap',
            data: cells,
            label: { show: true, fontSize: 11, formatter: label },
            itemStyle: { borderColor: '#fff', borderWidth: 1 },
          },
          {
            // Cells without a z-score (nobody in the segment has the figure): grey, not a hole in the grid.
            type: 'heatmap',
            data: cells
              .filter((c) => c.z === null)
              .map((c) => ({ ...c, value: [c.value[0], c.value[1], 0] })),
            label: { show: true, fontSize: 11, color: '#99a', formatter: label },
            itemStyle: { borderColor: '#fff', borderWidth: 1 },
          },
        ],
      }}
    />
  );
}
