/**
 * The gate comparison and the sweeps kept per configuration, on the store with a real SweepPool
 * whose workers run the real handler in this thread; the rates are checked against `cli sweep --json`.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { COMPARED_GATES, type DerivativeMode, type GateName, gateComparisonConfig } from '../../src/engine';
import { currentSweepResult, gateComparisonRows } from '../../src/store/bugLabSlice';
import { connectWorker } from '../../src/store/connectWorker';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import { gateComparisonCsv } from '../../src/views/sweep/gateComparisonCsv';
import { createSweepHandler } from '../../src/worker/sweep/sweepHandler';
import { SweepPool, type SweepWorkerLike } from '../../src/store/sweepPool';
import type { SweepCommand, SweepEvent } from '../../src/worker/sweep/sweepProtocol';
import { cliJson } from '../cli/helpers';
import { FakeWorkerEnv, simulateEngineSpeed } from '../worker/harness';
import { said } from '../englishText';

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

function labWithPool(): { store: LabStore; env: FakeWorkerEnv } {
  const store = createLabStore();
  const env = new FakeWorkerEnv();
  cleanup.push(simulateEngineSpeed(env, 0.001));
  cleanup.push(connectWorker(store, env.worker()));
  const pool = new SweepPool({ workerCount: 2, progressIntervalMs: 0, createWorker: () => new InProcessSweepWorker() });
  store.getState().attachSweepRunner(pool);
  cleanup.push(() => pool.dispose());
  return { store, env };
}

interface CliReport {
  inits: number;
  successes: number;
  successRate: number;
  medianFinalCost: number;
}

const STARTS = 4;

describe('gate comparison', () => {
  test('compareGates fills OR, AND and XOR with the rates and medians `cli sweep --json` prints for the same seeds', async () => {
    const { store } = labWithPool();
    const rows = await store.getState().compareGates(STARTS);
    expect(rows?.map((r) => r.gate)).toEqual(['OR', 'AND', 'XOR']);
    expect(store.getState().bugLab.gates).toMatchObject({ status: 'done', starts: STARTS });
    const shown = gateComparisonRows(store.getState());
    for (const gate of COMPARED_GATES) {
      const summary = shown.find((r) => r.gate === gate)!.result!.summary;
      expect(summary.firstSeed).toBe(gateComparisonConfig(gate).seed);
      for (const mode of ['correct', 'buggy'] as DerivativeMode[]) {
        const report = await cliJson<CliReport>(
          'sweep',
          '--preset',
          `question-${gate.toLowerCase()}`,
          '--derivative',
          mode,
          '--inits',
          String(STARTS),
          '--threads',
          '1',
        );
        expect({
          inits: summary[mode].trials,
          successes: summary[mode].successes,
          successRate: summary[mode].rate,
          medianFinalCost: summary[mode].medianFinalCost,
        }).toEqual(report);
      }
    }
  }, 120_000);

  test("the CSV has a line per gate and derivative with the table's numbers", async () => {
    const { store } = labWithPool();
    await store.getState().compareGates(2);
    const entries = gateComparisonRows(store.getState()).map((r) => ({ gate: r.gate, epochs: r.result!.config.epochs, summary: r.result!.summary }));
    const lines = gateComparisonCsv(entries).trim().split('\n');
    expect(lines[0]).toBe('gate,derivative,starts,first_seed,last_seed,epochs,successes,success_rate,wilson95_low,wilson95_high,median_final_cost,diverged');
    expect(lines).toHaveLength(1 + 3 * 2);
    const and = entries.find((e) => e.gate === 'AND')!.summary;
    expect(lines[3]).toBe(
      [
        'AND',
        'correct',
        2,
        1,
        2,
        60000,
        and.correct.successes,
        and.correct.rate,
        and.correct.low,
        and.correct.high,
        and.correct.medianFinalCost,
        and.correct.diverged,
      ].join(','),
    );
  }, 60_000);

  test('a bad start count or no pool is refused with a message, and changes nothing', async () => {
    const alone = createLabStore();
    expect(await alone.getState().compareGates(3)).toBeNull();
    expect(said(alone.getState().bugLab.gates.error)).toMatch(/workers are not running/);
    const { store } = labWithPool();
    expect(await store.getState().compareGates(1001)).toBeNull();
    expect(store.getState().bugLab.gates.status).toBe('error');
    expect(said(store.getState().bugLab.gates.error)).toBe('OR: starts: expected a whole number from 1 to 1,000, got 1,001');
    expect(store.getState().bugLab.sweepResults).toEqual({});
  });

  test('cancelling stops the comparison and keeps the gates already finished', async () => {
    const { store } = labWithPool();
    const seen = new Set<GateName>();
    const unsubscribe = store.subscribe((s) => {
      const g = s.bugLab.gates;
      if (g.gate) seen.add(g.gate);
      if (g.gate === 'AND' && g.status === 'running') s.cancelGates();
    });
    expect(await store.getState().compareGates(2)).toBeNull();
    unsubscribe();
    expect(store.getState().bugLab.gates.status).toBe('cancelled');
    expect(gateComparisonRows(store.getState()).map((r) => r.result !== null)).toEqual([true, false, false]);
  }, 60_000);
});

describe('sweeps are kept per configuration', () => {
  test('a sweep on OR does not erase the one on AND; each shows again when its configuration is back', async () => {
    const { store, env } = labWithPool();
    const preset = (id: string) => {
      expect(store.getState().applyPreset(id)).toBeNull();
      expect(store.getState().setStop({ maxEpochs: 500 })).toBeNull();
      env.runUntilIdle();
    };
    preset('question-and');
    await store.getState().runSweep(3);
    const and = currentSweepResult(store.getState());
    expect(and?.config.dataset).toBe('AND');
    preset('question-or');
    expect(currentSweepResult(store.getState())).toBeNull();
    await store.getState().runSweep(3);
    expect(currentSweepResult(store.getState())?.config.dataset).toBe('OR');
    preset('question-and');
    expect(currentSweepResult(store.getState())).toBe(and);
    expect(Object.keys(store.getState().bugLab.sweepResults)).toHaveLength(2);
    // opening one of AND's starts (another seed and derivative) keeps AND's result on show
    expect(store.getState().openStart(2, 'correct')).toBeNull();
    expect(currentSweepResult(store.getState())).toBe(and);
  });
});
