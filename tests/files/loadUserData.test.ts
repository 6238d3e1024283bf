/**
 * A data load cut by a worker crash has one outcome (a newcomer saw the dialog's error while the data
 * came back with the restarted worker): loaded when the lab trains on the data, an error only when it does not.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { type Dataset, EngineError } from '../../src/engine';
import { parseDatasetCsv } from '../../src/engine/csv';
import { loadUserData } from '../../src/app/files/loadUserData';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import { type SupervisedWorker, superviseWorker } from '../../src/store/workerSupervisor';
import type { LabCommand, LabEvent } from '../../src/worker/lab/protocol';
import { FakeWorkerEnv } from '../worker/harness';

/** A fake worker that may lose its answers (or everything) on the way back, and crash. */
class FlakyWorker implements SupervisedWorker {
  onerror: SupervisedWorker['onerror'] = null;
  onmessageerror: SupervisedWorker['onmessageerror'] = null;
  /** 'answers': events reach the page but 'answered' does not; 'all': nothing does */
  lose: 'none' | 'answers' | 'all' = 'none';
  private readonly inner = new FakeWorkerEnv().worker();
  private readonly wrapped = new Map<unknown, (event: MessageEvent<LabEvent>) => void>();
  postMessage(command: LabCommand, transfer?: Transferable[]) {
    this.inner.postMessage(command, transfer);
  }
  addEventListener: SupervisedWorker['addEventListener'] = (type, listener) => {
    const filtered = (event: MessageEvent<LabEvent>) => {
      if (this.lose === 'all' || (this.lose === 'answers' && event.data.type === 'answered')) return;
      listener(event);
    };
    this.wrapped.set(listener, filtered);
    this.inner.addEventListener(type, filtered);
  };
  removeEventListener: SupervisedWorker['removeEventListener'] = (type, listener) => {
    const filtered = this.wrapped.get(listener);
    if (filtered) this.inner.removeEventListener(type, filtered);
  };
  terminate() {
    this.inner.terminate?.();
  }
  crash() {
    this.onerror?.({ message: 'boom', preventDefault: () => {} });
  }
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

function supervised(maxRestarts = 3): { store: LabStore; workers: FlakyWorker[] } {
  const store = createLabStore();
  const workers: FlakyWorker[] = [];
  stop = superviseWorker(store, {
    createWorker: () => {
      const worker = new FlakyWorker();
      workers.push(worker);
      return worker;
    },
    batch: (flush) => flush(),
    answerTimeoutMs: 0,
    maxRestarts,
  });
  return { store, workers };
}

function csv(text: string): Dataset {
  const read = parseDatasetCsv(text);
  if (!read.ok) throw new EngineError(read.error);
  return read.value;
}
const MINE = csv('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n2,2,0\n');

describe('loading your own data while the worker crashes', () => {
  test('the run started with the data, then the worker died before its answer: loaded, and the restarted worker has it', async () => {
    const { store, workers } = supervised();
    workers[0].lose = 'answers';
    const outcome = loadUserData(store, MINE);
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5 });
    workers[0].crash();
    await expect(outcome).resolves.toBeNull();
    expect(workers).toHaveLength(2);
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5, inputs: MINE.inputs, targets: MINE.targets });
  });

  test('the worker died before anything came back: the load goes to the new worker once, and loads', async () => {
    const { store, workers } = supervised();
    workers[0].lose = 'all';
    const outcome = loadUserData(store, MINE);
    workers[0].crash();
    await expect(outcome).resolves.toBeNull();
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5, inputs: MINE.inputs });
  });

  test('when no worker is left to take it, it is an error and the lab keeps its data', async () => {
    const { store, workers } = supervised(0);
    workers[0].lose = 'all';
    const before = store.getState().data;
    const outcome = loadUserData(store, MINE);
    workers[0].crash();
    await expect(outcome).resolves.toEqual({ code: 'noWorker', values: {} });
    expect(store.getState().data).toBe(before);
  });

  test('a healthy worker: loaded at the first try', async () => {
    const { store } = supervised();
    await expect(loadUserData(store, MINE)).resolves.toBeNull();
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5 });
  });
});
