import { availableParallelism } from 'node:os';

/** Work (n x k x d) from which starting worker threads (~30 ms each) pays off. */
const PARALLEL_WORK = 4_000_000;

/** Threads for a job of the given size: all cores (at most 8) when large, else the calling thread only. */
export function defaultThreads(work: number): number {
  return work >= PARALLEL_WORK ? Math.min(8, availableParallelism()) : 1;
}
