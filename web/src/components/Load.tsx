import type { ReactNode } from 'react';
import { useSession } from '../context.js';
import type { Loaded } from '../use-api.js';

/** Show a spinner, the API's problem detail, or the content. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useSession();
  if (loaded.state === 'loading') return <p className="muted">{t('Loading')}…</p>;
  if (loaded.state === 'error') return <p className="error">{loaded.message}</p>;
  return <>{children(loaded.data)}</>;
}
