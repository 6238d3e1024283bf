/** A training worker that dies: the supervisor says so and restarts it with the user's settings. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_CONFIG, buildRun, parseDatasetCsv } from '../../src/engine';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import { type SupervisedWorker, superviseWorker } from '../../src/store/workerSupervisor';
import type { LabCommand } from '../../src/worker/protocol';
import { FakeWorkerEnv } from '../worker/harness';

/** A fake worker over a FakeWorkerEnv that can crash (onerror) or go silent. */
class DyingWorker implements SupervisedWorker {
  onerror: SupervisedWorker['onerror'] = null;
  onmessageerror: SupervisedWorker['onmessageerror'] = null;
  readonly env = new FakeWorkerEnv();
  private readonly inner = this.env.worker();
  terminated = false;
  silent = false;
  readonly commands: LabCommand[] = [];
  postMessage(command: LabCommand, transfer?: Transferable[]) {
    this.commands.push(command);
    if (!this.silent && !this.terminated) this.inner.postMessage(command, transfer);
  }
  addEventListener: SupervisedWorker['addEventListener'] = (type, listener) => this.inner.addEventListener(type, listener);
  removeEventListener: SupervisedWorker['removeEventListener'] = (type, listener) => this.inner.removeEventListener(type, listener);
  terminate() {
    this.terminated = true;
    this.inner.terminate?.();
  }
  crash(message = 'boom') {
    this.onerror?.({ message, preventDefault: () => {} });
  }
}

let stopSupervisor: (() => void) | null = null;
afterEach(() => {
  stopSupervisor?.();
  stopSupervisor = null;
  vi.useRealTimers();
});

function supervised(options: { answerTimeoutMs?: number; maxRestarts?: number } = {}): { store: LabStore; workers: DyingWorker[] } {
  const store = createLabStore();
  const workers: DyingWorker[] = [];
  stopSupervisor = superviseWorker(store, {
    createWorker: () => {
      const worker = new DyingWorker();
      workers.push(worker);
      return worker;
    },
    batch: (flush) => flush(),
    answerTimeoutMs: options.answerTimeoutMs ?? 0,
    maxRestarts: options.maxRestarts,
  });
  return { store, workers };
}

const notes = (store: LabStore) => store.getState().share.notes.map((note) => note.message);

describe('a worker that fails is restarted with the user\'s settings', () => {
  test('a crash: a note says so, a new worker gets the config, speed and stop conditions, and the lab works', () => {
    const { store, workers } = supervised();
    const state = store.getState();
    expect(state.setConfig({ learningRate: 1.5, hidden: [3] })).toBeNull();
    state.setSpeed('max');
    expect(state.setStop({ maxEpochs: 40 })).toBeNull();
    state.runEpochs(25);
    workers[0].env.runUntilIdle();
    expect(store.getState().run.epoch).toBe(25);

    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(notes(store)).toEqual([expect.stringMatching(/training worker failed \(it stopped with an error: out of memory\)\. It was restarted with your settings/)]);
    const sent = workers[1].commands;
    expect(sent).toContainEqual({ type: 'setSpeed', speed: 'max' });
    expect(sent).toContainEqual({ type: 'setStop', stop: { maxEpochs: 40, targetCost: 0 } });
    expect(sent).toContainEqual({ type: 'configure', config: expect.objectContaining({ learningRate: 1.5, hidden: [3] }) });

    // the new worker trains the same run from its initial weights, to the stop condition
    store.getState().play();
    workers[1].env.runUntilIdle();
    const reference = buildRun({ ...DEFAULT_CONFIG, learningRate: 1.5, hidden: [3] });
    reference.trainer.train(40);
    expect(store.getState().run).toMatchObject({ epoch: 40, stopReason: 'maxEpochs', error: null });
    expect(store.getState().snapshot?.network.params).toEqual(reference.net.params);
    // the old worker hears nothing more
    const before = workers[0].commands.length;
    store.getState().step();
    expect(workers[0].commands.length).toBe(before);
  });

  test('the user\'s own data and a loaded network come back after a restart', () => {
    const { store, workers } = supervised();
    const csv = parseDatasetCsv('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n2,2,0\n');
    if (!csv.ok) throw new Error(csv.error);
    store.getState().send({ type: 'loadData', data: csv.value });
    const loaded = buildRun({ ...DEFAULT_CONFIG, seed: 77 }, csv.value).net;
    store.getState().send({ type: 'loadNetwork', network: loaded });
    expect(store.getState().data?.count).toBe(5);
    workers[0].crash();
    expect(notes(store)[0]).toMatch(/restarted with your settings and your data/);
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5 });
    expect(store.getState().initialNetwork?.params).toEqual(loaded.params);
    expect(store.getState().snapshot?.network.params).toEqual(loaded.params);
  });

  test('a message that cannot be read counts as a failure too', () => {
    const { store, workers } = supervised();
    workers[0].onmessageerror?.({});
    expect(workers).toHaveLength(2);
    expect(notes(store)[0]).toMatch(/a message from it could not be read/);
    expect(store.getState().snapshot?.epoch).toBe(0);
  });

  test('a worker that stops answering is replaced once the answer is overdue', () => {
    vi.useFakeTimers();
    const { store, workers } = supervised({ answerTimeoutMs: 5000 });
    workers[0].silent = true;
    store.getState().step();
    vi.advanceTimersByTime(4999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    expect(notes(store)[0]).toMatch(/it stopped answering/);
    // the new one answers: no further restart
    store.getState().step();
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(2);
    expect(store.getState().run.epoch).toBe(1);
  });

  test('a worker that keeps failing is given up on, with a message to reload', () => {
    const { store, workers } = supervised({ maxRestarts: 2 });
    workers[0].crash();
    workers[1].crash();
    workers[2].crash();
    expect(workers).toHaveLength(3);
    expect(store.getState().run.error).toMatch(/failed again .* Reload the page/);
    expect(notes(store).at(-1)).toMatch(/was not restarted/);
    // nothing is sent to a dead worker
    store.getState().play();
    expect(workers[2].commands.at(-1)?.type).not.toBe('play');
  });

  test('stopping the supervisor ends the worker and ignores its late errors', () => {
    const { store, workers } = supervised();
    stopSupervisor?.();
    stopSupervisor = null;
    expect(workers[0].terminated).toBe(true);
    workers[0].crash();
    expect(workers).toHaveLength(1);
    expect(notes(store)).toEqual([]);
  });
});
