import { useSession } from '../../context.js';
import { useApi } from '../../use-api.js';
import { Load } from '../Load.js';
import { when } from './SegmentList.js';

interface LogAnswer {
  items: {
    seq: number;
    version: number;
    customerId: string;
    change: 'entered' | 'exited';
    at: number;
    source: string;
    conditions: { path: string; from: boolean; to: boolean }[] | null;
  }[];
}

/** The latest entries and exits of one segment: who, when, from which evaluation and which conditions changed. */
export function MembershipLog({ name }: { name: string }) {
  const { t, lang } = useSession();
  const log = useApi<LogAnswer>(`/v1/segments/${encodeURIComponent(name)}/log?limit=15`);
  return (
    <Load loaded={log}>
      {(l) =>
        l.items.length === 0 ? (
          <p className="muted">{t('Nobody entered or left yet.')}</p>
        ) : (
          <table className="table builder-log" data-testid="builder-log">
            <tbody>
              {l.items.map((e) => (
                <tr key={e.seq}>
                  <td>{when(e.at, lang)}</td>
                  <td className={e.change === 'entered' ? 'entered' : 'exited'}>{t(e.change)}</td>
                  <td>
                    <a href={`#/customer/${encodeURIComponent(e.customerId)}`}>{e.customerId}</a>
                  </td>
                  <td className="muted">
                    v{e.version} · {t(e.source)}
                    {e.conditions && e.conditions.length > 0
                      ? ` · ${e.conditions.map((c) => `${c.path} ${c.from}→${c.to}`).join(', ')}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Load>
  );
}
