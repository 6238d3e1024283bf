/** Starts the training worker (its own chunk in the build) and joins it to the store. */
import { connectWorker } from '../store/connectWorker';
import type { LabStore } from '../store/labStore';
import type { WorkerLike } from '../worker/protocol';

export function startLabWorker(store: LabStore): () => void {
  const worker = new Worker(new URL('../worker/lab.worker.ts', import.meta.url), { type: 'module' });
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    store.getState().receive({ type: 'error', message: `The training worker failed${event.message ? `: ${event.message}` : ''}. Reload the page to start it again.` });
  };
  worker.addEventListener('error', onError);
  const disconnect = connectWorker(store, worker as unknown as WorkerLike);
  return () => {
    disconnect();
    worker.removeEventListener('error', onError);
    worker.terminate();
  };
}
