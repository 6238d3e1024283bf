/** The tour's step 5 on a store with an in-process sweep pool: it runs the gate comparison when rows are missing, and reuses kept rows. */
import { afterEach, describe, expect, test } from 'vitest';
import { COMPARED_GATES, gateComparisonConfig, runStartPair } from '../../src/engine';
import { ensureGateRows } from '../../src/app/tour/tourRuns';
import { tourSentence } from '../../src/app/tour/tourSentences';
import { gateComparisonRows } from '../../src/store/bugLabSlice';
import { createLabStore } from '../../src/store/labStore';
import { createSweepHandler } from '../../src/worker/sweep/sweepHandler';
import { SweepPool, type SweepWorkerLike } from '../../src/store/sweepPool';
import type { SweepCommand, SweepEvent } from '../../src/worker/sweep/sweepProtocol';
import { said } from '../englishText';

/** A sweep worker in this thread: the real handler, messages on later macrotasks, cloned like postMessage. */
class InProcessSweepWorker implements SweepWorkerLike {
  onmessage: ((event: { data: SweepEvent }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  private terminated = false;
  private readonly handle = createSweepHandler((event) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(event) }), 0));
  postMessage(command: SweepCommand): void {
    setTimeout(() => !this.terminated && this.handle(structuredClone(command)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

let pool: SweepPool | null = null;
afterEach(() => pool?.dispose());

describe('tour step 5: how often', () => {
  test("runs the comparison when rows are missing; the sentence gives each gate's solved starts, as the engine counts them", async () => {
    const store = createLabStore();
    pool = new SweepPool({ workerCount: 1, progressIntervalMs: 0, createWorker: () => new InProcessSweepWorker() });
    store.getState().attachSweepRunner(pool);
    expect(tourSentence('gates', store.getState())).toBeNull();
    expect(await ensureGateRows(store, 2)).toBeNull();
    const rows = gateComparisonRows(store.getState());
    expect(rows.map((r) => r.gate)).toEqual([...COMPARED_GATES]);
    const sentence = tourSentence('gates', store.getState())!;
    for (const gate of COMPARED_GATES) {
      const pairs = [1, 2].map((seed) => runStartPair(gateComparisonConfig(gate), seed));
      const solved = (mode: 'correct' | 'buggy') => pairs.filter((p) => p[mode].solved).length;
      expect(sentence).toContain(`${gate} ${solved('correct')} of 2 with f′(z) against ${solved('buggy')} of 2 with f′(a)`);
    }
    // kept rows are used as they are: nothing runs again
    const before = store.getState().bugLab.sweepResults;
    expect(await ensureGateRows(store, 2)).toBeNull();
    expect(store.getState().bugLab.sweepResults).toBe(before);
  });

  test('without a pool it says why, in words', async () => {
    const store = createLabStore();
    expect(said(await ensureGateRows(store, 2))).toMatch(/workers are not running/);
  });
});
