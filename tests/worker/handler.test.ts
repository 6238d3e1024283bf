import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, buildRun, initializeNetwork, questionConfig } from '../../src/engine';
import { FRAME_MS, SLICE_MS } from '../../src/worker/lab/handler';
import { FakeWorkerEnv, simulateEngineSpeed } from './harness';
import { said } from '../englishText';

const XOR_241: LabConfig = { ...DEFAULT_CONFIG, dataset: 'XOR', hidden: [4], learningRate: 1 };

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function started(config: LabConfig, msPerEpoch = 0.001): FakeWorkerEnv {
  const env = new FakeWorkerEnv();
  restore = simulateEngineSpeed(env, msPerEpoch);
  env.send({ type: 'configure', config });
  return env;
}

/** The reference: the engine's own run for the config (what the CLI does). */
function referenceCosts(config: LabConfig, epochs: number): { costs: Float64Array; params: Float64Array } {
  const run = buildRun(config);
  const costs = new Float64Array(epochs);
  run.trainer.train(epochs, costs);
  return { costs, params: run.net.params };
}

describe('the cost stream', () => {
  test("every epoch's cost arrives, in order, without gaps, over thousands of epochs", () => {
    const env = started(XOR_241);
    env.send({ type: 'setStop', stop: { maxEpochs: 25_000, targetCost: 0 } });
    env.send({ type: 'play' });
    env.runUntilIdle();
    const runId = env.last('runStarted').runId;
    const costs = env.costsOf(runId); // throws on a gap
    expect(costs.length).toBe(25_000);
    expect(env.of('costs').length).toBeGreaterThan(2);
    expect(env.last('status').status).toMatchObject({ running: false, epoch: 25_000, stopReason: 'maxEpochs' });
  });

  test("a worker run equals the engine's buildRun + train (the CLI's path) bit for bit", () => {
    const config = questionConfig('XOR');
    const env = started(config);
    env.send({ type: 'setStop', stop: { maxEpochs: 60_000, targetCost: 0 } });
    env.send({ type: 'play' });
    env.runUntilIdle();
    const streamed = env.costsOf(env.last('runStarted').runId);
    const reference = referenceCosts(config, 60_000);
    expect(streamed).toEqual(reference.costs);
    const snapshot = env.last('snapshot').snapshot;
    expect(snapshot.epoch).toBe(60_000);
    expect(snapshot.network.params).toEqual(reference.params);
  });

  test('mini-batches shuffle the same way in the worker and in the engine', () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, dataset: 'circle', hidden: [6], batchSize: 16, learningRate: 0.5 };
    const env = started(config, 0.05);
    env.send({ type: 'trainEpochs', epochs: 300 });
    env.runUntilIdle();
    expect(env.costsOf(env.last('runStarted').runId)).toEqual(referenceCosts(config, 300).costs);
    expect(env.last('status').status.stopReason).toBe('ranEpochs');
  });

  test('a step trains one epoch and sends its cost and a full snapshot', () => {
    const env = started(XOR_241);
    for (let k = 0; k < 3; k++) env.send({ type: 'trainOneEpoch' });
    expect(env.costsOf(env.last('runStarted').runId)).toEqual(referenceCosts(XOR_241, 3).costs);
    const snapshots = env.of('snapshot').map((e) => e.snapshot.epoch);
    expect(snapshots).toEqual([0, 1, 2, 3]);
    const last = env.last('snapshot').snapshot;
    expect(last.pass.layers).toHaveLength(2);
    expect(last.grids.output.length).toBe(100 * 100);
    expect(last.grids.neurons[0]).toHaveLength(4);
    expect(last.evaluation.outputs.length).toBe(4);
  });
});

