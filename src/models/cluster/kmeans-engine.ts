import type { Rng } from '../../core/rng.js';
import {
  type KernelState,
  OP_ASSIGN,
  OP_FULL_ASSIGN,
  OP_INERTIA,
  OP_SEED_CANDIDATES,
  OP_SEED_COMMIT,
  OP_SEED_FINISH,
  OP_SEED_INIT,
  OP_SUMS,
  sqDist,
} from './kmeans-kernels.js';
import { type ChunkRunner, createChunkRunner } from './kmeans-pool.js';
import type { Matrix } from './matrix.js';

export interface LloydRun {
  readonly centers: Float64Array;
  readonly labels: Int32Array;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Rows per chunk: the unit of work (and of summation order, hence of the exact result). */
const CHUNK_SIZE = 16_384;

/**
 * k-means on one data set, reusable across restarts: greedy k-means++ seeding (Arthur & Vassilvitskii 2007,
 * with scikit-learn's 2 + floor(ln k) local trials) that also yields Hamerly's bounds, then Lloyd's iterations
 * (Lloyd 1982) accelerated with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"). The iterates are
 * exactly Lloyd's; stopping follows scikit-learn (labels unchanged, or total squared centre shift <= tolerance,
 * then labels made consistent with the final centres).
 */
export class KMeansEngine {
  readonly #s: KernelState;
  readonly #runner: ChunkRunner;
  readonly #sums: Float64Array;
  readonly #counts: Float64Array;

