import type { Warehouse } from '../warehouse/warehouse.js';

export interface MemoOptions {
  /** How long an answer stays valid in memory; default forever (answers about one finished run). */
  readonly ttlMs?: number;
  /** Also keep it in the warehouse (`api_cache`), for answers about one finished run: they never change. */
  readonly persist?: boolean;
}

/**
 * Per-server cache of pre-aggregated answers (the dashboard's figures at a million customers). Entries keyed by
 * a finished run never change, so they live until something new lands through this server (an import or a run:
 * every non-GET request clears the memory cache) and, with `persist`, across servers in `api_cache`. Answers
 * that do not belong to a run (the data-quality report) take a `ttlMs`, so changes made outside this server
 * (the CLI) show up too.
 */
export class Memo {
  readonly #entries = new Map<string, { value: Promise<unknown>; until: number }>();
  readonly #wh: Warehouse;

  constructor(wh: Warehouse) {
    this.#wh = wh;
  }

  get<T>(key: string, compute: () => Promise<T>, options: MemoOptions = {}): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
    const value = options.persist ? this.#persisted(key, compute) : compute();
    this.#entries.set(key, { value, until: Date.now() + (options.ttlMs ?? Number.POSITIVE_INFINITY) });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  async #persisted<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let t: Awaited<ReturnType<Warehouse['query']>>;
    try {
      t = await this.#wh.query({ sql: 'SELECT value FROM api_cache WHERE cache_key = $1', params: [key] });
    } catch {
      // A database migrated by a pre-release 006 without api_cache: answer without persisting.
      return compute();
    }
    if (t.rowCount > 0) return JSON.parse(String(t.columns.value?.[0])) as T;
    const value = await compute();
    await this.#wh.execute('INSERT OR REPLACE INTO api_cache VALUES ($1, $2, now())', [
      key,
      JSON.stringify(value),
    ]);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
