import { useState } from 'react';
import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { SegmentationPicker } from '../components/SegmentationPicker.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { CampaignResults, Uplift } from '../types.js';
import { useApi } from '../use-api.js';

const pp = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
/** Fewer treated or control customers than this in a cell: too few to show an uplift. */
const MIN_GROUP = 5;
const shown = (u: Uplift) => (u.treated >= MIN_GROUP && u.control >= MIN_GROUP ? pp(u.uplift) : null);
/** The latest campaign with the most segments large enough to show an uplift: the one the bar chart opens on. */
const mostShown = (campaigns: CampaignResults['campaigns']) =>
  campaigns.reduce((best, c) =>
    c.segments.filter((s) => shown(s) !== null).length >=
    best.segments.filter((s) => shown(s) !== null).length
      ? c
      : best,
  );
/** The q-quantile of some numbers (0 for none). */
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

export function CampaignsPage() {
  const { t } = useSession();
  const [name, setName] = useState('rfm');
  const [chosen, setChosen] = useState<string | null>(null);
  const results = useApi<CampaignResults>(`/v1/campaigns/results?segmentation=${encodeURIComponent(name)}`);
  return (
    <>
      <div className="controls">
        <SegmentationPicker value={name} onChange={setName} />
      </div>
      <Load loaded={results}>
        {(r) =>
          r.campaigns.length === 0 ? (
            <p className="muted">{t('No campaigns before this run')}</p>
          ) : (
            <CampaignCharts
              r={r}
              chosen={r.campaigns.find((c) => c.campaign === chosen) ?? mostShown(r.campaigns)}
              onChoose={setChosen}
            />
          )
        }
      </Load>
    </>
  );
}

function tip(t: (s: string) => string, lang: 'en' | 'es', title: string, u: Uplift): string {
  const n = (v: number | null, d = 0) => formatNumber(lang, v, d);
  return [
    `<b>${title}</b>`,
    `${t('Uplift')}: ${n(pp(u.uplift), 1)} pp (95%: ${n(pp(u.low), 1)} … ${n(pp(u.high), 1)})`,
    `${t('Conversion, treated')}: ${n(pp(u.treatedRate), 1)}% (n = ${n(u.treated)})`,
    `${t('Conversion, control')}: ${n(pp(u.controlRate), 1)}% (n = ${n(u.control)})`,
    `${t('Revenue per treated customer')}: ${n(u.revenuePerTreated, 2)}`,
    ...(u.contaminated > 0 ? [`${t('Contaminated controls left out')}: ${n(u.contaminated)}`] : []),
  ].join('<br/>');
}

