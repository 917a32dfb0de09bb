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
  // A prediction's value goes in the card's figure, its interval in the small note below (one line each).
  const iv = (label: string, i: Interval | undefined, d = 0) => (
    <Kpi
      label={label}
      value={n(i?.value, d)}
      note={i && (i.low !== null || i.high !== null) ? `${n(i.low, d)}–${n(i.high, d)}` : undefined}
    />
  );
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
              {iv('CLV', p.predictions?.clv)}
              {iv(t('Probability alive'), p.predictions?.pAlive, 2)}
              {iv(t('Expected purchases'), p.predictions?.expectedPurchases, 1)}
              <Kpi label={t('Churn risk')} value={n(p.predictions?.churnRisk, 2)} />
              <Kpi label={t('Next order')} value={p.predictions?.nextOrderDate ?? '–'} />
              <Kpi label={t('Revenue')} value={n(p.scores?.monetary_net as number | null)} />
            </div>
            <section>
              <h3>{t('Orders')}</h3>
              <Chart
                testId="customer-orders"
                height={200}
                option={{
                  tooltip: {},
                  grid: { left: 10, right: 20, top: 15, bottom: 5, containLabel: true },
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
                      <span className="muted">{e.ts.slice(0, 16).replace('T', ' ')}</span> <b>{t(e.kind)}</b>{' '}
                      {e.kind === 'order'
                        ? `${n(e.amount as number, 2)} · ${e.channel ?? ''} · ${e.categories ?? ''}`
                        : e.kind === 'event'
                          ? String(e.type)
                          : e.kind === 'message'
                            ? `${e.channel}: ${String(e.text).slice(0, 80)}`
                            : `${t(String(e.change))} ${e.segment}`}
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
