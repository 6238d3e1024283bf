/**
 * The bug lab's slice in Node: twin runs and sweeps on a real SweepPool whose workers run the real
 * handler in this thread, opening a start in the live lab, the fix path, and the live run's
 * overflow log from the training worker.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { OverflowLog, PRESETS, buildRun, questionConfig, runStart, summarizeSweep, twinRun } from '../../src/engine';
import { FIX_STEPS, currentFixStep, fixedPresetMatches } from '../../src/app/bugLab/fixPath';
import { bugLabEpochs } from '../../src/store/bugLabSlice';
import { connectWorker } from '../../src/store/connectWorker';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import { createSweepHandler } from '../../src/worker/sweep/sweepHandler';
import { SweepPool, type SweepWorkerLike } from '../../src/store/sweepPool';
import type { SweepCommand, SweepEvent } from '../../src/worker/sweep/sweepProtocol';
import { FakeWorkerEnv, simulateEngineSpeed } from '../worker/harness';
import { said } from '../englishText';

/** A sweep worker in this thread: the real handler, messages on later macrotasks, cloned like postMessage. */
class InProcessSweepWorker implements SweepWorkerLike {
  onmessage: ((event: { data: SweepEvent }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  private terminated = false;
  private readonly handle = createSweepHandler((event) => {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(event) });
    }, 0);
  });
  postMessage(command: SweepCommand): void {
    setTimeout(() => {
      if (!this.terminated) this.handle(structuredClone(command));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup) f();
  cleanup = [];
});

/** A store joined to a fake training worker (synchronous) and to an in-process sweep pool. */
function labWithPool(workerCount = 2): { store: LabStore; env: FakeWorkerEnv; pool: SweepPool } {
  const store = createLabStore();
  const env = new FakeWorkerEnv();
  cleanup.push(simulateEngineSpeed(env, 0.001));
  cleanup.push(connectWorker(store, env.worker()));
  const pool = new SweepPool({ workerCount, progressIntervalMs: 0, createWorker: () => new InProcessSweepWorker() });
  store.getState().attachSweepRunner(pool);
  cleanup.push(() => pool.dispose());
  return { store, env, pool };
}

function applyPreset(store: LabStore, env: FakeWorkerEnv, id: string, epochs?: number) {
  expect(store.getState().applyPreset(id)).toBeNull();
  if (epochs !== undefined) expect(store.getState().setStop({ maxEpochs: epochs })).toBeNull();
  env.runUntilIdle();
}

describe('twin run from the store', () => {
  test("trains the current configuration for the live lab's epochs, reports progress, and equals the engine's twin", async () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-and', 3000);
    const progress: number[] = [];
    const unsubscribe = store.subscribe((s) => {
      const p = s.bugLab.twin.progress;
      if (p && progress[progress.length - 1] !== p.epoch) progress.push(p.epoch);
    });
    await store.getState().runTwin();
    unsubscribe();
    const twin = store.getState().bugLab.twin;
    expect(twin.status).toBe('done');
    expect(twin.config).toMatchObject({ dataset: 'AND', epochs: 3000, seed: 1 });
    expect(twin.data?.name).toBe('AND');
    const direct = twinRun({ ...questionConfig('AND'), epochs: 3000 });
    expect(twin.result!.correct.costs).toEqual(direct.correct.costs);
    expect(twin.result!.buggy.params).toEqual(direct.buggy.params);
    expect(twin.result!.difference).toEqual(direct.difference);
    expect(twin.grids!.correct.output.length).toBe(100 * 100);
    // about a hundred reports, rising to the last epoch
    expect(progress.length).toBeGreaterThan(50);
    expect(progress[progress.length - 1]).toBe(3000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  test('a refused twin run says why and trains nothing', async () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-and', 3_000_000);
    await store.getState().runTwin();
    expect(store.getState().bugLab.twin).toMatchObject({ status: 'error', result: null });
    expect(said(store.getState().bugLab.twin.error)).toMatch(/at most 2,000,000 epochs/);

    const alone = createLabStore();
    await alone.getState().runTwin();
    expect(said(alone.getState().bugLab.twin.error)).toMatch(/workers are not running/);
  });

  test('cancel stops a twin run; a second one replaces the first', async () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-and', 2000);
    const first = store.getState().runTwin();
    store.getState().cancelTwin();
    await first;
    expect(store.getState().bugLab.twin.status).toBe('cancelled');
    const a = store.getState().runTwin();
    expect(store.getState().setConfig({ seed: 5 })).toBeNull();
    const b = store.getState().runTwin();
    await Promise.all([a, b]);
    expect(store.getState().bugLab.twin).toMatchObject({ status: 'done', config: { seed: 5 } });
  });
});

