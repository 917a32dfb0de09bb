/**
 * The k-means hot loops, one chunk of rows at a time, on flat typed arrays. Every function here is
 * self-contained (no imports, no module constants), because the same source also runs in worker threads:
 * `kmeansWorkerSource()` ships these functions to `new Worker(..., { eval: true })`. Results are written per
 * chunk and merged in chunk order on the main thread, so they are identical for any number of threads.
 *
 * Multiple accumulators in the distance loops break the floating-point add chain that, not arithmetic, bounds
 * a naive `s += t * t` loop in V8.
 */

/** All state shared between the main thread and the workers (typed arrays over SharedArrayBuffer when threaded). */
export interface KernelState {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** k-means++ candidates per round. */
  readonly trials: number;
  readonly chunkSize: number;
  readonly chunks: number;
  readonly data: Float64Array;
  readonly labels: Int32Array;
  /** Hamerly's upper bound: distance to the own centre. */
  readonly upper: Float64Array;
  /** Hamerly's lower bound: distance to any other centre. */
  readonly lower: Float64Array;
  /** k-means++: squared distance to the nearest chosen centre, and its running sum within the chunk. */
  readonly closest: Float64Array;
  readonly cumulative: Float64Array;
  /** k-means++: squared distance of each row to each candidate (row-major n x trials), -1 when not needed. */
  readonly exact: Float64Array;
  readonly centers: Float64Array;
  readonly cand: Float64Array;
  /** Squared distances centre x candidate (k x trials). */
  readonly centreToCand: Float64Array;
  readonly shift: Float64Array;
  readonly half: Float64Array;
  readonly params: Float64Array;
  readonly chunkTotal: Float64Array;
  readonly chunkPot: Float64Array;
  readonly chunkSums: Float64Array;
  readonly chunkCounts: Float64Array;
  readonly chunkChanged: Float64Array;
  readonly chunkInertia: Float64Array;
  /** [generation, op, pending, next chunk, error, alive]. */
  readonly control: Int32Array;
}

export const OP_SEED_INIT = 1;
export const OP_SEED_CANDIDATES = 2;
export const OP_SEED_COMMIT = 3;
export const OP_SEED_FINISH = 4;
export const OP_FULL_ASSIGN = 5;
export const OP_SUMS = 6;
export const OP_ASSIGN = 7;
export const OP_INERTIA = 8;
export const OP_EXIT = 9;

/** Squared Euclidean distance between `a[ao..ao+d)` and `b[bo..bo+d)`. */
export function sqDist(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < d; j += 4) {
    const t0 = a[ao + j]! - b[bo + j]!;
    const t1 = a[ao + j + 1]! - b[bo + j + 1]!;
    const t2 = a[ao + j + 2]! - b[bo + j + 2]!;
    const t3 = a[ao + j + 3]! - b[bo + j + 3]!;
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; j < d; j++) {
    const t = a[ao + j]! - b[bo + j]!;
    s0 += t * t;
  }
  return s0 + s1 + (s2 + s3);
}

/** Squared distances from row `o` of `data` to the `m` rows of `rows`, four at a time, into `out[at..at+m)`. */
export function sqDistMany(
  data: Float64Array,
  o: number,
  rows: Float64Array,
  m: number,
  d: number,
  out: Float64Array,
  at: number,
): void {
  let c = 0;
  for (; c + 3 < m; c += 4) {
    const c0 = c * d;
    const c1 = c0 + d;
    const c2 = c1 + d;
    const c3 = c2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < d; j++) {
      const v = data[o + j]!;
      const t0 = v - rows[c0 + j]!;
      const t1 = v - rows[c1 + j]!;
      const t2 = v - rows[c2 + j]!;
      const t3 = v - rows[c3 + j]!;
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    out[at + c] = s0;
    out[at + c + 1] = s1;
    out[at + c + 2] = s2;
    out[at + c + 3] = s3;
  }
  for (; c < m; c++) out[at + c] = sqDist(data, o, rows, c * d, d);
}

/** k-means++ start: distances to the first centre, bounds reset, running sums. */
export function seedInitChunk(s: KernelState, lo: number, hi: number, chunk: number): void {
  const { d, data, centers, closest, labels, lower, cumulative } = s;
  let run = 0;
  for (let i = lo; i < hi; i++) {
    const v = sqDist(data, i * d, centers, 0, d);
    closest[i] = v;
    labels[i] = 0;
    lower[i] = Number.POSITIVE_INFINITY;
    run += v;
    cumulative[i] = run;
  }
  s.chunkTotal[chunk] = run;
}

