import { useLayoutEffect, useRef, useState } from 'react';
import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { ClusterMap } from '../types.js';
import { useApi } from '../use-api.js';

interface Persona {
  cluster: number;
  name: string;
  size: number;
  share: number;
  traits: { feature: string; text: string; direction: 'above' | 'below' }[];
}
interface Clusterings {
  items: { name: string; k: number; personas: Persona[] }[];
}

/** ECharts' default palette, named so the persona cards wear their cluster's colour. */
export const PALETTE = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
];
const colour = (i: number) => PALETTE[i % PALETTE.length]!;

/**
 * How many lines ECharts' legend takes for these names across `width` pixels (its 12 px labels after a 25 px
 * icon, 8 px apart), so the plot starts below it however narrow the page. Unmeasured: three names a line.
 */
function legendLines(names: string[], width: number): number {
  const ctx = width > 0 ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) return Math.ceil(names.length / 3);
  ctx.font = '12px sans-serif';
  let lines = 1;
  let x = 0;
  for (const name of names) {
    const w = 25 + 5 + ctx.measureText(name).width + 8;
    if (x > 0 && x + w > width) {
      lines++;
      x = 0;
    }
    x += w;
  }
  return lines;
}

/** The content width of an element, followed as it resizes (0 until measured). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const watch = new ResizeObserver(() => setWidth(el.clientWidth));
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  return [ref, width] as const;
}

export function ClustersPage() {
  const { t } = useSession();
  const [name, setName] = useState('cluster');
  const list = useApi<Clusterings>('/v1/clusterings');
  const map = useApi<ClusterMap>(`/v1/clusterings/${encodeURIComponent(name)}/map`);
  return (
    <Load loaded={list}>
      {(l) =>
        l.items.length === 0 ? (
          <p className="muted">{t('No clusterings in this run')}</p>
        ) : (
          <>
            {l.items.length > 1 && (
              <label>
                {t('Clustering')}{' '}
                <select data-testid="clustering" value={name} onChange={(e) => setName(e.target.value)}>
                  {l.items.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name} (k = {c.k})
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Load loaded={map}>
              {(m) => <ClusterView map={m} personas={l.items.find((c) => c.name === name)?.personas ?? []} />}
            </Load>
          </>
        )
      }
    </Load>
  );
}

function ClusterView({ map, personas }: { map: ClusterMap; personas: Persona[] }) {
  const { t, lang } = useSession();
  const order = map.clusters.map((c) => c.cluster);
  const [mapRef, mapWidth] = useWidth<HTMLDivElement>();
  // The legend's own margins (about 20 px a side and 5 px padding) off the chart's width.
  const lines = legendLines(
    map.clusters.map((c) => c.name),
    mapWidth - 50,
  );
  return (
    <>
      <section>
        <h3>{t('Cluster map')}</h3>
        <p className="muted">
          {map.sampled < map.customers
            ? `${formatNumber(lang, map.sampled)} / ${formatNumber(lang, map.customers)} ${t('customers shown (a stable sample)')}. `
            : ''}
          {t(
            'Each dot is a customer, placed by the two main directions of difference (PCA); ◆ marks a centre.',
          )}
        </p>
        <div ref={mapRef}>
          <Chart
            testId="cluster-map"
            height={560}
            option={{
              color: PALETTE,
              tooltip: {
                formatter: (p: { seriesName: string; data: unknown }) =>
                  Array.isArray(p.data) ? `${p.seriesName}<br/>${String(p.data[3])}` : p.seriesName,
              },
              legend: { top: 0 },
              // The plot starts below the legend, however many lines it wraps to.
              grid: { left: 40, right: 30, top: 36 + 22 * lines, bottom: 30 },
              xAxis: { type: 'value', name: 'PC1', scale: true, axisLine: { onZero: false } },
              yAxis: { type: 'value', name: 'PC2', scale: true, axisLine: { onZero: false } },
              series: map.clusters.map((c) => ({
                type: 'scatter',
                name: c.name,
                symbolSize: map.points.length > 2000 ? 3 : 5,
                itemStyle: { opacity: 0.6 },
                data: map.points.filter((p) => p[2] === c.cluster),
                markPoint: {
                  symbol: 'diamond',
                  symbolSize: 22,
                  itemStyle: { borderColor: '#1d2433', borderWidth: 2, opacity: 1 },
                  label: { show: false },
                  data: [{ name: c.name, coord: c.centroid }],
                },
              })),
            }}
          />
        </div>
      </section>
      <div className="persona-cards" data-testid="persona-cards">
        {[...personas]
          .sort((a, b) => b.size - a.size)
          .map((p) => (
            <section key={p.cluster} className="persona-card">
              <h3>
                <span className="dot" style={{ background: colour(order.indexOf(p.cluster)) }} /> {p.name}
              </h3>
              <p className="muted">
                {formatNumber(lang, p.size)} {t('customers')} · {formatNumber(lang, 100 * p.share, 1)}%
              </p>
              <div className="share-bar">
                <span style={{ width: `${100 * p.share}%`, background: colour(order.indexOf(p.cluster)) }} />
              </div>
              <ul>
                {p.traits.map((tr) => (
                  <li key={tr.feature}>
                    {tr.direction === 'above' ? '▲' : '▼'} {tr.text}
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
    </>
  );
}
