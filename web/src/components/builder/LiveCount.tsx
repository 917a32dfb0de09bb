import { useSession } from '../../context.js';
import { formatNumber } from '../../i18n.js';
import type { Preview, PreviewAnswer } from './use-preview.js';

/** "N customers (x% of all)", large, with a few member ids; or the rule's problems instead of a count. */
export function LiveCount({ preview }: { preview: Preview }) {
  const { t, lang } = useSession();
  if (preview.state === 'empty')
    return <p className="muted">{t('Add a condition to see how many customers match.')}</p>;
  if (preview.state === 'invalid')
    return (
      <div data-testid="builder-problems">
        <p className="builder-problem-title">{t('The rule is not valid yet')}:</p>
        <ul className="builder-problems">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  if (preview.state === 'error')
    return (
      <p className="builder-problem" data-testid="builder-count-error">
        {preview.message}
      </p>
    );
  const data: PreviewAnswer | null = preview.state === 'ok' ? preview.data : preview.last;
  if (!data) return <p className="muted">{t('Counting')}…</p>;
  const share = data.customers > 0 ? (100 * data.count) / data.customers : null;
  return (
    <div className={preview.state === 'loading' ? 'builder-count stale' : 'builder-count'}>
      <div className="builder-count-value" data-testid="builder-count" data-count={data.count}>
        {formatNumber(lang, data.count)} <span>{t('customers')}</span>
      </div>
      <div className="muted" data-testid="builder-share">
        {share === null
          ? ''
          : `${formatNumber(lang, share, share < 1 ? 2 : 1)}% ${t('of all')} ${formatNumber(lang, data.customers)} · `}
        {formatNumber(lang, data.ms)} ms{preview.state === 'loading' ? ` · ${t('Counting')}…` : ''}
      </div>
      {data.sample.length > 0 ? (
        <div className="builder-sample" data-testid="builder-sample">
          {t('For example')}:{' '}
          {data.sample.slice(0, 8).map((id) => (
            <a key={id} href={`#/customer/${encodeURIComponent(id)}`}>
              {id}
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}
