/**
 * The cost history around runs: the previous run stays as a ghost after Reset or a new run (until
 * cleared), mid-run setting changes are marked at the epoch after which they took effect, and the
 * status line's cost at epoch N is the history's.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine';
import { connectWorker } from '../../src/store/connectWorker';
import { historyCostSource } from '../../src/store/costSource';
import { costAtEpoch } from '../../src/store/historySlice';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import { settingChanges } from '../../src/store/settingMarkers';
import { CURVE_WORDS } from '../../src/app/curveWords';
import { FakeWorkerEnv, simulateEngineSpeed } from '../worker/harness';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function connected(config = DEFAULT_CONFIG): { store: LabStore; env: FakeWorkerEnv } {
  const store = createLabStore();
  store.setState({ config });
  const env = new FakeWorkerEnv();
  restore = simulateEngineSpeed(env, 0.001);
  connectWorker(store, env.worker());
  return { store, env };
}

function train(store: LabStore, env: FakeWorkerEnv, epochs: number): void {
  store.getState().trainEpochs(epochs);
  env.runUntilIdle();
}

describe('the previous run as a ghost', () => {
  test('after Reset the trained run stays, with its costs, as a faint series of the cost source; Clear drops it', () => {
    const { store, env } = connected({ ...DEFAULT_CONFIG, derivative: 'buggy' });
    train(store, env, 30);
    const trained = store.getState().history.costs.slice(0, 30);
    store.getState().reset();
    env.runUntilIdle();
    const state = store.getState();
    expect(state.history.length).toBe(0);
    expect(state.ghost?.length).toBe(30);
    expect(state.ghost?.derivative).toBe('buggy');
    expect(historyCostSource(store, CURVE_WORDS, (fn) => fn()).get().series[1].label).toBe('Previous run (buggy f′(a))');
    expect(Array.from(state.ghost!.costs.subarray(0, 30))).toEqual(Array.from(trained));
    const { series } = historyCostSource(store, CURVE_WORDS, (fn) => fn()).get();
    expect(series.map((s) => s.faint ?? false)).toEqual([false, true]);
    // the new run writes into its own buffer: the ghost's costs stay as they were
    train(store, env, 10);
    expect(Array.from(store.getState().ghost!.costs.subarray(0, 30))).toEqual(Array.from(trained));
    store.getState().clearGhost();
    expect(store.getState().ghost).toBeNull();
    expect(historyCostSource(store, CURVE_WORDS, (fn) => fn()).get().series).toHaveLength(1);
  });

  test('buggy to the end, then Correct and Reset: the ghost is named for the derivative its epochs trained with', () => {
    const { store, env } = connected({ ...DEFAULT_CONFIG, derivative: 'buggy' });
    train(store, env, 30);
    store.getState().setConfig({ ...store.getState().config, derivative: 'correct' });
    env.runUntilIdle();
    store.getState().reset();
    env.runUntilIdle();
    expect(store.getState().ghost?.derivative).toBe('buggy');
    expect(historyCostSource(store, CURVE_WORDS, (fn) => fn()).get().series[1].label).toBe('Previous run (buggy f′(a))');
  });

  test('a new run from an untrained one keeps the older ghost; a trained one replaces it', () => {
    const { store, env } = connected();
    train(store, env, 20);
    store.getState().reset();
    env.runUntilIdle();
    store.getState().newSeed();
    env.runUntilIdle();
    expect(store.getState().ghost?.length).toBe(20);
    train(store, env, 5);
    store.getState().setConfig({ hidden: [3] });
    env.runUntilIdle();
    expect(store.getState().ghost?.length).toBe(5);
  });
});

describe('setting-change markers', () => {
  test('switching the derivative and the learning rate mid-run marks the epoch after which they took effect', () => {
    const { store, env } = connected({ ...DEFAULT_CONFIG, derivative: 'buggy' });
    train(store, env, 40);
    store.getState().setConfig({ derivative: 'correct' });
    env.runUntilIdle();
    train(store, env, 10);
    store.getState().setConfig({ learningRate: 1 });
    env.runUntilIdle();
    expect(store.getState().costMarkers).toEqual([
      { epoch: 40, changes: [{ setting: 'derivative', value: 'correct' }] },
      { epoch: 50, changes: [{ setting: 'learningRate', value: 1 }] },
    ]);
    expect(historyCostSource(store, CURVE_WORDS, (fn) => fn()).get().markers).toEqual([
      { epoch: 40, label: 'correct f′(z)' },
      { epoch: 50, label: 'η 1' },
    ]);
    // worded once per change of markers, not on every frame's get()
    const source = historyCostSource(store, CURVE_WORDS, (fn) => fn());
    expect(source.get().markers).toBe(source.get().markers);
    expect(historyCostSource(store, CURVE_WORDS, (fn) => fn()).get().markers).toHaveLength(2);
    // a new run starts without markers
    store.getState().reset();
    env.runUntilIdle();
    expect(store.getState().costMarkers).toEqual([]);
  });

  test('a change while the run is playing is marked where the worker switched, not where the page had got to', () => {
    const { store, env } = connected();
    store.getState().play();
    for (let k = 0; k < 5; k++) env.runNext();
    store.getState().setConfig({ batchSize: 2 });
    const switchedAt = store.getState().history.length;
    store.getState().pause();
    env.runUntilIdle();
    const [marker] = store.getState().costMarkers;
    expect(marker.changes).toEqual([{ setting: 'batchSize', value: 2 }]);
    expect(CURVE_WORDS.changes(marker.changes)).toBe('batch 2');
    expect(marker.epoch).toBeGreaterThanOrEqual(switchedAt);
    expect(marker.epoch).toBeGreaterThan(0);
  });

  test('a change before the first epoch is no marker; settings that start a new run are none either', () => {
    const { store, env } = connected();
    store.getState().setConfig({ learningRate: 2 });
    env.runUntilIdle();
    expect(store.getState().costMarkers).toEqual([]);
    expect(settingChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, hidden: [7] })).toEqual([]);
    const changes = settingChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, cost: 'quadratic', batchSize: 4 });
    expect(CURVE_WORDS.changes(changes)).toBe('quadratic cost and batch 4');
    expect(CURVE_WORDS.changes(settingChanges(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, batchSize: 0, freezeBiases: true }))).toMatch(/biases frozen/);
  });
});

describe("the status line's cost", () => {
  test("on a mini-batch run the cost shown at epoch N is the history's cost at epoch N (and the snapshot's)", () => {
    const { store, env } = connected({ ...DEFAULT_CONFIG, dataset: 'circle', hidden: [5], batchSize: 10 });
    train(store, env, 12);
    const state = store.getState();
    expect(state.run.epoch).toBe(12);
    expect(costAtEpoch(state, 12)).toBe(state.history.costs[11]);
    expect(costAtEpoch(state, 12)).toBe(state.snapshot!.cost);
    expect(costAtEpoch(state, 0)).toBeNull();
  });

  test("a weight typed at epoch N changes the status's cost (the network now), while the curve keeps what training measured", () => {
    const { store, env } = connected();
    train(store, env, 12);
    const trained = store.getState().history.costs[11];
    store.getState().send({ type: 'setParam', index: 0, value: 3 });
    env.runUntilIdle();
    const state = store.getState();
    expect(state.history.costs[11]).toBe(trained);
    expect(costAtEpoch(state, 12)).toBe(state.snapshot!.cost);
    expect(costAtEpoch(state, 12)).not.toBe(trained);
  });
});