describe('sweep from the store', () => {
  test('runs seed … seed + N − 1 with both derivatives and summarises them as the engine does', async () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-and', 1500);
    expect(store.getState().setConfig({ seed: 10 })).toBeNull();
    const seen: number[] = [];
    const unsubscribe = store.subscribe((s) => {
      const p = s.bugLab.sweep.progress;
      if (s.bugLab.sweep.status === 'running' && p && seen[seen.length - 1] !== p.done) seen.push(p.done);
    });
    await store.getState().runSweep(12);
    unsubscribe();
    const sweep = store.getState().bugLab.sweep;
    expect(sweep.status).toBe('done');
    expect(sweep.workers).toBe(2);
    expect(sweep.config).toMatchObject({ dataset: 'AND', seed: 10, epochs: 1500 });
    const config = { ...questionConfig('AND'), epochs: 1500 };
    const records = Array.from({ length: 12 }, (_, k) => ({
      seed: 10 + k,
      correct: runStart({ ...config, derivative: 'correct' }, 10 + k),
      buggy: runStart({ ...config, derivative: 'buggy' }, 10 + k),
    }));
    const expected = summarizeSweep(records);
    expect(sweep.summary!.correct).toEqual(expected.correct);
    expect(sweep.summary!.buggy).toEqual(expected.buggy);
    expect(sweep.summary!.firstSeed).toBe(10);
    expect(seen[seen.length - 1]).toBe(12);
  });

  test('bad start counts come back as a message; cancel keeps the progress so far', async () => {
    const { store, env } = labWithPool(1);
    applyPreset(store, env, 'question-and', 1000);
    await store.getState().runSweep(1001);
    expect(store.getState().bugLab.sweep).toMatchObject({ status: 'error', summary: null });
    expect(said(store.getState().bugLab.sweep.error)).toMatch(/starts: expected a whole number from 1 to 1,000, got/);
    const running = store.getState().runSweep(40);
    await new Promise((resolve) => setTimeout(resolve, 30));
    store.getState().cancelSweep();
    await running;
    const sweep = store.getState().bugLab.sweep;
    expect(sweep.status).toBe('cancelled');
    expect(sweep.progress!.total).toBe(40);
    expect(sweep.progress!.done).toBeLessThan(40);
  });

  test('opening a start puts that seed and derivative into the live lab, from its initial weights', async () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-and', 800);
    await store.getState().runSweep(4);
    store.getState().setUi({ mode: 'buglab' });
    // train the live run a little first: opening a start must begin again from the seed's weights
    store.getState().trainEpochs(50);
    env.runUntilIdle();
    expect(store.getState().openStart(3, 'correct')).toBeNull();
    env.runUntilIdle();
    const state = store.getState();
    expect(state.ui.mode).toBe('live');
    expect(state.config).toMatchObject({ dataset: 'AND', seed: 3, derivative: 'correct', epochs: 800 });
    expect(state.stop.maxEpochs).toBe(800);
    expect(state.run.epoch).toBe(0);
    const expected = buildRun({ ...questionConfig('AND'), seed: 3, derivative: 'correct' });
    expect(state.snapshot!.network.params).toEqual(expected.net.params);
    // the same seed again with the other derivative: a fresh run, not the trained weights
    store.getState().trainEpochs(30);
    env.runUntilIdle();
    expect(store.getState().openStart(3, 'buggy')).toBeNull();
    env.runUntilIdle();
    expect(store.getState().run.epoch).toBe(0);
    expect(store.getState().snapshot!.network.params).toEqual(expected.net.params);
    expect(store.getState().config.derivative).toBe('buggy');
  });

  test('the epochs of a sweep are the live lab\'s "Stop after", or the configuration\'s when that is 0', () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-xor');
    expect(bugLabEpochs(store.getState())).toBe(60_000);
    store.getState().setStop({ maxEpochs: 0 });
    expect(bugLabEpochs(store.getState())).toBe(60_000);
    store.getState().setStop({ maxEpochs: 123 });
    expect(bugLabEpochs(store.getState())).toBe(123);
  });
});

