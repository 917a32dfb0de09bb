import type { Warehouse } from '../warehouse/warehouse.js';

export interface MemoOptions {
  /** How long an answer stays valid in memory; default forever (answers about one finished run). */
  readonly ttlMs?: number;
  /**
   * Also keep it in the warehouse (`api_cache`), so later servers read it back instead of computing it: for
   * answers about one finished run (they never change) or keyed by the data they were computed from.
   */
  readonly persist?: boolean;
  /**
   * With `persist`: storing this answer deletes the stored answers whose keys start with this prefix (an
   * answer that replaces older ones, such as the data-quality report of the latest import).
   */
  readonly supersedes?: string;
}

/**
 * Per-server cache of pre-aggregated answers (the dashboard's figures at a million customers). Entries keyed by
 * a finished run never change, so they live until something new lands through this server (an import or a run:
 * every non-GET request clears the memory cache) and, with `persist`, across servers in `api_cache`, where the
 * end-of-run precompute (`precomputePages`) leaves every page's answers. Keys of per-run answers name the run.
 * Answers that do not belong to a run take a `ttlMs` (changes made outside this server show up) or a key that
 * names the data they were computed from (the quality report: the latest import and the row counts).
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
    const value = options.persist ? this.#persisted(key, compute, options.supersedes) : compute();
    this.#entries.set(key, { value, until: Date.now() + (options.ttlMs ?? Number.POSITIVE_INFINITY) });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  async #persisted<T>(key: string, compute: () => Promise<T>, supersedes: string | undefined): Promise<T> {
    const t = await this.#wh.query({
      sql: 'SELECT value FROM api_cache WHERE cache_key = $1',
      params: [key],
    });
    if (t.rowCount > 0) return JSON.parse(String(t.columns.value?.[0])) as T;
    const value = await compute();
    if (supersedes !== undefined)
      await this.#wh.execute('DELETE FROM api_cache WHERE starts_with(cache_key, $1) AND cache_key <> $2', [
        supersedes,
        key,
      ]);
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
