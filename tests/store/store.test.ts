/** The store in Node, without React and without a real Worker: a fake worker runs the handler synchronously. */
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, PRESETS, buildRun } from '../../src/engine';
import { connectWorker } from '../../src/store/connectWorker';
import { historyCostSource } from '../../src/store/costSource';
import { appendCosts, growableCosts } from '../../src/store/historySlice';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import type { CostHistory } from '../../src/store/types';
import { FakeWorkerEnv, simulateEngineSpeed } from '../worker/harness';
import { said } from '../englishText';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function connected(): { store: LabStore; env: FakeWorkerEnv; disconnect: () => void } {
  const store = createLabStore();
  const env = new FakeWorkerEnv();
  restore = simulateEngineSpeed(env, 0.001);
  const disconnect = connectWorker(store, env.worker());
  return { store, env, disconnect };
}

function historyOf(store: LabStore): Float64Array {
  const { costs, length } = store.getState().history;
  return costs.slice(0, length);
}

describe('the store and the worker bridge', () => {
  test('connecting sends the settings and the first run arrives with its data and a snapshot', () => {
    const { store } = connected();
    const state = store.getState();
    expect(state.run.runId).toBe(1);
    expect(state.data?.name).toBe('XOR');
    expect(state.snapshot?.epoch).toBe(0);
    expect(state.initialNetwork?.sizes).toEqual([2, 4, 1]);
    expect(state.history.length).toBe(0);
  });

  test("the history holds every epoch's cost of a long run, equal to the engine's", () => {
    const { store, env } = connected();
    store.getState().setSpeed('max');
    store.getState().setStop({ maxEpochs: 50_000 });
    store.getState().play();
    expect(store.getState().run.running).toBe(true);
    env.runUntilIdle();
    const reference = new Float64Array(50_000);
    buildRun(DEFAULT_CONFIG).trainer.train(50_000, reference);
    expect(historyOf(store)).toEqual(reference);
    expect(store.getState().run).toMatchObject({ running: false, epoch: 50_000, stopReason: 'maxEpochs' });
    expect(store.getState().snapshot?.epoch).toBe(50_000);
  });

  test('changing the learning rate keeps the history and the weights; changing the shape starts over', () => {
    const { store, env } = connected();
    store.getState().trainEpochs(200);
    env.runUntilIdle();
    const params = store.getState().snapshot!.network.params;
    expect(store.getState().setConfig({ learningRate: 2 })).toBeNull();
    expect(store.getState().history.length).toBe(200);
    expect(store.getState().snapshot!.network.params).toEqual(params);
    expect(store.getState().setConfig({ derivative: 'buggy' })).toBeNull();
    expect(store.getState().run.runId).toBe(1);
    expect(store.getState().setConfig({ hidden: [4, 3] })).toBeNull();
    expect(store.getState().run.runId).toBe(2);
    expect(store.getState().history.length).toBe(0);
    expect(store.getState().snapshot?.network.sizes).toEqual([2, 4, 3, 1]);
  });

  test('a refused setting returns its reason and changes nothing', () => {
    const { store, env } = connected();
    const before = store.getState().config;
    const sent = env.events.length;
    expect(said(store.getState().setConfig({ learningRate: Number.NaN }))).toMatch(/learning rate/);
    expect(said(store.getState().setConfig({ hidden: [4, 4, 4, 4, 4, 4, 4, 4, 4] }))).toMatch(/hidden layers/);
    expect(said(store.getState().setConfig({ outputActivation: 'tanh' }))).toMatch(/cross-entropy/);
    expect(said(store.getState().setStop({ maxEpochs: -5 }))).toMatch(/stop after/);
    expect(store.getState().config).toBe(before);
    expect(env.events.length).toBe(sent);
  });

  test('a preset is one call away and starts from its own initial weights', () => {
    const { store } = connected();
    expect(store.getState().applyPreset('question-xor')).toBeNull();
    const { config, stop, initialNetwork, presetId } = store.getState();
    expect(presetId).toBe('question-xor');
    expect(config).toEqual(PRESETS.find((p) => p.id === 'question-xor')!.config);
    expect(stop.maxEpochs).toBe(60_000);
    expect(initialNetwork?.sizes).toEqual([2, 2, 1]);
    expect(said(store.getState().applyPreset('nope'))).toMatch(/unknown preset/);
  });

  test('toggling play pauses and resumes; reset returns to epoch 0 with the same weights', () => {
    const { store, env } = connected();
    const initial = store.getState().initialNetwork!.params;
    store.getState().togglePlay();
    env.runNext();
    store.getState().togglePlay();
    env.runUntilIdle();
    const epoch = store.getState().run.epoch;
    expect(epoch).toBeGreaterThan(0);
    expect(store.getState().history.length).toBe(epoch);
    expect(store.getState().run).toMatchObject({ running: false, stopReason: 'paused' });
    store.getState().reset();
    expect(store.getState().run.epoch).toBe(0);
    expect(store.getState().snapshot?.network.params).toEqual(initial);
    store.getState().newSeed();
    expect(store.getState().config.seed).not.toBe(DEFAULT_CONFIG.seed);
  });

  test('scrubbing shows a checkpoint beside the live snapshot, and returns to live', () => {
    const { store, env } = connected();
    store.getState().trainEpochs(3000);
    env.runUntilIdle();
    store.getState().scrub(1000);
    const { scrubSnapshot, snapshot, hover } = store.getState();
    expect(hover.scrubEpoch).toBe(1000);
    expect(scrubSnapshot?.scrubbed).toBe(true);
    expect(scrubSnapshot!.epoch).toBeLessThanOrEqual(1000);
    expect(snapshot?.epoch).toBe(3000);
    store.getState().scrub(null);
    expect(store.getState().scrubSnapshot).toBeNull();
    store.getState().scrub(99_999);
    expect(store.getState().hover.scrubEpoch).toBe(3000);
  });

  test('worker errors reach the run slice in words', () => {
    const { store } = connected();
    store.getState().send({ type: 'trainEpochs', epochs: -1 });
    expect(said(store.getState().run.error)).toMatch(/epochs/);
    store.getState().trainOneEpoch();
    expect(store.getState().run.error).toBeNull();
  });

  test('events of an earlier run are dropped', () => {
    const { store } = connected();
    store.getState().reset();
    const history = store.getState().history;
    store.getState().receive({ type: 'costs', runId: 1, startEpoch: 0, costs: Float64Array.of(1, 2) });
    expect(store.getState().history).toBe(history);
  });

  test('disconnecting stops the traffic', () => {
    const { store, env, disconnect } = connected();
    disconnect();
    const sent = env.events.length;
    store.getState().trainOneEpoch();
    expect(env.events.length).toBe(sent);
  });

  test('sample selection stays within the data', () => {
    const { store } = connected();
    store.getState().selectSample(3);
    expect(store.getState().hover.sample).toBe(3);
    store.getState().selectSample(4);
    expect(store.getState().hover.sample).toBe(3);
    store.getState().selectSample('mean');
    expect(store.getState().hover.sample).toBe('mean');
  });
});

