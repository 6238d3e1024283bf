/**
 * The largest networks the engine allows (8 hidden layers of 64) on the most data the page takes
 * (10,000 rows): a live snapshot stays small enough to send, the step-through's passes are bounded
 * and say what they left out, training at Max never stalls on an epoch longer than a slice, and a
 * snapshot that cannot be sent is reported in words.
 */
import { said } from '../englishText';
import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_CONFIG, type Dataset, GridEvaluator, buildRun, initializeNetwork, inspectPass, layoutOf } from '../../src/engine';
import { Checkpoints } from '../../src/worker/lab/checkpoints';
import { CostBuffer } from '../../src/worker/lab/costBuffer';
import { STEP_PASS_BUDGET, inspectBoth } from '../../src/worker/lab/inspectCommands';
import { type LabEvent, NO_STOP, snapshotBuffers } from '../../src/worker/lab/protocol';
import { Slicer } from '../../src/worker/lab/slicer';
import { SNAPSHOT_PASS_BUDGET, buildSnapshot, gridFor, keepWithin, postSnapshot } from '../../src/worker/lab/snapshot';
import { FakeWorkerEnv, simulateEngineSpeed } from './harness';

const BIGGEST = [2, 64, 64, 64, 64, 64, 64, 64, 64, 1];

function rows(count: number): Dataset {
  const inputs = new Float64Array(count * 2);
  const targets = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    inputs[2 * s] = Math.sin(s * 0.37);
    inputs[2 * s + 1] = Math.cos(s * 0.91);
    targets[s] = inputs[2 * s] * inputs[2 * s + 1] > 0 ? 1 : 0;
  }
  return { name: 'custom', kind: 'custom', count, inputSize: 2, outputSize: 1, inputs, targets, domain: [-1.1, 1.1, -1.1, 1.1] };
}

const megabytes = (buffers: ArrayBuffer[]) => buffers.reduce((sum, b) => sum + b.byteLength, 0) / 1e6;

describe('a live snapshot of 2-64×8-1 on 10,000 rows', () => {
  const data = rows(10_000);
  const config = { ...DEFAULT_CONFIG, hidden: BIGGEST.slice(1, -1), hiddenActivation: 'tanh' as const };
  const run = buildRun(config, data);
  const grid = gridFor(run.net, run.data);
  const snapshot = buildSnapshot({
    runId: 1,
    epoch: 0,
    network: run.net,
    data,
    options: run.trainer.options,
    grid,
    overflows: 0,
    divergence: null,
    scrubbed: false,
  });

  test('is bounded (about 20 MB, not gigabytes) and leaves out each sample gradient', () => {
    const parameters = layoutOf(BIGGEST).parameterCount;
    expect(data.count * parameters).toBeGreaterThan(SNAPSHOT_PASS_BUDGET.sampleGradients * 100);
    expect(snapshot.pass.sampleGradients).toBeNull();
    expect(megabytes(snapshotBuffers(snapshot))).toBeLessThan(30);
  });

  test('keeps per-sample values for the first samples that fit, and the batch numbers for all', () => {
    const neurons = 8 * 64 + 1;
    expect(snapshot.pass.keptSamples).toBe(Math.floor(SNAPSHOT_PASS_BUDGET.sampleValues / (5 * neurons)));
    expect(snapshot.pass.count).toBe(10_000);
    expect(snapshot.pass.layers[0].z).toHaveLength(snapshot.pass.keptSamples * 64);
    expect(snapshot.pass.gradient).toHaveLength(layoutOf(BIGGEST).parameterCount);
    expect(snapshot.pass.sampleCosts).toHaveLength(10_000);
    expect(snapshot.evaluation.outputs).toHaveLength(10_000);
    expect(snapshot.cost).toBeCloseTo(snapshot.pass.cost, 12);
  });

  test('has a coarser output grid and no per-neuron grids', () => {
    expect(snapshot.grids.resolution).toBeLessThan(40);
    expect(snapshot.grids.resolution).toBeGreaterThanOrEqual(16);
    expect(snapshot.grids.neuronResolution).toBe(0);
    expect(snapshot.grids.neurons).toEqual([]);
  });

  test('a small network on small data keeps everything, as before', () => {
    const small = buildRun(DEFAULT_CONFIG);
    const s = buildSnapshot({
      runId: 1,
      epoch: 0,
      network: small.net,
      data: small.data,
      options: small.trainer.options,
      grid: gridFor(small.net, small.data),
      overflows: 0,
      divergence: null,
      scrubbed: false,
    });
    expect(s.pass.sampleGradients).toHaveLength(small.data.count * small.net.params.length);
    expect(s.pass.keptSamples).toBe(small.data.count);
    expect(s.grids.resolution).toBe(100);
    expect(s.grids.neuronResolution).toBe(32);
  });
});

