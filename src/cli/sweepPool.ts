/**
 * Runs the starts of a sweep, on this thread or on a pool of worker_threads. Each start depends
 * only on its own seed (engine runStart), and results are stored by seed index, so the outcome is
 * the same bit for bit whatever the thread count or the order the chunks finish in.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Dataset, type LabConfig, type StartResult, runStart } from '../engine';

export interface SweepJob {
  config: LabConfig;
  /** seeds firstSeed … firstSeed + starts − 1 */
  firstSeed: number;
  starts: number;
  /** user data (--data); named datasets are rebuilt from the config */
  data?: Dataset;
}

/** A chunk of work sent to a worker, and its answer. */
export interface ChunkRequest {
  from: number;
  to: number;
}
export interface ChunkResult {
  from: number;
  results: StartResult[];
}

/** The .mjs entry registers tsx inside the worker: Node 20 ignores --import in a worker's execArgv. */
const WORKER_ENTRY = new URL('./sweepWorker.mjs', import.meta.url);

/** Below this many epochs in all, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_EPOCHS = 2_000_000;

export function coreCount(): number {
  return availableParallelism();
}

/** Every core for large sweeps, one thread for small ones. */
export function defaultThreads(job: Pick<SweepJob, 'config' | 'starts'>): number {
  return job.starts * job.config.epochs >= PARALLEL_THRESHOLD_EPOCHS ? Math.min(coreCount(), job.starts) : 1;
}

/** Starts [from, to) of the job, on this thread. */
export function runChunk(job: SweepJob, from: number, to: number): StartResult[] {
  const results: StartResult[] = [];
  for (let k = from; k < to; k++) results.push(runStart(job.config, job.firstSeed + k, job.data));
  return results;
}

export async function runSweep(job: SweepJob, threads: number): Promise<StartResult[]> {
  const workerCount = Math.min(threads, job.starts);
  if (workerCount <= 1) return runChunk(job, 0, job.starts);
  // Small chunks keep both cores busy to the end even when some starts diverge and stop early.
  const chunkSize = Math.max(1, Math.ceil(job.starts / (workerCount * 16)));
  const results: StartResult[] = new Array(job.starts);
  const workers: Worker[] = [];
  let next = 0;
  let completed = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (next >= job.starts) return;
        const request: ChunkRequest = { from: next, to: Math.min(next + chunkSize, job.starts) };
        next = request.to;
        worker.postMessage(request);
      };
      for (let k = 0; k < workerCount; k++) {
        const worker = new Worker(WORKER_ENTRY, { workerData: { config: job.config, firstSeed: job.firstSeed, starts: job.starts, data: job.data } satisfies SweepJob });
        workers.push(worker);
        worker.on('message', (message: ChunkResult) => {
          message.results.forEach((result, r) => (results[message.from + r] = result));
          completed += message.results.length;
          if (completed === job.starts) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (completed < job.starts) reject(new Error(`a sweep worker stopped early (exit code ${code})`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