describe('the history slice and the cost source', () => {
  test('appending grows the array by doubling and keeps earlier costs', () => {
    let history: CostHistory = { runId: 1, costs: new Float64Array(4), length: 0 };
    for (let k = 0; k < 10; k++) history = appendCosts(history, history.length, Float64Array.of(k, k + 0.5));
    expect(history.length).toBe(20);
    expect(history.costs.length).toBe(32);
    expect(Array.from(history.costs.subarray(0, 4))).toEqual([0, 0.5, 1, 1.5]);
  });

  test('a growable history grows in place, without copying, past a million epochs', () => {
    let history: CostHistory = { runId: 1, costs: growableCosts(1024), length: 0 };
    const buffer = history.costs.buffer;
    const batch = new Float64Array(50_000).map((_, k) => k);
    for (let k = 0; k < 24; k++) history = appendCosts(history, history.length, batch);
    expect(history.length).toBe(1_200_000);
    expect(history.costs.buffer).toBe(buffer); // the same memory, grown
    expect(history.costs[1_199_999]).toBe(49_999);
    expect(history.costs[50_000]).toBe(0);
  });

  test('the cost source reads the history and calls its listener once per frame, not per batch', () => {
    const { store, env } = connected();
    const frames: Array<() => void> = [];
    const source = historyCostSource(store, 'Cost', (fn) => frames.push(fn));
    let calls = 0;
    const unsubscribe = source.subscribe(() => calls++);
    store.getState().setSpeed('max');
    store.getState().trainEpochs(20_000);
    env.runUntilIdle();
    expect(frames.length).toBe(1);
    frames.shift()!();
    expect(calls).toBe(1);
    const { series, currentEpoch } = source.get();
    expect(series[0].length).toBe(20_000);
    expect(currentEpoch).toBe(20_000);
    store.getState().scrub(500);
    expect(source.get().currentEpoch).toBe(500);
    unsubscribe();
    store.getState().trainOneEpoch();
    for (const fn of frames.splice(0)) fn();
    expect(calls).toBe(1);
  });
});
