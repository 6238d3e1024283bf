/**
 * The CLI's transport for a sweep (engine/sweep.ts): the chunks run on this thread or on a pool of
 * worker_threads. Records are stored by seed, so the outcome is the same bit for bit whatever the
 * thread count or the order the chunks finish in.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type SeedChunk, type SweepJob, type SweepRecord, planChunks, runSweepChunk } from '../engine';

/** A chunk's answer from a worker thread. */
export interface ChunkResult {
  chunk: SeedChunk;
  records: SweepRecord[];
}

/** The .mjs entry registers tsx inside the worker: Node 20 ignores --import in a worker's execArgv. */
const WORKER_ENTRY = new URL('./sweepWorker.mjs', import.meta.url);

/** Below this many epochs in all, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_EPOCHS = 2_000_000;

export function coreCount(): number {
  return availableParallelism();
}

/** Every core for large sweeps, one thread for small ones. */
export function defaultThreads(job: Pick<SweepJob, 'config' | 'starts' | 'derivatives'>): number {
  return job.starts * job.derivatives.length * job.config.epochs >= PARALLEL_THRESHOLD_EPOCHS ? Math.min(coreCount(), job.starts) : 1;
}

/** The job's records in seed order, on `threads` worker threads (1: on this thread). */
export async function runSweep(job: SweepJob, threads: number): Promise<SweepRecord[]> {
  const workerCount = Math.min(threads, job.starts);
  if (workerCount <= 1) return runSweepChunk(job, { first: job.firstSeed, count: job.starts });
  const queue = planChunks(job.firstSeed, job.starts, workerCount);
  const records: SweepRecord[] = new Array(job.starts);
  const workers: Worker[] = [];
  let completed = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        const chunk = queue.shift();
        if (chunk) worker.postMessage(chunk);
      };
      for (let k = 0; k < workerCount; k++) {
        const worker = new Worker(WORKER_ENTRY, { workerData: job });
        workers.push(worker);
        worker.on('message', (message: ChunkResult) => {
          message.records.forEach((record, r) => {
            records[message.chunk.first - job.firstSeed + r] = record;
          });
          completed += message.records.length;
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
  return records;
}
