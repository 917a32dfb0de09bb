import { Chart } from '../components/Chart.js';
import { CustomerTable } from '../components/CustomerTable.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import type { Page } from '../types.js';
import { useApi } from '../use-api.js';

export function ChurnPage() {
  const { t } = useSession();
  // Valuable customers first among the likely churners: sorted by risk, filtered to buyers with value.
  const risky = useApi<Page>('/v1/customers?sort=-churn_risk&min_churn_risk=0.5&min_monetary=1&limit=25');
  return (
    <section>
      <h3>{t('Customers most likely to churn')}</h3>
      <Load loaded={risky}>
        {(p) => (
          <>
            <Chart
              testId="churn-bars"
              height={290}
              option={{
                tooltip: {},
                legend: { top: 0 },
                xAxis: {
                  type: 'category',
                  data: p.items.map((r) => String(r.customer_id)),
                  axisLabel: { rotate: 45 },
                },
                yAxis: [{ type: 'value', max: 1 }, { type: 'value' }],
                grid: { left: 10, right: 10, top: 35, bottom: 5, containLabel: true },
                series: [
                  { type: 'bar', name: t('Churn risk'), data: p.items.map((r) => r.churn_risk) },
                  {
                    type: 'line',
                    yAxisIndex: 1,
                    name: t('Revenue'),
                    data: p.items.map((r) => r.monetary_net),
                  },
                ],
              }}
            />
            <p className="muted">
              {p.total} {t('Customers')}
            </p>
            <CustomerTable rows={p.items} />
          </>
        )}
      </Load>
    </section>
  );
}
