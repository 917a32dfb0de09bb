/** The dashboard talks only to the HTTP API, with the key the user gave (kept in localStorage). */
const KEY = 'segmenta.key';

export function initialKey(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('key');
  if (fromUrl) {
    localStorage.setItem(KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
    return fromUrl;
  }
  return localStorage.getItem(KEY);
}

export function saveKey(key: string | null): void {
  if (key) localStorage.setItem(KEY, key);
  else localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(key: string, path: string): Promise<T> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${key}` } });
  const body = await res.json();
  if (!res.ok) throw new ApiError(res.status, String(body.detail ?? res.statusText));
  return body as T;
}
