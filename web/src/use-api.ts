import { useEffect, useState } from 'react';
import { api } from './api.js';
import { useSession } from './context.js';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

/** GET an API path and re-fetch when it changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  const { key } = useSession();
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setResult({ state: 'loading' });
    api<T>(key, path).then(
      (data) => live && setResult({ state: 'ok', data }),
      (e: Error) => live && setResult({ state: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key, path]);
  return result;
}
