import { useSession } from '../../context.js';
import { formatNumber } from '../../i18n.js';
import { isNode, type Node } from './rule.js';
import { SyncedInput } from './SyncedInput.js';

const COUNT_OPS = [
  ['at_least', 'at least'],
  ['at_most', 'at most'],
  ['exactly', 'exactly'],
] as const;

const WINDOWS = [
  ['ever', 'ever'],
  ['last', 'in the last'],
  ['older_than', 'more than'],
  ['between', 'between dates'],
] as const;

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
const intOf = (s: string): unknown => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s);
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A narrow box for a count of times or days; what is not a whole number goes up as typed, for the server to name. */
function WholeNumber({
  testId,
  label,
  value,
  onValue,
}: {
  testId: string;
  label: string;
  value: unknown;
  onValue: (value: unknown) => void;
}) {
  return (
    <SyncedInput
      data-testid={testId}
      aria-label={label}
      className="builder-value narrow"
      inputMode="numeric"
      value={value}
      parse={intOf}
      format={text}
      onValue={onValue}
    />
  );
}

/** event type picker (with counts) + did / did not + how many times + window. */
export function EventCondition({
  node,
  eventTypes,
  onChange,
  testId,
}: {
  node: Node;
  eventTypes: { type: string; count: number }[];
  onChange: (node: Node) => void;
  testId: string;
}) {
  const { t, lang } = useSession();
  const event = typeof node.event === 'string' ? node.event : '';
  const count = isNode(node.count) ? node.count : { op: 'at_least', value: 1 };
  const window = isNode(node.window) ? node.window : null;
  const windowKind = window ? String(window.kind) : 'ever';
  const setWindow = (kind: string) => {
    const { window: _, ...rest } = node;
    if (kind === 'ever') onChange(rest);
    else if (kind === 'between') onChange({ ...rest, window: { kind, from: daysAgo(30), to: today() } });
    else onChange({ ...rest, window: { kind, days: typeof window?.days === 'number' ? window.days : 30 } });
  };
  return (
    <>
      <select
        data-testid={`${testId}-did`}
        aria-label={t('Did or did not')}
        value={node.kind === 'not_done' ? 'not_done' : 'event'}
        onChange={(e) => {
          const { count: _, ...rest } = node;
          onChange({ ...rest, kind: e.target.value });
        }}
      >
        <option value="event">{t('did')}</option>
        <option value="not_done">{t('has not done')}</option>
      </select>
      <select
        data-testid={`${testId}-event`}
        aria-label={t('Event type')}
        value={event}
        onChange={(e) => onChange({ ...node, event: e.target.value })}
      >
        {eventTypes.some((e) => e.type === event) ? null : <option value={event}>{event || '—'}</option>}
        {eventTypes.map((e) => (
          <option key={e.type} value={e.type}>
            {e.type} ({formatNumber(lang, e.count)})
          </option>
        ))}
      </select>
      {node.kind === 'event' ? (
        <>
          <select
            data-testid={`${testId}-count-op`}
            aria-label={t('How many times')}
            value={String(count.op)}
            onChange={(e) => onChange({ ...node, count: { ...count, op: e.target.value } })}
          >
            {COUNT_OPS.map(([op, label]) => (
              <option key={op} value={op}>
                {t(label)}
              </option>
            ))}
          </select>
          <WholeNumber
            testId={`${testId}-count`}
            label={t('Times')}
            value={count.value}
            onValue={(v) => onChange({ ...node, count: { ...count, value: v } })}
          />
          <span className="muted">{t('times')}</span>
        </>
      ) : null}
      <select
        data-testid={`${testId}-window`}
        aria-label={t('Window')}
        value={windowKind}
        onChange={(e) => setWindow(e.target.value)}
      >
        {WINDOWS.map(([kind, label]) => (
          <option key={kind} value={kind}>
            {t(label)}
          </option>
        ))}
      </select>
      {window && (windowKind === 'last' || windowKind === 'older_than') ? (
        <>
          <WholeNumber
            testId={`${testId}-days`}
            label={t('Days')}
            value={window.days}
            onValue={(v) => onChange({ ...node, window: { ...window, days: v } })}
          />
          <span className="muted">{windowKind === 'last' ? t('days') : t('days ago')}</span>
        </>
      ) : null}
      {window && windowKind === 'between' ? (
        <>
          <input
            type="date"
            data-testid={`${testId}-from`}
            aria-label={t('From')}
            value={text(window.from)}
            onChange={(e) => onChange({ ...node, window: { ...window, from: e.target.value } })}
          />
          <span className="muted">{t('to')}</span>
          <input
            type="date"
            data-testid={`${testId}-to`}
            aria-label={t('To')}
            value={text(window.to)}
            onChange={(e) => onChange({ ...node, window: { ...window, to: e.target.value } })}
          />
        </>
      ) : null}
      {Array.isArray(node.where) && node.where.length > 0 ? (
        <span className="muted">
          {t('with property filters')} ({node.where.length}, JSON)
        </span>
      ) : null}
    </>
  );
}