  /** `seeding: false` saves the k-means++ buffers when the engine only runs from given centres. */
  constructor(x: Matrix, k: number, threads: number, seeding = true) {
    const { n, d } = x;
    const trials = 2 + Math.floor(Math.log(k));
    const seedRows = seeding ? n : 0;
    const chunks = Math.ceil(n / CHUNK_SIZE);
    const shared = threads > 1;
    const f64 = (len: number) =>
      shared ? new Float64Array(new SharedArrayBuffer(len * 8)) : new Float64Array(len);
    let data = x.data;
    if (shared && !(data.buffer instanceof SharedArrayBuffer)) {
      data = f64(n * d);
      data.set(x.data);
    }
    this.#s = {
      n,
      d,
      k,
      trials,
      chunkSize: CHUNK_SIZE,
      chunks,
      data,
      labels: shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n),
      upper: f64(n),
      lower: f64(n),
      closest: f64(seedRows),
      cumulative: f64(seedRows),
      exact: f64(seedRows * trials),
      centers: f64(k * d),
      cand: f64(trials * d),
      centreToCand: f64(k * trials),
      shift: f64(k),
      half: f64(k),
      params: f64(8),
      chunkTotal: f64(chunks),
      chunkPot: f64(chunks * trials),
      chunkSums: f64(chunks * k * d),
      chunkCounts: f64(chunks * k),
      chunkChanged: f64(chunks),
      chunkInertia: f64(chunks),
      control: shared ? new Int32Array(new SharedArrayBuffer(8 * 4)) : new Int32Array(8),
    };
    this.#runner = createChunkRunner(this.#s, threads);
    this.#sums = new Float64Array(k * d);
    this.#counts = new Float64Array(k);
  }

  /** Seed with k-means++ (drawing from `rng`), then iterate. */
  runSeeded(rng: Rng, maxIter: number, tolerance: number): LloydRun {
    if (this.#s.closest.length !== this.#s.n) throw new Error('engine was built without seeding buffers');
    this.#seed(rng);
    return this.#lloyd(maxIter, tolerance);
  }

  /** Iterate from given centres (k x d). */
  runFrom(centers: Float64Array, maxIter: number, tolerance: number): LloydRun {
    this.#s.centers.set(centers);
    this.#runner.run(OP_FULL_ASSIGN);
    return this.#lloyd(maxIter, tolerance);
  }

  close(): void {
    this.#runner.close();
  }

  #seed(rng: Rng): void {
    const s = this.#s;
    const { n, d, k, trials, data, centers, cand, centreToCand } = s;
    const first = rng.int(n);
    centers.set(data.subarray(first * d, first * d + d), 0);
    this.#runner.run(OP_SEED_INIT);
    const potential = new Float64Array(trials);
    const candidates = new Int32Array(trials);
    for (let c = 1; c < k; c++) {
      for (let t = 0; t < trials; t++) {
        const idx = this.#sample(rng);
        candidates[t] = idx;
        cand.set(data.subarray(idx * d, idx * d + d), t * d);
        for (let a = 0; a < c; a++) centreToCand[a * trials + t] = sqDist(centers, a * d, cand, t * d, d);
      }
      this.#runner.run(OP_SEED_CANDIDATES);
      potential.fill(0);
      for (let chunk = 0; chunk < s.chunks; chunk++) {
        for (let t = 0; t < trials; t++) potential[t]! += s.chunkPot[chunk * trials + t]!;
      }
      let best = 0;
      for (let t = 1; t < trials; t++) if (potential[t]! < potential[best]!) best = t;
      const chosen = candidates[best]!;
      centers.set(data.subarray(chosen * d, chosen * d + d), c * d);
      s.params[0] = c;
      s.params[1] = best;
      this.#runner.run(OP_SEED_COMMIT);
    }
    this.#runner.run(OP_SEED_FINISH);
  }

  /** Row drawn with probability proportional to its squared distance to the nearest chosen centre. */
  #sample(rng: Rng): number {
    const s = this.#s;
    let total = 0;
    for (let chunk = 0; chunk < s.chunks; chunk++) total += s.chunkTotal[chunk]!;
    // Every row sits on a chosen centre: any row will do.
    if (!(total > 0)) return rng.int(s.n);
    let r = rng.next() * total;
    let chunk = 0;
    while (chunk < s.chunks - 1 && r >= s.chunkTotal[chunk]!) {
      r -= s.chunkTotal[chunk]!;
      chunk++;
    }
    let lo = chunk * s.chunkSize;
    let hi = Math.min(s.n, lo + s.chunkSize) - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  #lloyd(maxIter: number, tolerance: number): LloydRun {
    const s = this.#s;
    const { k, d, centers, shift, params } = s;
    this.#refreshSums();
    params[0] = 0;
    let iterations = 0;
    let converged = false;
    let strict = false;
    for (let it = 1; it <= maxIter; it++) {
      iterations = it;
      if (it > 1) {
        if (this.#assign() === 0) {
          converged = true;
          strict = true;
          break;
        }
        // Sums follow label changes incrementally; refresh them now and then against rounding drift.
        if (it % 16 === 0) this.#refreshSums();
      }
      this.#relocateEmpty();
      let total = 0;
      let max1 = 0;
      let max2 = 0;
      let arg1 = -1;
      for (let c = 0; c < k; c++) {
        const inv = 1 / this.#counts[c]!;
        let sq = 0;
        for (let j = 0; j < d; j++) {
          const v = this.#sums[c * d + j]! * inv;
          const t = v - centers[c * d + j]!;
          sq += t * t;
          centers[c * d + j] = v;
        }
        const m = Math.sqrt(sq);
        shift[c] = m;
        total += sq;
        if (m > max1) {
          max2 = max1;
          max1 = m;
          arg1 = c;
        } else if (m > max2) max2 = m;
      }
      // The bounds move by these shifts at the start of the next assignment.
      params[0] = max1 > 0 ? 1 : 0;
      params[1] = max1;
      params[2] = max2;
      params[3] = arg1;
      if (total <= tolerance) {
        converged = true;
        break;
      }
    }
    if (!strict) this.#assign();
    this.#runner.run(OP_INERTIA);
    let inertia = 0;
    for (let chunk = 0; chunk < s.chunks; chunk++) inertia += s.chunkInertia[chunk]!;
    return {
      centers: Float64Array.from(centers),
      labels: Int32Array.from(s.labels),
      inertia,
      iterations,
      converged,
    };
  }

  /** One Hamerly step over all chunks; merges the sum deltas in chunk order. Returns how many rows moved. */
  #assign(): number {
    const s = this.#s;
    const { k, d, centers, half } = s;
    half.fill(Number.POSITIVE_INFINITY);
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const h = 0.5 * Math.sqrt(sqDist(centers, a * d, centers, b * d, d));
        if (h < half[a]!) half[a] = h;
        if (h < half[b]!) half[b] = h;
      }
    }
    this.#runner.run(OP_ASSIGN);
    s.params[0] = 0;
    let changed = 0;
    for (let chunk = 0; chunk < s.chunks; chunk++) {
      changed += s.chunkChanged[chunk]!;
      if (s.chunkChanged[chunk] === 0) continue;
      for (let q = 0; q < k * d; q++) this.#sums[q]! += s.chunkSums[chunk * k * d + q]!;
      for (let c = 0; c < k; c++) this.#counts[c]! += s.chunkCounts[chunk * k + c]!;
    }
    return changed;
  }

  #refreshSums(): void {
    const s = this.#s;
    const { k, d } = s;
    this.#runner.run(OP_SUMS);
    this.#sums.fill(0);
    this.#counts.fill(0);
    for (let chunk = 0; chunk < s.chunks; chunk++) {
      for (let q = 0; q < k * d; q++) this.#sums[q]! += s.chunkSums[chunk * k * d + q]!;
      for (let c = 0; c < k; c++) this.#counts[c]! += s.chunkCounts[chunk * k + c]!;
    }
  }

  /**
   * Give each empty cluster the row farthest from its centre (scikit-learn's rule), taken from a cluster that
   * keeps members. Rare, so done on the calling thread.
   */
  #relocateEmpty(): void {
    const s = this.#s;
    const { n, d, k, data, centers, labels, upper, lower } = s;
    const counts = this.#counts;
    const sums = this.#sums;
    let empty = 0;
    for (let c = 0; c < k; c++) if (counts[c] === 0) empty++;
    if (empty === 0) return;
    const dist = new Float64Array(n);
    for (let i = 0; i < n; i++) dist[i] = sqDist(data, i * d, centers, labels[i]! * d, d);
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[b]! - dist[a]! || a - b);
    let next = 0;
    for (let c = 0; c < k; c++) {
      if (counts[c] !== 0) continue;
      let i = order[next++]!;
      while (counts[labels[i]!]! <= 1 && next < n) i = order[next++]!;
      const from = labels[i]!;
      counts[from]!--;
      counts[c] = 1;
      for (let j = 0; j < d; j++) {
        sums[from * d + j]! -= data[i * d + j]!;
        sums[c * d + j] = data[i * d + j]!;
      }
      labels[i] = c;
      // Unknown bounds for the moved row: force an exact check at the next assignment.
      upper[i] = Number.POSITIVE_INFINITY;
      lower[i] = 0;
    }
  }
}
