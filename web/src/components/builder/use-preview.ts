import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../context.js';
import { type Located, problems, send } from './request.js';
import { type Definition, forPreview } from './rule.js';

export interface PreviewAnswer {
  count: number;
  customers: number;
  sample: string[];
  ms: number;
}

export type Preview =
  | { state: 'empty' }
  | { state: 'loading'; last: PreviewAnswer | null }
  | { state: 'ok'; data: PreviewAnswer }
  | { state: 'invalid'; problems: string[]; located: Located[] }
  | { state: 'error'; message: string };

/**
 * The live count: every change of the definition, after `delay` ms of quiet, is POSTed to /v1/segments/preview.
 * Requests are numbered and only the latest one's answer is shown, so a slow answer never overwrites a newer one.
 */
export function usePreview(definition: Definition, delay = 300): Preview {
  const { key, t } = useSession();
  const [preview, setPreview] = useState<Preview>({ state: 'empty' });
  const latest = useRef(0);
  useEffect(() => {
    const id = ++latest.current;
    if (!Array.isArray(definition.conditions) || definition.conditions.length === 0) {
      setPreview({ state: 'empty' });
      return;
    }
    setPreview((p) => ({
      state: 'loading',
      last: p.state === 'ok' ? p.data : p.state === 'loading' ? p.last : null,
    }));
    const timer = setTimeout(() => {
      send<PreviewAnswer>(key, 'POST', '/v1/segments/preview', { definition: forPreview(definition) }).then(
        (a) => {
          if (id !== latest.current) return;
          if (a.ok) setPreview({ state: 'ok', data: a.body });
          else if (a.status === 400)
            setPreview({
              state: 'invalid',
              problems: problems(a.body, t('Invalid rule')),
              located: a.body.errors ? [...a.body.errors] : [],
            });
          else setPreview({ state: 'error', message: a.body.detail ?? `HTTP ${a.status}` });
        },
        (e: Error) => id === latest.current && setPreview({ state: 'error', message: e.message }),
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [definition, delay, key, t]);
  return preview;
}
