import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import { useApi } from '../use-api.js';

interface Quality {
  entities: {
    table: string;
    rows: number;
    quarantined: number;
    columns: { name: string; completeness: number }[];
  }[];
  findings: string[];
}

export function QualityPage() {
  const { t, lang } = useSession();
  const loaded = useApi<Quality>('/v1/quality');
  return (
    <Load loaded={loaded}>
      {(q) => {
        const entities = q.entities.filter((e) => e.rows > 0);
        return (
          <>
            <section>
              <h3>
                {t('Rows')} · {t('Completeness')}
              </h3>
              <Chart
                testId="quality-rows"
                height={200}
                option={{
                  tooltip: {},
                  grid: { left: 10, right: 20, top: 15, bottom: 5, containLabel: true },
                  xAxis: { type: 'category', axisLabel: { interval: 0 }, data: entities.map((e) => e.table) },
                  yAxis: { type: 'log' },
                  series: [{ type: 'bar', name: t('Rows'), data: entities.map((e) => e.rows) }],
                }}
              />
            </section>
            <div className="grid2">
              {entities.map((e) => (
                <section key={e.table}>
                  <h3>
                    {e.table} <span className="muted">({formatNumber(lang, e.rows)})</span>
                  </h3>
                  <Chart
                    height={e.columns.length * 18 + 60}
                    option={{
                      tooltip: {},
                      grid: { left: 10, right: 25, top: 10, bottom: 5, containLabel: true },
                      xAxis: { type: 'value', max: 1 },
                      yAxis: {
                        type: 'category',
                        axisLabel: { interval: 0 },
                        data: e.columns.map((c) => c.name).reverse(),
                      },
                      series: [
                        {
                          type: 'bar',
                          name: t('Completeness'),
                          data: e.columns.map((c) => Math.round(c.completeness * 1000) / 1000).reverse(),
                        },
                      ],
                    }}
                  />
                </section>
              ))}
            </div>
            <section>
              <h3>{t('Findings')}</h3>
              <ul>
                {q.findings.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </section>
          </>
        );
      }}
    </Load>
  );
}
