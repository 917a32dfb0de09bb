import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { Row } from '../types.js';

/** A compact customer list; a click opens the customer 360. */
export function CustomerTable({ rows }: { rows: Row[] }) {
  const { t, lang, go } = useSession();
  const n = (v: unknown, d = 0) => formatNumber(lang, typeof v === 'number' ? v : null, d);
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('Customer')}</th>
          <th>{t('RFM group')}</th>
          <th>{t('Stage')}</th>
          <th className="num">{t('Revenue')}</th>
          <th className="num">CLV</th>
          <th className="num">{t('Churn risk')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={String(r.customer_id)}
            onClick={() => go(`#/customer/${encodeURIComponent(String(r.customer_id))}`)}
          >
            <td>
              <a href={`#/customer/${encodeURIComponent(String(r.customer_id))}`}>{String(r.customer_id)}</a>{' '}
              <span className="muted">{[r.first_name, r.last_name].filter(Boolean).join(' ')}</span>
            </td>
            <td>{String(r.rfm_segment ?? '')}</td>
            <td>{String(r.lifecycle_stage ?? '')}</td>
            <td className="num">{n(r.monetary_net)}</td>
            <td className="num">
              {n(r.clv)}{' '}
              <span className="muted">
                ({n(r.clv_low)}–{n(r.clv_high)})
              </span>
            </td>
            <td className="num">{n(r.churn_risk, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