/**
 * k-means++ candidates: each row's squared distance to each candidate and the potential per candidate.
 * A row skips the candidates when d(own centre, cand) >= 2 d(x, own centre) for all of them (Elkan 2003):
 * none can be nearer, so the potential keeps the current distance.
 */
export function seedCandidatesChunk(s: KernelState, lo: number, hi: number, chunk: number): void {
  const { d, trials, data, cand, centreToCand, closest, labels, exact, chunkPot } = s;
  const base = chunk * trials;
  for (let t = 0; t < trials; t++) chunkPot[base + t] = 0;
  for (let i = lo; i < hi; i++) {
    const ci = closest[i]!;
    const limit = 4 * ci;
    const ao = labels[i]! * trials;
    const eo = i * trials;
    let needed = false;
    for (let t = 0; t < trials; t++) if (centreToCand[ao + t]! < limit) needed = true;
    if (!needed) {
      for (let t = 0; t < trials; t++) {
        exact[eo + t] = -1;
        chunkPot[base + t]! += ci;
      }
      continue;
    }
    sqDistMany(data, i * d, cand, trials, d, exact, eo);
    for (let t = 0; t < trials; t++) {
      const v = exact[eo + t]!;
      chunkPot[base + t]! += Math.min(v, ci);
    }
  }
}

/** k-means++ commit of centre `params[0]` (= candidate `params[1]`): nearest centre, bounds, running sums. */
export function seedCommitChunk(s: KernelState, lo: number, hi: number, chunk: number): void {
  const { trials, closest, labels, lower, exact, centreToCand, cumulative, params } = s;
  const c = params[0]!;
  const best = params[1]!;
  let run = 0;
  for (let i = lo; i < hi; i++) {
    const v = exact[i * trials + best]!;
    const old = closest[i]!;
    if (v < 0) {
      // Not measured: d(x, new) >= d(own, new) - d(x, own) by the triangle inequality.
      const bound = Math.sqrt(centreToCand[labels[i]! * trials + best]!) - Math.sqrt(old);
      if (bound < lower[i]!) lower[i] = bound;
    } else if (v < old) {
      // The new centre is nearest; the old one, at an exact distance, becomes the nearest other centre.
      lower[i] = Math.sqrt(old);
      closest[i] = v;
      labels[i] = c;
    } else {
      const dist = Math.sqrt(v);
      if (dist < lower[i]!) lower[i] = dist;
    }
    run += closest[i]!;
    cumulative[i] = run;
  }
  s.chunkTotal[chunk] = run;
}

export function seedFinishChunk(s: KernelState, lo: number, hi: number): void {
  const { closest, upper } = s;
  for (let i = lo; i < hi; i++) upper[i] = Math.sqrt(closest[i]!);
}

/** Exact nearest and second-nearest centre of every row (start from given centres). */
export function fullAssignChunk(s: KernelState, lo: number, hi: number): void {
  const { d, k, data, centers, labels, upper, lower } = s;
  const scratch = new Float64Array(k);
  for (let i = lo; i < hi; i++) {
    sqDistMany(data, i * d, centers, k, d, scratch, 0);
    let best = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      const v = scratch[c]!;
      if (v < best) {
        second = best;
        best = v;
        arg = c;
      } else if (v < second) second = v;
    }
    labels[i] = arg;
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
  }
}

/** Per-chunk coordinate sums and counts by label. */
export function sumsChunk(s: KernelState, lo: number, hi: number, chunk: number): void {
  const { d, k, data, labels, chunkSums, chunkCounts } = s;
  const so = chunk * k * d;
  const co = chunk * k;
  for (let q = 0; q < k * d; q++) chunkSums[so + q] = 0;
  for (let c = 0; c < k; c++) chunkCounts[co + c] = 0;
  for (let i = lo; i < hi; i++) {
    const a = labels[i]!;
    chunkCounts[co + a]!++;
    const o = i * d;
    const ao = so + a * d;
    for (let j = 0; j < d; j++) chunkSums[ao + j]! += data[o + j]!;
  }
}

/**
 * One Hamerly step (Hamerly 2010): first move the bounds by the last centre shifts (`params`: moved flag,
 * largest shift, second largest, index of the largest), then re-examine only rows whose upper bound exceeds
 * max(lower bound, half the distance from the own centre to the nearest other). Writes the label changes as
 * sum and count deltas.
 */