describe('slices and pause', () => {
  test('slices last at most SLICE_MS by the injected clock, and a fast net fills them', () => {
    const env = started(XOR_241, 0.001); // 1 µs per epoch, like the question's net in V8
    env.send({ type: 'trainEpochs', epochs: 200_000 });
    env.runUntilIdle();
    const slices = env.taskLog.map((t) => t.end - t.start);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_MS + 1e-9);
    // after warm-up, each slice trains about SLICE_MS worth of epochs
    const perSlice = env
      .of('costs')
      .slice(-5)
      .map((e) => e.costs.length);
    for (const n of perSlice.slice(0, -1)) expect(n).toBeGreaterThan((0.8 * SLICE_MS) / 0.001);
  });

  test('a slow net (3 ms an epoch) still yields within a slice', () => {
    const env = started({ ...XOR_241, dataset: 'spiral', hidden: [16, 16] }, 3);
    env.send({ type: 'trainEpochs', epochs: 40 });
    env.runUntilIdle();
    expect(Math.max(...env.taskLog.map((t) => t.end - t.start))).toBeLessThanOrEqual(SLICE_MS + 1e-9);
    expect(env.costsOf(env.last('runStarted').runId).length).toBe(40);
  });

  test('after pause no epoch is trained beyond the slice that was running', () => {
    const env = started(XOR_241);
    env.send({ type: 'play' });
    env.runNext();
    env.runNext();
    // the pause message is handled between two slices, as a worker's event loop would
    env.send({ type: 'pause' });
    const trained = env.costsOf(env.last('runStarted').runId).length; // pause flushes the batch of the last slice
    expect(trained).toBeGreaterThan(0);
    expect(env.last('status').status).toMatchObject({ running: false, epoch: trained, stopReason: 'paused' });
    expect(env.last('snapshot').snapshot.epoch).toBe(trained);
    env.runUntilIdle();
    expect(env.pending).toBe(0);
    expect(env.costsOf(env.last('runStarted').runId).length).toBe(trained);
  });

  test('while running, snapshots come at most once per frame', () => {
    const env = started(XOR_241);
    env.send({ type: 'trainEpochs', epochs: 100_000 });
    env.runUntilIdle();
    const times: number[] = [];
    // snapshots are sent at the end of slices; their epochs must be spaced ≥ one frame of training apart
    const epochs = env
      .of('snapshot')
      .map((e) => e.snapshot.epoch)
      .filter((e) => e > 0);
    for (let k = 1; k < epochs.length - 1; k++) times.push((epochs[k] - epochs[k - 1]) * 0.001);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(FRAME_MS - SLICE_MS);
  });

  test('speed 10 trains ten epochs a second, with a snapshot after each', () => {
    const env = started(XOR_241);
    env.send({ type: 'setSpeed', speed: 10 });
    env.send({ type: 'play' });
    while (env.time < 2000 && env.runNext());
    env.send({ type: 'pause' });
    const epochs = env.costsOf(env.last('runStarted').runId).length;
    expect(epochs).toBeGreaterThanOrEqual(19);
    expect(epochs).toBeLessThanOrEqual(21);
    const snapshotEpochs = env.of('snapshot').map((e) => e.snapshot.epoch);
    expect(new Set(snapshotEpochs).size).toBe(epochs + 1);
  });
});

