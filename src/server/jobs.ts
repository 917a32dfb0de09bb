import { randomUUID } from 'node:crypto';
import { notFound } from '../core/errors.js';

export interface Job {
  readonly id: string;
  readonly kind: string;
  status: 'running' | 'done' | 'failed';
  /** 0..1 */
  progress: number;
  step: string;
  readonly startedAt: string;
  finishedAt: string | null;
  result: unknown;
  error: string | null;
}

/**
 * Background work started over the API (an analysis takes minutes at a million customers), kept per server
 * instance in memory: the durable record is the analysis run itself (`analysis_runs`); a job only reports
 * progress while the process that runs it lives.
 */
export class Jobs {
  readonly #jobs = new Map<string, Job>();
  readonly #running = new Set<Promise<void>>();

  start(kind: string, work: (progress: (fraction: number, step: string) => void) => Promise<unknown>): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'running',
      progress: 0,
      step: 'starting',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.#jobs.set(job.id, job);
    const running = work((fraction, step) => {
      job.progress = Math.max(0, Math.min(1, fraction));
      job.step = step;
    });
    const settled = running.then(
      (result) => {
        Object.assign(job, { status: 'done', progress: 1, step: 'done', result });
        job.finishedAt = new Date().toISOString();
      },
      (e: unknown) => {
        Object.assign(job, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
        job.finishedAt = new Date().toISOString();
      },
    );
    this.#running.add(settled);
    void settled.finally(() => this.#running.delete(settled));
    return job;
  }

  get(id: string): Job {
    const job = this.#jobs.get(id);
    if (!job) throw notFound(`job ${id} does not exist`, 'jobs live as long as the server that started them');
    return job;
  }

  /** Wait for every running job (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.#running]);
  }
}