export function assignChunk(s: KernelState, lo: number, hi: number, chunk: number): void {
  const { d, k, data, centers, labels, upper, lower, half, shift, params, chunkSums, chunkCounts } = s;
  const moved = params[0]! > 0;
  const max1 = params[1]!;
  const max2 = params[2]!;
  const arg1 = params[3]!;
  const so = chunk * k * d;
  const co = chunk * k;
  for (let q = 0; q < k * d; q++) chunkSums[so + q] = 0;
  for (let c = 0; c < k; c++) chunkCounts[co + c] = 0;
  const scratch = new Float64Array(k);
  let changed = 0;
  for (let i = lo; i < hi; i++) {
    const a = labels[i]!;
    let u = upper[i]!;
    let l = lower[i]!;
    if (moved) {
      u += shift[a]!;
      l -= a === arg1 ? max2 : max1;
      upper[i] = u;
      lower[i] = l;
    }
    const h = half[a]!;
    const bound = Math.max(h, l);
    if (u <= bound) continue;
    const o = i * d;
    // Tighten the upper bound to the exact distance before paying for all k distances.
    u = Math.sqrt(sqDist(data, o, centers, a * d, d));
    upper[i] = u;
    if (u <= bound) continue;
    sqDistMany(data, o, centers, k, d, scratch, 0);
    let best = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    let arg = a;
    for (let c = 0; c < k; c++) {
      const v = scratch[c]!;
      if (v < best) {
        second = best;
        best = v;
        arg = c;
      } else if (v < second) second = v;
    }
    lower[i] = Math.sqrt(second);
    if (arg !== a) {
      upper[i] = Math.sqrt(best);
      labels[i] = arg;
      changed++;
      chunkCounts[co + a]!--;
      chunkCounts[co + arg]!++;
      const fo = so + a * d;
      const to = so + arg * d;
      for (let j = 0; j < d; j++) {
        const v = data[o + j]!;
        chunkSums[fo + j]! -= v;
        chunkSums[to + j]! += v;
      }
    }
  }
  s.chunkChanged[chunk] = changed;
}

export function inertiaChunk(s: KernelState, lo: number, hi: number, chunk: number): void {
  const { d, data, centers, labels } = s;
  let total = 0;
  for (let i = lo; i < hi; i++) total += sqDist(data, i * d, centers, labels[i]! * d, d);
  s.chunkInertia[chunk] = total;
}

/** Run operation `op` on one chunk. */
export function runChunk(s: KernelState, op: number, chunk: number): void {
  const lo = chunk * s.chunkSize;
  const hi = Math.min(s.n, lo + s.chunkSize);
  // Literal op codes: module constants do not exist inside a worker (see the file comment).
  if (op === 1) seedInitChunk(s, lo, hi, chunk);
  else if (op === 2) seedCandidatesChunk(s, lo, hi, chunk);
  else if (op === 3) seedCommitChunk(s, lo, hi, chunk);
  else if (op === 4) seedFinishChunk(s, lo, hi);
  else if (op === 5) fullAssignChunk(s, lo, hi);
  else if (op === 6) sumsChunk(s, lo, hi, chunk);
  else if (op === 7) assignChunk(s, lo, hi, chunk);
  else if (op === 8) inertiaChunk(s, lo, hi, chunk);
  else throw new Error(`unknown k-means op ${op}`);
}

/** Take chunks of the current op until none are left (the main thread and every worker do this). */
export function drainChunks(s: KernelState, op: number): void {
  for (;;) {
    const chunk = Atomics.add(s.control, 3, 1);
    if (chunk >= s.chunks) return;
    runChunk(s, op, chunk);
  }
}

/** A worker's loop: wait for a new generation, drain its chunks, report, until told to exit. */
export function workerLoop(s: KernelState): void {
  const c = s.control;
  Atomics.add(c, 5, 1);
  let seen = 0;
  for (;;) {
    Atomics.wait(c, 0, seen);
    seen = Atomics.load(c, 0);
    const op = Atomics.load(c, 1);
    if (op === 9) return;
    try {
      drainChunks(s, op);
    } catch {
      Atomics.store(c, 4, 1);
    }
    if (Atomics.sub(c, 2, 1) === 1) Atomics.notify(c, 2);
  }
}

const WORKER_FUNCTIONS = [
  sqDist,
  sqDistMany,
  seedInitChunk,
  seedCandidatesChunk,
  seedCommitChunk,
  seedFinishChunk,
  fullAssignChunk,
  sumsChunk,
  assignChunk,
  inertiaChunk,
  runChunk,
  drainChunks,
  workerLoop,
];

/** Source of a worker (CommonJS, for `eval: true`) running `workerLoop` on the shared state in `workerData`. */
export function kmeansWorkerSource(): string {
  return [
    ...WORKER_FUNCTIONS.map((f) => f.toString()),
    "workerLoop(require('node:worker_threads').workerData);",
  ].join('\n');
}
