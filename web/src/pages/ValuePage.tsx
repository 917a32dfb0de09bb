import { Chart } from '../components/Chart.js';
import { CustomerTable } from '../components/CustomerTable.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import type { Overview, Page } from '../types.js';
import { useApi } from '../use-api.js';

export function ValuePage() {
  const { t } = useSession();
  const overview = useApi<Overview>('/v1/overview');
  const top = useApi<Page>('/v1/customers?sort=-clv&limit=15');
  return (
    <>
      <Load loaded={overview}>
        {(o) => (
          <section>
            <h3>{t('CLV distribution')}</h3>
            <Chart
              testId="clv-distribution"
              height={260}
              option={{
                tooltip: {},
                grid: { left: 10, right: 20, top: 15, bottom: 5, containLabel: true },
                xAxis: {
                  type: 'category',
                  data: o.clvDistribution.map((b) => `${Math.round(b.from)}–${Math.round(b.to)}`),
                },
                yAxis: { type: 'value' },
                series: [
                  { type: 'bar', name: t('Customers'), data: o.clvDistribution.map((b) => b.customers) },
                ],
              }}
            />
          </section>
        )}
      </Load>
      <section>
        <h3>{t('Top customers by CLV')}</h3>
        <Load loaded={top}>{(p) => <CustomerTable rows={p.items} />}</Load>
      </section>
    </>
  );
}