describe('configure, reset, seeds', () => {
  test('changing the learning rate or the derivative keeps the weights', () => {
    const env = started(XOR_241);
    env.send({ type: 'trainEpochs', epochs: 500 });
    env.runUntilIdle();
    const before = env.last('snapshot').snapshot.network.params;
    const runId = env.last('runStarted').runId;
    const changed = { ...XOR_241, learningRate: 0.2, derivative: 'buggy' as const };
    env.send({ type: 'configure', config: changed });
    expect(env.last('runStarted').runId).toBe(runId);
    expect(env.last('configured').config).toMatchObject({ learningRate: 0.2, derivative: 'buggy' });
    expect(env.last('snapshot').snapshot.network.params).toEqual(before);
    env.send({ type: 'trainEpochs', epochs: 500 });
    env.runUntilIdle();
    // reference: 500 epochs, switch options, 500 more
    const run = buildRun(XOR_241);
    const costs = new Float64Array(1000);
    run.trainer.train(500, costs, 0);
    run.trainer.setOptions({ learningRate: 0.2, derivative: 'buggy' });
    run.trainer.train(500, costs, 500);
    expect(env.costsOf(runId)).toEqual(costs);
  });

  test("changing the shape starts a new run from the seed's initial weights", () => {
    const env = started(XOR_241);
    env.send({ type: 'trainEpochs', epochs: 100 });
    env.runUntilIdle();
    const firstRun = env.last('runStarted').runId;
    env.send({ type: 'configure', config: { ...XOR_241, hidden: [3, 2] } });
    const run = env.last('runStarted');
    expect(run.runId).toBe(firstRun + 1);
    expect(run.network.sizes).toEqual([2, 3, 2, 1]);
    expect(run.network.params).toEqual(initializeNetwork([2, 3, 2, 1], ['sigmoid', 'sigmoid', 'sigmoid'], 'normal', XOR_241.seed).params);
    expect(env.last('status').status).toMatchObject({ epoch: 0, running: false });
  });

  test('reset gives the same initial weights; new seed gives others and reports its seed', () => {
    const env = started(XOR_241);
    const initial = env.last('runStarted').network.params;
    env.send({ type: 'trainEpochs', epochs: 50 });
    env.runUntilIdle();
    env.send({ type: 'reset' });
    expect(env.last('runStarted').network.params).toEqual(initial);
    expect(env.last('snapshot').snapshot.epoch).toBe(0);
    env.send({ type: 'newSeed' });
    const fresh = env.last('runStarted');
    expect(fresh.config.seed).not.toBe(XOR_241.seed);
    expect(fresh.network.params).not.toEqual(initial);
    env.send({ type: 'newSeed', seed: 1 });
    expect(env.last('runStarted').network.params).toEqual(initial);
  });

  test('a refused configuration reports why and changes nothing', () => {
    const env = started(XOR_241);
    env.send({ type: 'trainEpochs', epochs: 10 });
    env.runUntilIdle();
    const runs = env.of('runStarted').length;
    env.send({ type: 'configure', config: { ...XOR_241, learningRate: -1 } });
    expect(said(env.last('error').message)).toMatch(/learning rate/);
    env.send({ type: 'configure', config: { ...XOR_241, hidden: [4], outputActivation: 'relu' } });
    expect(said(env.last('error').message)).toMatch(/cross-entropy/);
    expect(env.of('runStarted').length).toBe(runs);
    env.send({ type: 'trainOneEpoch' });
    expect(env.costsOf(env.last('runStarted').runId)).toEqual(referenceCosts(XOR_241, 11).costs);
  });

  test('commands before configure, and unknown commands, are refused in words', () => {
    const env = new FakeWorkerEnv();
    env.send({ type: 'play' });
    expect(said(env.last('error').message)).toMatch(/configure first/);
    env.send({ type: 'configure', config: XOR_241 });
    env.send({ type: 'launch' } as never);
    expect(said(env.last('error').message)).toMatch(/unknown command/);
    env.send({ type: 'setSpeed', speed: 7 as never });
    expect(said(env.last('error').message)).toMatch(/speed/);
  });
});

describe('stop conditions and divergence', () => {
  test('a target cost ends the run with a message', () => {
    const env = started(XOR_241);
    env.send({ type: 'setStop', stop: { maxEpochs: 0, targetCost: 0.05 } });
    env.send({ type: 'play' });
    env.runUntilIdle();
    const status = env.last('status').status;
    expect(status.stopReason).toBe('targetCost');
    expect(said(status.message)).toMatch(/target cost 0.05/);
    const costs = env.costsOf(env.last('runStarted').runId);
    expect(costs[costs.length - 1]).toBeLessThanOrEqual(0.05);
    expect(costs[costs.length - 2]).toBeGreaterThan(0.05);
  });

  test('play at the epoch limit says so and does not train', () => {
    const env = started(XOR_241);
    env.send({ type: 'setStop', stop: { maxEpochs: 100, targetCost: 0 } });
    env.send({ type: 'play' });
    env.runUntilIdle();
    env.send({ type: 'play' });
    env.runUntilIdle();
    expect(env.costsOf(env.last('runStarted').runId).length).toBe(100);
    expect(said(env.last('status').status.message)).toMatch(/epoch limit \(100\)/);
  });

  test("a diverging run stops with the engine's divergence message", () => {
    const config: LabConfig = { ...XOR_241, hiddenActivation: 'relu', outputActivation: 'linear', cost: 'quadratic', learningRate: 100 };
    const env = started(config);
    env.send({ type: 'play' });
    env.runUntilIdle();
    const status = env.last('status').status;
    expect(status.stopReason).toBe('diverged');
    expect(said(status.message)).toMatch(/^diverged at epoch \d+/);
    expect(env.last('snapshot').snapshot.divergence?.epoch).toBe(status.epoch);
    env.send({ type: 'play' });
    expect(said(env.last('status').status.message)).toMatch(/press Reset/);
  });
});

