/**
 * Starts the training worker (its own chunk in the build) and joins it to the store. A worker
 * that throws, sends an unreadable message or stops answering is replaced by a new one with the
 * user's settings (see workerSupervisor.ts).
 */
import type { LabStore } from '../store/labStore';
import { type SupervisedWorker, superviseWorker } from '../store/workerSupervisor';

export function startLabWorker(store: LabStore): () => void {
  return superviseWorker(store, {
    createWorker: () => new Worker(new URL('../worker/lab/lab.worker.ts', import.meta.url), { type: 'module' }) as unknown as SupervisedWorker,
  });
}
