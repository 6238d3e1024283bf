/** A SweepPool on Node worker_threads, for benchmarks and long measurements outside the browser. */
import { Worker } from 'node:worker_threads';
import { SweepPool, type SweepWorkerLike } from '../src/store/sweepPool';

// `--import tsx` does not reach worker threads here, so the thread registers tsx itself, then loads the entry.
const ENTRY = new URL('./sweepWorkerThread.ts', import.meta.url).href;
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;

function nodeSweepWorker(): SweepWorkerLike {
  const thread = new Worker(BOOT, { eval: true });
  const worker: SweepWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (command) => thread.postMessage(command),
    terminate: () => void thread.terminate(),
  };
  thread.on('message', (data) => worker.onmessage?.({ data }));
  thread.on('error', (error) => worker.onerror?.({ message: error.message }));
  return worker;
}

export function nodeSweepPool(workerCount: number): SweepPool {
  return new SweepPool({ workerCount, createWorker: nodeSweepWorker, progressIntervalMs: 5000 });
}

export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
