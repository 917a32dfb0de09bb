import { invalidInput } from '../../core/errors.js';
import { adjustedRandIndex, encodeLabels } from '../../models/cluster/index.js';

export interface TransitionMatrix {
  /** Previous segments (rows). */
  readonly from: readonly string[];
  /** Current segments (columns). */
  readonly to: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** Each row divided by its total: where the members of a previous segment went. */
  readonly rowShares: readonly (readonly number[])[];
}

export interface RunComparison {
  readonly rows: number;
  /** Share of rows whose segment name is unchanged (meaningful when names are stable, e.g. RFM groups). */
  readonly kept: number;
  /**
   * Share of rows kept after matching current segments to previous ones one-to-one by largest overlap (for
   * clusterings, whose numbers are arbitrary).
   */
  readonly keptMatched: number;
  /** Previous segment -> matched current segment. */
  readonly matching: Readonly<Record<string, string>>;
  /** Adjusted Rand index between the runs (1 = same partition, about 0 = unrelated). */
  readonly ari: number;
  readonly transitions: TransitionMatrix;
}

/** Stability between two runs over the same rows in the same order: membership kept, ARI, transition matrix. */
export function compareRuns(
  previous: ArrayLike<string | number>,
  current: ArrayLike<string | number>,
): RunComparison {
  if (previous.length !== current.length) {
    throw invalidInput(
      `runs differ in length: ${previous.length} previous and ${current.length} current labels`,
    );
  }
  const n = previous.length;
  const a = encodeLabels(previous);
  const b = encodeLabels(current);
  const counts = a.names.map(() => new Array<number>(b.names.length).fill(0));
  let kept = 0;
  for (let i = 0; i < n; i++) {
    counts[a.codes[i]!]![b.codes[i]!]!++;
    if (a.names[a.codes[i]!] === b.names[b.codes[i]!]) kept++;
  }
  // Greedy one-to-one matching by largest overlap.
  const cells: [number, number, number][] = [];
  counts.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v > 0) cells.push([v, r, c]);
    });
  });
  cells.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const usedRows = new Set<number>();
  const usedCols = new Set<number>();
  const matching: Record<string, string> = {};
  let matched = 0;
  for (const [v, r, c] of cells) {
    if (usedRows.has(r) || usedCols.has(c)) continue;
    usedRows.add(r);
    usedCols.add(c);
    matching[a.names[r]!] = b.names[c]!;
    matched += v;
  }
  return {
    rows: n,
    kept: n > 0 ? kept / n : 1,
    keptMatched: n > 0 ? matched / n : 1,
    matching,
    ari: adjustedRandIndex(a.codes, b.codes),
    transitions: {
      from: a.names,
      to: b.names,
      counts,
      rowShares: counts.map((row) => {
        const total = row.reduce((s, v) => s + v, 0);
        return row.map((v) => (total > 0 ? v / total : 0));
      }),
    },
  };
}
