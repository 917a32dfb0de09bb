import { useState } from 'react';
import { Chart } from '../components/Chart.js';
import { CustomerTable } from '../components/CustomerTable.js';
import { Kpi } from '../components/Kpi.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { Page, Row } from '../types.js';
import { useApi } from '../use-api.js';

interface Interval {
  value: number | null;
  low: number | null;
  high: number | null;
}
interface Profile {
  customerId: string;
  attributes: Row | null;
  scores: Row | null;
  predictions: {
    pAlive: Interval;
    churnRisk: number | null;
    expectedPurchases: Interval;
    clv: Interval;
    nextOrderDate: string | null;
  } | null;
  segments: Row;
  timeline: (Row & { kind: string; ts: string })[];
}

export function CustomerPage({ id }: { id: string | undefined }) {
  const { t } = useSession();
  const [q, setQ] = useState('');
  const found = useApi<Page>(q.length >= 2 ? `/v1/customers?q=${encodeURIComponent(q)}&limit=10` : null);
  const first = useApi<Page>(id ? null : '/v1/customers?sort=-clv&limit=1');
  const shown = id ?? (first.state === 'ok' ? String(first.data.items[0]?.customer_id ?? '') : undefined);
  return (
    <>
      <input
        className="search"
        data-testid="customer-search"
        placeholder={t('Search customer')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {q.length >= 2 ? <Load loaded={found}>{(p) => <CustomerTable rows={p.items} />}</Load> : null}
      {shown ? <Profile360 id={shown} /> : null}
    </>
  );
}

function Profile360({ id }: { id: string }) {
  const { t, lang } = useSession();
  const loaded = useApi<Profile>(`/v1/customers/${encodeURIComponent(id)}`);
  const n = (v: number | null | undefined, d = 0) => formatNumber(lang, v, d);
  const iv = (i: Interval | undefined, d = 0) =>
    i ? `${n(i.value, d)} (${n(i.low, d)}–${n(i.high, d)})` : '–';
  return (
    <Load loaded={loaded}>
      {(p) => {
        const a = p.attributes ?? {};
        const orders = p.timeline.filter((e) => e.kind === 'order').reverse();
        return (
          <>
            <h2 data-testid="customer-name">
              {[a.first_name, a.last_name].filter(Boolean).join(' ') || p.customerId}{' '}
              <span className="muted">{p.customerId}</span>
            </h2>
            <p className="muted">
              {[a.email, a.city, a.country, a.age ? `${a.age}` : null].filter(Boolean).join(' · ')}
            </p>
            <div className="kpis">
              <Kpi label="CLV" value={iv(p.predictions?.clv)} />
              <Kpi label={t('Probability alive')} value={iv(p.predictions?.pAlive, 2)} />
              <Kpi label={t('Expected purchases')} value={iv(p.predictions?.expectedPurchases, 1)} />
              <Kpi label={t('Churn risk')} value={n(p.predictions?.churnRisk, 2)} />
              <Kpi label={t('Next order')} value={p.predictions?.nextOrderDate ?? '–'} />
              <Kpi label={t('Revenue')} value={n(p.scores?.monetary_net as number | null)} />
            </div>
            <section>
              <h3>{t('Orders')}</h3>
              <Chart
                testId="customer-orders"
                height={220}
                option={{
                  tooltip: {},
                  xAxis: { type: 'category', data: orders.map((o) => o.ts.slice(0, 10)) },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name: t('Revenue'), data: orders.map((o) => o.amount) }],
                }}
              />
            </section>
            <div className="grid2">
              <section>
                <h3>{t('Segments')}</h3>
                <table className="table">
                  <tbody>
                    {Object.entries(p.segments).map(([k, v]) => (
                      <tr key={k}>
                        <td className="muted">{k}</td>
                        <td>{String(v)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <section>
                <h3>{t('Timeline')}</h3>
                <ul className="timeline">
                  {p.timeline.slice(0, 40).map((e) => (
                    <li
                      key={`${e.kind}-${e.ts}-${String(e.order_id ?? e.event_id ?? e.message_id ?? e.segment)}`}
                    >
                      <span className="muted">{e.ts.slice(0, 16).replace('T', ' ')}</span> <b>{e.kind}</b>{' '}
                      {e.kind === 'order'
                        ? `${n(e.amount as number, 2)} · ${e.channel ?? ''} · ${e.categories ?? ''}`
                        : e.kind === 'event'
                          ? String(e.type)
                          : e.kind === 'message'
                            ? `${e.channel}: ${String(e.text).slice(0, 80)}`
                            : `${e.change} ${e.segment}`}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          </>
        );
      }}
    </Load>
  );
}
