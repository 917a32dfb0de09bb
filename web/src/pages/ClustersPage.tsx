import { useState } from 'react';
import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
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
interface ClusterMap {
  customers: number;
  sampled: number;
  clusters: { cluster: number; name: string; size: number; share: number; centroid: [number, number] }[];
  points: [number, number, number, string][];
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
  return (
    <div className="cluster-layout">
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
            // Room for a legend of two or three persona names a line.
            grid: { left: 40, right: 30, top: 40 + 24 * Math.ceil(map.clusters.length / 3), bottom: 30 },
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
    </div>
  );
}
