import { Chart } from '../components/Chart.js';
import { Kpi } from '../components/Kpi.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { Overview } from '../types.js';
import { useApi } from '../use-api.js';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function OverviewPage() {
  const { t, lang } = useSession();
  const loaded = useApi<Overview>('/v1/overview');
  const n = (v: number | null, d = 0) => formatNumber(lang, v, d);
  return (
    <Load loaded={loaded}>
      {(o) => (
        <>
          <div className="kpis">
            <Kpi label={t('Customers')} value={n(o.customers)} />
            <Kpi label={t('Buyers')} value={n(o.buyers)} />
            <Kpi label={t('Revenue')} value={n(o.revenue)} />
            <Kpi label={t('Active (90 d)')} value={n(o.active)} />
            <Kpi label={t('At risk')} value={n(o.atRisk)} />
            <Kpi label={t('Predicted value')} value={n(o.predictedValue)} />
          </div>
          <div className="grid2">
            <section>
              <h3>{t('Monthly revenue and buyers')}</h3>
              <Chart
                testId="trends"
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { data: [t('Revenue'), t('Buyers')], bottom: 0 },
                  grid: { left: 10, right: 10, top: 15, bottom: 35, containLabel: true },
                  xAxis: { type: 'category', data: o.trends.map((r) => r.month.slice(0, 7)) },
                  yAxis: [{ type: 'value' }, { type: 'value' }],
                  series: [
                    { name: t('Revenue'), type: 'bar', data: o.trends.map((r) => Math.round(r.revenue)) },
                    {
                      name: t('Buyers'),
                      type: 'line',
                      yAxisIndex: 1,
                      data: o.trends.map((r) => r.customers),
                    },
                  ],
                }}
              />
            </section>
            <section>
              <h3>{t('RFM groups')}</h3>
              <Chart
                testId="rfm-groups"
                option={{
                  tooltip: {},
                  grid: { left: 10, right: 30, top: 10, bottom: 10, containLabel: true },
                  xAxis: { type: 'value' },
                  yAxis: { type: 'category', data: o.rfmGroups.map((r) => r.segment).reverse() },
                  series: [
                    {
                      type: 'bar',
                      name: t('Customers'),
                      data: o.rfmGroups.map((r) => r.customers).reverse(),
                    },
                  ],
                }}
              />
            </section>
          </div>
          <section>
            <h3>{t('Orders by weekday and hour')}</h3>
            <WeekdayHour cells={o.weekdayHour} />
          </section>
        </>
      )}
    </Load>
  );
}

export function WeekdayHour({ cells }: { cells: Overview['weekdayHour'] }) {
  const { t } = useSession();
  const max = Math.max(1, ...cells.map((c) => c.orders));
  return (
    <Chart
      testId="weekday-hour"
      height={260}
      option={{
        tooltip: {},
        // The colour legend stands at the right, clear of the hour labels.
        grid: { left: 50, right: 90, top: 10, bottom: 30 },
        xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)) },
        // Monday on top, as on the Behaviour page.
        yAxis: { type: 'category', data: WEEKDAYS.map(t), inverse: true },
        visualMap: { min: 0, max, orient: 'vertical', right: 0, top: 'center', calculable: true },
        series: [
          { type: 'heatmap', name: t('Orders'), data: cells.map((c) => [c.hour, c.weekday, c.orders]) },
        ],
      }}
    />
  );
}
