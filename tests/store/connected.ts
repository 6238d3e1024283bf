/** A store wired to the fake worker, recording every command the store sends (`prepare` sees the env before the worker starts). */
import { connectWorker } from '../../src/store/connectWorker';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import type { LabCommand } from '../../src/worker/lab/protocol';
import { FakeWorkerEnv } from '../worker/harness';

export function connectedStore(prepare?: (env: FakeWorkerEnv) => void): { store: LabStore; env: FakeWorkerEnv; sent: LabCommand[] } {
  const store = createLabStore();
  const env = new FakeWorkerEnv();
  prepare?.(env);
  const worker = env.worker();
  const sent: LabCommand[] = [];
  connectWorker(
    store,
    {
      ...worker,
      postMessage: (command, transfer) => {
        sent.push(command);
        worker.postMessage(command, transfer);
      },
    },
    (flush) => flush(),
  );
  return { store, env, sent };
}