function CampaignCharts({
  r,
  chosen,
  onChoose,
}: {
  r: CampaignResults;
  chosen: CampaignResults['campaigns'][number];
  onChoose: (id: string) => void;
}) {
  const { t, lang } = useSession();
  // Segments by customers reached over all campaigns, largest first.
  const reach = new Map<string, number>();
  for (const c of r.campaigns)
    for (const s of c.segments) reach.set(s.segment, (reach.get(s.segment) ?? 0) + s.treated + s.control);
  // Only segments with at least one cell large enough to show.
  const segments = [...reach.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([s]) => s)
    .filter((s) => r.campaigns.some((c) => c.segments.some((x) => x.segment === s && shown(x) !== null)));
  const columns = [t('All customers'), ...segments];
  const label = (c: CampaignResults['campaigns'][number]) =>
    `${c.name}${c.sentAt ? ` · ${c.sentAt.slice(0, 10)}` : ''}`;
  const cells: { value: [number, number, number | null]; u: Uplift; title: string }[] = [];
  r.campaigns.forEach((c, y) => {
    cells.push({ value: [0, y, shown(c.all)], u: c.all, title: `${label(c)} — ${columns[0]}` });
    for (const s of c.segments.filter((x) => segments.includes(x.segment)))
      cells.push({
        value: [segments.indexOf(s.segment) + 1, y, shown(s)],
        u: s,
        title: `${label(c)} — ${s.segment}`,
      });
  });
  // Colours span the 90th percentile of the uplifts, so a few tiny cells do not wash out the rest.
  const bound = Math.max(
    1,
    quantile(
      cells.flatMap((c) => (c.value[2] === null ? [] : [Math.abs(c.value[2])])),
      0.9,
    ),
  );
  const bars = [{ ...chosen.all, segment: t('All customers') }, ...chosen.segments].filter(
    (s) => shown(s) !== null,
  );
  return (
    <>
      <section>
        <h3>{t('Uplift by campaign and segment (percentage points of conversion)')}</h3>
        <p className="muted">
          {t(
            'Treated minus control conversion rate; red: the campaign added buyers, blue: fewer than the control.',
          )}{' '}
          {t('Blank: fewer than 5 treated or control customers.')}
        </p>
        <Chart
          testId="campaign-heatmap"
          height={Math.max(260, r.campaigns.length * 26 + 100)}
          option={{
            tooltip: {
              formatter: (p: { dataIndex: number }) =>
                tip(t, lang, cells[p.dataIndex]!.title, cells[p.dataIndex]!.u),
            },
            // Margins hug the labels: ECharts shrinks the grid until its axis labels fit in the outer bounds.
            grid: {
              left: 8,
              right: 90,
              top: 8,
              bottom: 8,
              outerBounds: { left: 4, right: 4, top: 4, bottom: 4 },
            },
            xAxis: {
              type: 'category',
              data: columns,
              axisLabel: { rotate: 35, interval: 0 },
              axisLine: { show: false },
              axisTick: { show: false },
            },
            yAxis: {
              type: 'category',
              data: r.campaigns.map(label),
              inverse: true,
              axisLine: { show: false },
              axisTick: { show: false },
            },
            visualMap: {
              min: -bound,
              max: bound,
              orient: 'vertical',
              right: 0,
              top: 'center',
              calculable: true,
              inRange: { color: ['#2c7bb6', '#f7f7f7', '#d7191c'] },
            },
            series: [
              {
                type: 'heatmap',
                name: t('Uplift'),
                data: cells.map((c) => [c.value[0], c.value[1], c.value[2] ?? '-']),
                label: { show: columns.length * r.campaigns.length <= 400, fontSize: 10 },
              },
            ],
          }}
        />
      </section>
      <section>
        <h3>
          {t('Uplift by segment, with 95% intervals')} —{' '}
          <select data-testid="campaign" value={chosen.campaign} onChange={(e) => onChoose(e.target.value)}>
            {r.campaigns.map((c) => (
              <option key={c.campaign} value={c.campaign}>
                {label(c)}
              </option>
            ))}
          </select>
        </h3>
        <Chart
          testId="campaign-uplift"
          height={320}
          option={{
            tooltip: {
              trigger: 'axis',
              formatter: (ps: { dataIndex: number }[]) => {
                const s = bars[ps[0]?.dataIndex ?? 0];
                return s ? tip(t, lang, s.segment, s) : '';
              },
            },
            grid: {
              left: 8,
              right: 20,
              top: 30,
              bottom: 8,
              outerBounds: { left: 4, right: 4, top: 4, bottom: 4 },
            },
            xAxis: {
              type: 'category',
              data: bars.map((s) => s.segment),
              axisLabel: { rotate: 35, interval: 0 },
            },
            yAxis: { type: 'value', name: 'pp' },
            series: [
              {
                type: 'bar',
                name: t('Uplift'),
                data: bars.map((s) => ({
                  value: pp(s.uplift),
                  itemStyle: { color: (s.uplift ?? 0) >= 0 ? '#d7191c' : '#2c7bb6' },
                })),
              },
              {
                type: 'custom',
                name: '95%',
                encode: { x: 0, y: [1, 2] },
                data: bars.map((s, i) => [i, pp(s.low), pp(s.high)]),
                renderItem: (
                  _: unknown,
                  api: {
                    value: (i: number) => number;
                    coord: (v: [number, number]) => [number, number];
                    size: (v: [number, number]) => [number, number];
                  },
                ) => {
                  const x = api.value(0);
                  const lo = api.coord([x, api.value(1)]);
                  const hi = api.coord([x, api.value(2)]);
                  const w = api.size([1, 0])[0] * 0.15;
                  const style = { stroke: '#1d2433', lineWidth: 1.5 };
                  return {
                    type: 'group',
                    children: [
                      { type: 'line', shape: { x1: hi[0], y1: hi[1], x2: lo[0], y2: lo[1] }, style },
                      { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style },
                      { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style },
                    ],
                  };
                },
                z: 10,
              },
            ],
          }}
        />
      </section>
    </>
  );
}
