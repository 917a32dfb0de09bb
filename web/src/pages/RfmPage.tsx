import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { Overview } from '../types.js';
import { useApi } from '../use-api.js';

export function RfmPage() {
  const { t, lang } = useSession();
  const loaded = useApi<Overview>('/v1/overview');
  return (
    <Load loaded={loaded}>
      {(o) => {
        const maxM = Math.max(1, ...o.rfmGrid.map((c) => c.monetary));
        const months = Math.max(1, ...o.cohorts.map((c) => c.retention.length));
        return (
          <>
            <section>
              <h3>{t('Customers per cell, coloured by mean net revenue')}</h3>
              <Chart
                testId="rfm-grid"
                height={380}
                option={{
                  tooltip: {
                    formatter: (p: { data: [number, number, number, number] }) =>
                      `R ${p.data[0] + 1} · F ${p.data[1] + 1}<br/>${t('Customers')}: ${p.data[3]}<br/>${t('Mean')} ${t('Revenue')}: ${Math.round(p.data[2])}`,
                  },
                  // The colour scale stands at the right, clear of the axis names.
                  grid: { left: 70, right: 110, top: 10, bottom: 50 },
                  xAxis: {
                    type: 'category',
                    name: t('Recency score'),
                    nameLocation: 'middle',
                    nameGap: 30,
                    data: ['1', '2', '3', '4', '5'],
                  },
                  yAxis: {
                    type: 'category',
                    name: t('Frequency score'),
                    nameLocation: 'middle',
                    nameGap: 40,
                    data: ['1', '2', '3', '4', '5'],
                  },
                  visualMap: {
                    min: 0,
                    max: maxM,
                    dimension: 2,
                    formatter: (v: number) => formatNumber(lang, v),
                    orient: 'vertical',
                    right: 10,
                    top: 'center',
                    calculable: true,
                  },
                  series: [
                    {
                      type: 'heatmap',
                      data: o.rfmGrid.map((c) => [c.r - 1, c.f - 1, c.monetary, c.customers]),
                      label: { show: true, formatter: (p: { data: number[] }) => String(p.data[3]) },
                    },
                  ],
                }}
              />
            </section>
            <section>
              <h3>{t('Cohort retention')}</h3>
              <Chart
                testId="cohorts"
                height={360}
                option={{
                  tooltip: {},
                  grid: { left: 80, right: 110, top: 10, bottom: 50 },
                  xAxis: {
                    type: 'category',
                    name: t('Months since first purchase'),
                    nameLocation: 'middle',
                    nameGap: 30,
                    data: Array.from({ length: months }, (_, k) => String(k)),
                  },
                  yAxis: { type: 'category', data: o.cohorts.map((c) => c.cohort.slice(0, 7)) },
                  visualMap: {
                    min: 0,
                    max: 0.5,
                    orient: 'vertical',
                    right: 10,
                    top: 'center',
                    calculable: true,
                    formatter: (v: number) => `${Math.round(v * 100)}%`,
                  },
                  series: [
                    {
                      type: 'heatmap',
                      data: o.cohorts.flatMap((c, i) =>
                        c.retention.map((v, k) => [k, i, Math.round(v * 1000) / 1000]),
                      ),
                    },
                  ],
                }}
              />
            </section>
          </>
        );
      }}
    </Load>
  );
}