describe('checkpoints and scrub', () => {
  test('scrub shows the parameters the network had at that checkpoint', () => {
    const env = started(XOR_241);
    env.send({ type: 'trainEpochs', epochs: 5000 });
    env.runUntilIdle();
    env.send({ type: 'scrub', epoch: 1234 });
    const scrubbed = env.last('snapshot').snapshot;
    expect(scrubbed.scrubbed).toBe(true);
    expect(scrubbed.epoch).toBeLessThanOrEqual(1234);
    expect(scrubbed.epoch).toBeGreaterThan(1234 - 64);
    const run = buildRun(XOR_241);
    run.trainer.train(scrubbed.epoch);
    expect(scrubbed.network.params).toEqual(run.net.params);
    expect(scrubbed.pass.paramsBefore).toEqual(run.net.params);
    env.send({ type: 'scrub', epoch: 0 });
    expect(env.last('snapshot').snapshot.network.params).toEqual(env.last('runStarted').network.params);
    env.send({ type: 'scrub', epoch: null });
    expect(env.last('snapshot').snapshot).toMatchObject({ scrubbed: false, epoch: 5000 });
  });
});

describe('loading a network or a dataset', () => {
  test('a loaded network trains from its own weights, and Reset returns to them', () => {
    const env = started(XOR_241);
    const network = initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 99);
    env.send({ type: 'loadNetwork', network });
    const run = env.last('runStarted');
    expect(run.reason).toBe('loadNetwork');
    expect(run.config.hidden).toEqual([2]);
    expect(run.network.params).toEqual(network.params);
    env.send({ type: 'trainEpochs', epochs: 100 });
    env.runUntilIdle();
    const reference = buildRun({ ...XOR_241, hidden: [2] }, undefined, initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 99));
    const costs = new Float64Array(100);
    reference.trainer.train(100, costs);
    expect(env.costsOf(run.runId)).toEqual(costs);
    env.send({ type: 'reset' });
    expect(env.last('runStarted').network.params).toEqual(network.params);
  });

  test('a network that does not fit is refused and the current run goes on', () => {
    const env = started(XOR_241);
    const runs = env.of('runStarted').length;
    const bad = initializeNetwork([3, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 1);
    env.send({ type: 'loadNetwork', network: bad });
    expect(said(env.last('error').message)).toMatch(/3 inputs/);
    env.send({ type: 'loadNetwork', network: { ...bad, sizes: [2, 2, 1], params: new Float64Array(3) } });
    expect(said(env.last('error').message)).toMatch(/params: expected 9/);
    expect(env.of('runStarted').length).toBe(runs);
  });

  test("loaded data sets the network's inputs, until another dataset is chosen", () => {
    const env = started(XOR_241);
    const data = {
      name: 'mine',
      kind: 'custom' as const,
      count: 3,
      inputSize: 3,
      outputSize: 1,
      inputs: Float64Array.of(0, 0, 1, 0, 1, 0, 1, 0, 0),
      targets: Float64Array.of(1, 0, 1),
      domain: [-1, 2, -1, 2] as const,
    };
    env.send({ type: 'loadData', data });
    expect(env.last('runStarted').network.sizes).toEqual([3, 4, 1]);
    expect(env.last('runStarted').data.name).toBe('mine');
    env.send({ type: 'configure', config: { ...XOR_241, learningRate: 2 } });
    expect(env.last('runStarted').data.name).toBe('mine');
    env.send({ type: 'configure', config: { ...XOR_241, dataset: 'AND' } });
    expect(env.last('runStarted').data.name).toBe('AND');
    env.send({ type: 'loadData', data: { ...data, targets: Float64Array.of(1, Number.NaN, 0) } });
    expect(said(env.last('error').message)).toMatch(/finite/);
  });
});
