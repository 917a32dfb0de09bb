/** JSON requests with a body, answering the status and the parsed body (problem+json included) instead of throwing. */
export interface Answer<T> {
  readonly ok: boolean;
  readonly status: number;
  readonly body: T & Problem;
}

export interface Located {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly detail?: string;
  readonly errors?: readonly Located[];
}

/**
 * The problems that belong to the condition at `path` (`conditions[1]`, `conditions[1].condition`), not to
 * conditions nested below it.
 */
export const problemsAt = (located: readonly Located[], path: string): Located[] =>
  located.filter((p) => {
    if (p.path !== path && !p.path.startsWith(`${path}.`)) return false;
    return !p.path.slice(path.length).includes('conditions[');
  });

export async function send<T>(key: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch {
    parsed = { detail: text };
  }
  return { ok: res.ok, status: res.status, body: parsed as T & Problem };
}

/** Every problem of a 400 answer, one per line: the located `errors` when given, else the `detail` lines. */
export function problems(p: Problem, fallback: string): string[] {
  if (p.errors && p.errors.length > 0)
    return p.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const lines = (p.detail ?? '').split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 ? lines : [fallback];
}