describe('the budgets', () => {
  test('keepWithin keeps sample gradients up to count × P and values for the samples that fit', () => {
    const sizes = [2, 10, 1];
    const P = layoutOf(sizes).parameterCount;
    expect(keepWithin(sizes, 10, { sampleGradients: 10 * P, sampleValues: 1e9 })).toEqual({ sampleGradients: true, sampleLimit: 10 });
    expect(keepWithin(sizes, 11, { sampleGradients: 10 * P, sampleValues: 1e9 }).sampleGradients).toBe(false);
    expect(keepWithin(sizes, 1000, { sampleGradients: 0, sampleValues: 5 * 11 * 40 }).sampleLimit).toBe(40);
  });

  test("the step-through's passes are exact while they fit and say what they leave out beyond", () => {
    const small = buildRun(DEFAULT_CONFIG);
    const exact = inspectBoth(small, 1);
    expect(exact.note).toBeNull();
    expect(exact.pass.sampleGradients).toEqual(inspectPass(small.net, small.data, small.trainer.options).sampleGradients);

    const big = buildRun({ ...DEFAULT_CONFIG, hidden: [64, 64] }, rows(2_000));
    const parameters = big.net.params.length;
    expect(2_000 * parameters).toBeGreaterThan(STEP_PASS_BUDGET.sampleGradients);
    const bounded = inspectBoth(big, 1);
    expect(bounded.pass.sampleGradients).toBeNull();
    expect(bounded.otherPass.sampleGradients).toBeNull();
    expect(bounded.note).toContain(`not kept for this size (2,000 samples × ${parameters.toLocaleString('en')} parameters)`);
    expect(bounded.note).toMatch(/batch cost, gradient and update are exact/);
    expect(bounded.pass.gradient).toEqual(inspectPass(big.net, big.data, big.trainer.options).gradient);
  });
});

describe('training at Max with epochs longer than a slice', () => {
  test('every slice still trains an epoch (no stall after the first)', () => {
    const run = buildRun({ ...DEFAULT_CONFIG, hidden: [8] });
    // every epoch takes 20 ms of a virtual clock: longer than the 8 ms slice
    let time = 0;
    const now = () => time;
    const train = run.trainer.train.bind(run.trainer);
    run.trainer.train = (...args: Parameters<typeof train>) => {
      const result = train(...args);
      time += 20 * result.ran;
      return result;
    };
    const costs = new CostBuffer();
    costs.restart(0);
    const checkpoints = new Checkpoints();
    const slicer = new Slicer(now, costs, checkpoints, () => costs.flush(() => undefined, 1));
    for (let slice = 1; slice <= 5; slice++) {
      slicer.trainSlice(run, Infinity, now() + 8, NO_STOP);
      expect(run.trainer.epoch).toBe(slice);
    }
  });
});

describe('the handler with a slow network', () => {
  test('at Max it trains an epoch every slice and the status follows the epochs between seldom snapshots', () => {
    const env = new FakeWorkerEnv();
    // 20 ms an epoch (longer than a slice) and 200 ms a snapshot, on the virtual clock
    const restore = simulateEngineSpeed(env, 20);
    const evaluate = GridEvaluator.prototype.evaluate;
    const spy = vi.spyOn(GridEvaluator.prototype, 'evaluate').mockImplementation(function (this: GridEvaluator, ...args) {
      env.time += 200;
      return evaluate.apply(this, args);
    });
    try {
      env.send({ type: 'configure', config: DEFAULT_CONFIG });
      env.send({ type: 'setSpeed', speed: 'max' });
      env.send({ type: 'play' });
      const start = env.time;
      while (env.time < start + 3_000 && env.runNext());
      env.send({ type: 'pause' });
      const epochs = env.last('status').status.epoch;
      expect(epochs).toBeGreaterThan(60);
      const snapshots = env.of('snapshot').length;
      const statusEpochs = new Set(env.of('status').map((e) => e.status.epoch));
      expect(snapshots).toBeLessThan(10);
      expect(statusEpochs.size).toBeGreaterThan(5 * snapshots);
    } finally {
      spy.mockRestore();
      restore();
    }
  });
});

describe('a snapshot that cannot be sent', () => {
  test('is reported in plain words and does not throw', () => {
    const net = initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 1);
    const run = buildRun(DEFAULT_CONFIG, undefined, net);
    const snapshot = buildSnapshot({
      runId: 3,
      epoch: 12,
      network: run.net,
      data: run.data,
      options: run.trainer.options,
      grid: gridFor(run.net, run.data),
      overflows: 0,
      divergence: null,
      scrubbed: false,
    });
    const events: LabEvent[] = [];
    const post = (event: LabEvent) => {
      if (event.type === 'snapshot') throw new DOMException("Failed to execute 'postMessage': Data cannot be cloned, out of memory.", 'DataCloneError');
      events.push(event);
    };
    expect(postSnapshot(post, 3, snapshot)).toBe(false);
    expect(events).toHaveLength(1);
    const message = events[0].type === 'error' ? said(events[0].message) : '';
    expect(message).toMatch(/^The views could not show epoch 12: its \d+ MB did not fit in the memory the browser gives the page\. Training goes on/);
    expect(message).not.toMatch(/postMessage|DataCloneError/);
  });
});
