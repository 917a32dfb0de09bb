import { createContext, useContext } from 'react';
import type { Lang } from './i18n.js';

export interface Session {
  readonly key: string;
  readonly lang: Lang;
  readonly t: (s: string) => string;
  readonly go: (hash: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}
