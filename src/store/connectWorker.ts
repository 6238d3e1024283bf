/**
 * Joins a store to a worker (or anything shaped like one): commands go out through the store's
 * `send`, events come back through `receive`. The worker first gets the store's settings.
 */
import type { LabEvent, WorkerLike } from '../worker/protocol';
import type { LabStore } from './labStore';

export function connectWorker(store: LabStore, worker: WorkerLike): () => void {
  const listener = (event: MessageEvent<LabEvent>) => store.getState().receive(event.data);
  worker.addEventListener('message', listener);
  // a new worker numbers its runs from 1 again
  store.setState({ send: (command) => worker.postMessage(command), run: { ...store.getState().run, runId: 0 } });
  const { config, speed, stop } = store.getState();
  worker.postMessage({ type: 'setSpeed', speed });
  worker.postMessage({ type: 'setStop', stop });
  worker.postMessage({ type: 'configure', config });
  return () => {
    worker.removeEventListener('message', listener);
    store.setState({ send: () => {} });
  };
}