describe('fix path', () => {
  test("runs from the question's XOR to the Fixed preset, one stated change a step", () => {
    expect(fixedPresetMatches()).toBe(true);
    expect(FIX_STEPS[0].config).toEqual(PRESETS.find((p) => p.id === 'question-xor')!.config);
    FIX_STEPS.forEach((step, k) => {
      expect(currentFixStep({ ...step.config, seed: 99 })).toBe(k);
    });
    const changed = FIX_STEPS.slice(1).map((step, k) =>
      Object.keys(step.config).filter(
        (key) => JSON.stringify(step.config[key as keyof typeof step.config]) !== JSON.stringify(FIX_STEPS[k].config[key as keyof typeof step.config]),
      ),
    );
    expect(changed).toEqual([['derivative'], ['learningRate', 'gradientDivisor'], ['hidden', 'epochs']]);
    expect(currentFixStep(questionConfig('AND'))).toBe(-1);
  });

  test("loading a step keeps the seed, restarts the live run and stops at the step's epochs", () => {
    const { store, env } = labWithPool();
    expect(store.getState().setConfig({ seed: 7 })).toBeNull();
    env.runUntilIdle();
    const last = FIX_STEPS[FIX_STEPS.length - 1];
    expect(store.getState().loadConfig({ ...last.config, seed: 7 })).toBeNull();
    env.runUntilIdle();
    expect(store.getState().config).toEqual({ ...last.config, seed: 7 });
    expect(store.getState().stop.maxEpochs).toBe(10_000);
    expect(store.getState().initialNetwork!.params).toEqual(buildRun({ ...last.config, seed: 7 }).net.params);
    expect(said(store.getState().loadConfig({ ...last.config, learningRate: -1 }))).toMatch(/learning rate/);
    expect(store.getState().config.learningRate).toBe(1);
  });
});

describe('overflow log of the live run', () => {
  test('the worker logs when the naive sigmoid overflowed, epoch by epoch, as the engine counts it', () => {
    const { store, env } = labWithPool();
    applyPreset(store, env, 'question-and', 9000);
    expect(store.getState().setConfig({ sigmoidForm: 'naive' })).toBeNull();
    store.getState().setSpeed('max');
    store.getState().play();
    env.runUntilIdle();
    const snapshot = store.getState().snapshot!;
    expect(snapshot.epoch).toBe(9000);
    const run = buildRun({ ...questionConfig('AND'), sigmoidForm: 'naive' });
    const log = new OverflowLog();
    for (let e = 0; e < 9000; e++) {
      run.trainer.trainEpoch();
      log.record(run.trainer.epoch, run.trainer.lastOverflows);
    }
    expect(log.firstEpoch).toBe(7640);
    expect(snapshot.overflowLog).toEqual(log.snapshot());
    expect(snapshot.overflows).toBe(run.trainer.lastOverflows);
    // a reset starts a new log
    store.getState().reset();
    env.runUntilIdle();
    expect(store.getState().snapshot!.overflowLog).toMatchObject({ firstEpoch: null, total: 0 });
  });
});
