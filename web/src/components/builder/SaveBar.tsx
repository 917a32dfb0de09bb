import { useState } from 'react';
import { useSession } from '../../context.js';
import { formatNumber } from '../../i18n.js';
import { problems, send } from './request.js';
import type { Definition } from './rule.js';

interface Saved {
  name: string;
  version?: number;
  size?: number | null;
  status?: { size?: number | null } | null;
}

type State =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; name: string; version: number | null; size: number | null }
  | { state: 'forbidden'; status: number; message: string }
  | { state: 'failed'; problems: string[] };

/**
 * Save the definition: POST a new segment, or PUT a new version of the one being edited. A key that may only
 * read gets told how to make one that may write, and can paste it here without losing the rule.
 */
export function SaveBar({
  definition,
  editing,
  onSaved,
  onKey,
}: {
  definition: Definition;
  editing: string | null;
  onSaved: (name: string) => void;
  onKey: (key: string) => void;
}) {
  const { key, t, lang } = useSession();
  const [state, setState] = useState<State>({ state: 'idle' });
  const [note, setNote] = useState('');
  const [newKey, setNewKey] = useState('');
  const update = editing !== null && editing === definition.name;
  const save = async (withKey: string) => {
    setState({ state: 'saving' });
    const body = note.trim() ? { ...definition, note: note.trim() } : definition;
    try {
      const a = update
        ? await send<Saved>(withKey, 'PUT', `/v1/segments/${encodeURIComponent(definition.name)}`, body)
        : await send<Saved>(withKey, 'POST', '/v1/segments', body);
      if (a.ok) {
        setState({
          state: 'saved',
          name: a.body.name ?? definition.name,
          version: a.body.version ?? null,
          size: a.body.size ?? a.body.status?.size ?? null,
        });
        setNote('');
        onSaved(a.body.name ?? definition.name);
      } else if (a.status === 401 || a.status === 403)
        setState({ state: 'forbidden', status: a.status, message: a.body.detail ?? '' });
      else setState({ state: 'failed', problems: problems(a.body, `HTTP ${a.status}`) });
    } catch (e) {
      setState({ state: 'failed', problems: [(e as Error).message] });
    }
  };
  return (
    <div className="builder-save">
      {update ? (
        <input
          className="builder-note"
          data-testid="builder-note"
          placeholder={t('What changed (optional note)')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      ) : null}
      <button
        type="button"
        className="primary"
        data-testid="builder-save"
        disabled={state.state === 'saving' || definition.name === ''}
        onClick={() => save(key)}
      >
        {update ? t('Save a new version') : t('Save segment')}
      </button>
      {definition.name === '' ? (
        <span className="muted">{t('Give the segment a name to save it.')}</span>
      ) : null}
      {state.state === 'saving' ? <span className="muted">{t('Saving')}…</span> : null}
      {state.state === 'saved' ? (
        <p className="builder-ok" data-testid="builder-saved" data-size={state.size ?? ''}>
          {t('Saved')} <b>{state.name}</b>
          {state.version !== null ? ` v${state.version}` : ''}: {formatNumber(lang, state.size)}{' '}
          {t('customers')}
        </p>
      ) : null}
      {state.state === 'failed' ? (
        <ul className="builder-problems" data-testid="builder-save-problems">
          {state.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {state.state === 'forbidden' ? (
        <form
          className="builder-forbidden"
          data-testid="builder-forbidden"
          onSubmit={(e) => {
            e.preventDefault();
            const k = newKey.trim();
            if (!k) return;
            onKey(k);
            setNewKey('');
            void save(k);
          }}
        >
          <p>
            {state.status === 403
              ? t('This key can only read: create a write key with')
              : t('This key is not valid: create a write key with')}{' '}
            <code>segmenta keys create --scope write</code> {t('and sign in with it.')}
          </p>
          <p className="muted">
            {t(
              'The CLI cannot open the database while segmenta serve has it: stop the server, create the key, start it again.',
            )}
          </p>
          {state.message ? <p className="muted">{state.message}</p> : null}
          <label>
            {t('Write key')}{' '}
            <input data-testid="builder-key" value={newKey} onChange={(e) => setNewKey(e.target.value)} />
          </label>{' '}
          <button type="submit" data-testid="builder-key-save">
            {t('Use this key and save')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
