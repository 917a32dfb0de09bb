import { Worker } from 'node:worker_threads';
import { drainChunks, type KernelState, kmeansWorkerSource, OP_EXIT } from './kmeans-kernels.js';

/** Runs one operation over all chunks of the shared state, on the calling thread plus any workers. */
export interface ChunkRunner {
  run(op: number): void;
  close(): void;
}

const GEN = 0;
const OP = 1;
const PENDING = 2;
const NEXT = 3;
const ERROR = 4;
const ALIVE = 5;
/** How long to wait for workers to start before giving up (a broken worker cannot report otherwise). */
const START_TIMEOUT_MS = 30_000;

/**
 * A synchronous fork-join pool: the caller takes part in every operation and blocks with `Atomics.wait` until
 * the `threads - 1` workers are done, so `fitKMeans` stays a plain function. Chunks are handed out through an
 * atomic counter; each chunk writes its own slot, so results do not depend on who ran it.
 */
export function createChunkRunner(state: KernelState, threads: number): ChunkRunner {
  const control = state.control;
  const workers: Worker[] = [];
  if (threads > 1) {
    const source = kmeansWorkerSource();
    for (let w = 0; w < threads - 1; w++) {
      const worker = new Worker(source, { eval: true, workerData: state });
      worker.unref();
      workers.push(worker);
    }
  }
  const started = Date.now();
  return {
    run(op: number): void {
      Atomics.store(control, OP, op);
      Atomics.store(control, NEXT, 0);
      Atomics.store(control, ERROR, 0);
      Atomics.store(control, PENDING, workers.length);
      Atomics.add(control, GEN, 1);
      Atomics.notify(control, GEN);
      drainChunks(state, op);
      for (;;) {
        const pending = Atomics.load(control, PENDING);
        if (pending === 0) break;
        Atomics.wait(control, PENDING, pending, 1000);
        if (Atomics.load(control, ALIVE) < workers.length && Date.now() - started > START_TIMEOUT_MS) {
          throw new Error(`k-means worker threads did not start within ${START_TIMEOUT_MS / 1000} s`);
        }
      }
      if (Atomics.load(control, ERROR) !== 0) throw new Error(`k-means worker failed during op ${op}`);
    },
    close(): void {
      if (workers.length === 0) return;
      Atomics.store(control, OP, OP_EXIT);
      Atomics.add(control, GEN, 1);
      Atomics.notify(control, GEN);
      for (const w of workers) void w.terminate();
    },
  };
}
