import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { TransitionSankey } from '../components/TransitionSankey.js';
import { useSession } from '../context.js';
import type { Overview } from '../types.js';
import { useApi } from '../use-api.js';

const PHASES = ['acquisition', 'growth', 'maturity', 'decline'];

export function LifecyclePage() {
  const { t } = useSession();
  const loaded = useApi<Overview>('/v1/overview');
  return (
    <>
      <Load loaded={loaded}>
        {(o) => {
          const byPhase = PHASES.map((p) => ({
            name: p,
            value: o.lifecycle.filter((r) => r.phase === p).reduce((s, r) => s + r.customers, 0),
          }));
          const stages = [...o.lifecycle].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
          return (
            <div className="grid2">
              <section>
                <h3>{t('Lifecycle')}</h3>
                <Chart
                  testId="lifecycle-funnel"
                  height={420}
                  option={{
                    tooltip: {},
                    series: [
                      {
                        type: 'funnel',
                        sort: 'none',
                        // Widths in proportion to the largest phase; the labels get the right third of the panel.
                        max: Math.max(1, ...byPhase.map((p) => p.value)),
                        left: '4%',
                        width: '60%',
                        top: 20,
                        bottom: 20,
                        gap: 2,
                        data: byPhase,
                        label: { position: 'right', formatter: '{b}: {c}' },
                      },
                    ],
                  }}
                />
              </section>
              <section>
                <h3>{t('Lifecycle stages')}</h3>
                <Chart
                  testId="lifecycle-stages"
                  height={420}
                  option={{
                    tooltip: {},
                    grid: { left: 10, right: 30, top: 10, bottom: 10, containLabel: true },
                    xAxis: { type: 'value' },
                    yAxis: { type: 'category', data: stages.map((r) => r.stage).reverse() },
                    series: [
                      { type: 'bar', name: t('Customers'), data: stages.map((r) => r.customers).reverse() },
                    ],
                  }}
                />
              </section>
            </div>
          );
        }}
      </Load>
      <TransitionSankey segmentation="lifecycle" />
    </>
  );
}
