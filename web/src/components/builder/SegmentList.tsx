import { useSession } from '../../context.js';
import { formatNumber } from '../../i18n.js';
import type { Definition } from './rule.js';

export interface SavedSegment {
  name: string;
  version: number;
  definition: Definition;
  updatedAt: string | null;
  size: number | null;
  mode: string | null;
  evaluatedAt: string | null;
  error: string | null;
}

export const when = (iso: string | number | null | undefined, lang: string) =>
  iso === null || iso === undefined
    ? '–'
    : new Date(iso).toLocaleString(lang === 'es' ? 'es-ES' : 'en-US', {
        dateStyle: 'medium',
        timeStyle: 'short',
      });

/** The saved rule segments; a click loads one into the editor. */
export function SegmentList({
  items,
  selected,
  onPick,
}: {
  items: SavedSegment[];
  selected: string | null;
  onPick: (s: SavedSegment) => void;
}) {
  const { t, lang } = useSession();
  if (items.length === 0)
    return <p className="muted">{t('No rule segments yet: save the first one above.')}</p>;
  return (
    <table className="table" data-testid="builder-segments">
      <thead>
        <tr>
          <th>{t('Name')}</th>
          <th className="num">{t('Size')}</th>
          <th className="num">{t('Version')}</th>
          <th>{t('Evaluated at')}</th>
          <th>{t('Error')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr
            key={s.name}
            data-testid={`builder-segment-${s.name}`}
            className={s.name === selected ? 'selected' : ''}
            onClick={() => onPick(s)}
          >
            <td>
              <b>{s.name}</b>{' '}
              {s.definition.description ? <span className="muted">{s.definition.description}</span> : null}
            </td>
            <td className="num" data-testid="size">
              {formatNumber(lang, s.size)}
            </td>
            <td className="num">{s.version}</td>
            <td>
              {when(s.evaluatedAt, lang)} {s.mode ? <span className="muted">({t(s.mode)})</span> : null}
            </td>
            <td className="builder-problem">{s.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
