/**
 * Numerics under abuse, through the worker's handler: a learning rate of 100, an input of 1e6, a
 * ReLU network that dies. The run stops or carries on honestly, the status or snapshot says what
 * happened, Reset recovers; and a weight typed on the graph goes in, validated.
 */
import { describe, expect, test } from 'vitest';
import {
  EngineError,
  DEFAULT_CONFIG,
  type LabConfig,
  type Network,
  buildRun,
  inspectPass,
  layoutOf,
  reluHealth,
  reluHealthMessage,
  trainOptionsOf,
} from '../../src/engine';
import { parseDatasetCsv } from '../../src/engine/csv';
import { PARAM_VALUE_RULE } from '../../src/worker/lab/paramEdit';
import { type FakeWorkerEnv, fastWorkerStarter } from '../worker/harness';
import { said } from '../englishText';

const startWorker = fastWorkerStarter();
const started = (config: LabConfig): FakeWorkerEnv => startWorker(config, 'max');

function trainFor(env: FakeWorkerEnv, epochs: number) {
  env.send({ type: 'trainEpochs', epochs });
  env.runUntilIdle();
  return env.last('snapshot').snapshot;
}

const csv = (text: string) => {
  const read = parseDatasetCsv(text);
  if (!read.ok) throw new EngineError(read.error);
  return read.value;
};

describe('dead ReLUs', () => {
  const net = (activation: 'relu' | 'leakyRelu'): Network => ({
    sizes: [1, 2, 1],
    activations: [activation, 'sigmoid'],
    leakySlope: 0.01,
    params: new Float64Array(layoutOf([1, 2, 1]).parameterCount),
  });
  const passOf = (network: Network, inputs: number[]) => {
    const data = { ...csv(`x1,y1\n${inputs.map((x) => `${x},1`).join('\n')}`) };
    return inspectPass(network, data, trainOptionsOf(DEFAULT_CONFIG));
  };

  test('a neuron is dead when it outputs 0 for every sample; all dead only when every hidden ReLU is', () => {
    const network = net('relu');
    // W¹ = [1; −1], b¹ = [0; −5]: neuron 1 lives for x > 0, neuron 2 never does on x ∈ [−2, 2]
    network.params.set([1, -1, 0, -5]);
    const some = reluHealth(network, passOf(network, [-2, 1, 2]));
    expect(some).toEqual({ hiddenRelu: 2, dead: [[1, 1]], allDead: false });
    expect(reluHealthMessage(some)).toBeNull();
    const none = reluHealth(network, passOf(network, [-2, -1]));
    expect(none.allDead).toBe(true);
    expect(said(reluHealthMessage(none))).toMatch(/^all ReLUs dead/);
  });

  test('leaky ReLUs and sigmoid nets cannot die; a NaN output is not counted as dead', () => {
    const leaky = net('leakyRelu');
    leaky.params.set([1, -1, -9, -9]);
    expect(reluHealth(leaky, passOf(leaky, [0, 1]))).toEqual({ hiddenRelu: 0, dead: [], allDead: false });
    const broken = net('relu');
    broken.params.set([Number.NaN, Number.NaN, 0, 0]);
    expect(reluHealth(broken, passOf(broken, [1])).allDead).toBe(false);
  });

  test('a learning rate of 100 kills a ReLU net: the snapshot says so, the run carries on, Reset recovers', () => {
    const env = started({ ...DEFAULT_CONFIG, hiddenActivation: 'relu', learningRate: 100 });
    expect(env.last('snapshot').snapshot.health?.allDead).toBe(false);
    const snapshot = trainFor(env, 200);
    expect(snapshot.health?.allDead).toBe(true);
    expect(Number.isFinite(snapshot.cost)).toBe(true);
    expect(env.last('status').status).toMatchObject({ running: false, epoch: 200, stopReason: 'ranEpochs' });
    env.send({ type: 'reset' });
    expect(env.last('snapshot').snapshot).toMatchObject({ epoch: 0, health: { allDead: false } });
  });
});

describe('abuse that the engine survives or reports', () => {
  test('learning rate 100 on the sigmoid XOR net: a large but finite cost, nothing hidden', () => {
    const env = started({ ...DEFAULT_CONFIG, learningRate: 100 });
    const snapshot = trainFor(env, 2000);
    expect(snapshot.epoch).toBe(2000);
    expect(snapshot.divergence).toBeNull();
    expect(Number.isFinite(snapshot.cost)).toBe(true);
  });

  test('an input of 1e6 in a linear net diverges: the status names the epoch and the layer, Play is refused, Reset recovers', () => {
    const env = started({ ...DEFAULT_CONFIG, hiddenActivation: 'linear', outputActivation: 'linear', cost: 'quadratic' });
    env.send({ type: 'loadData', data: csv('x1,x2,y1\n0,0,0\n1000000,1,1\n1,0,1\n1,1,0\n') });
    env.send({ type: 'play' });
    env.runUntilIdle();
    const status = env.last('status').status;
    expect(status).toMatchObject({ running: false, stopReason: 'diverged' });
    // the first non-finite value is a layer's, or the cost of finite outputs (then the layer is L)
    expect(said(status.message)).toMatch(/^diverged at epoch \d+: (first non-finite value in layer \d|the cost overflowed at the output, layer \d)/);
    expect(env.last('snapshot').snapshot.divergence?.layer).toBeGreaterThanOrEqual(1);
    env.send({ type: 'play' });
    expect(said(env.last('status').status.message)).toMatch(/press Reset/);
    // a weight cannot be typed into a diverged run
    env.send({ type: 'setParam', index: 0, value: 1 });
    expect(said(env.last('error').message)).toMatch(/diverged: press Reset/);
    env.send({ type: 'reset' });
    const fresh = env.last('snapshot').snapshot;
    expect(fresh).toMatchObject({ epoch: 0, divergence: null });
    expect(Number.isFinite(fresh.cost)).toBe(true);
    expect(env.last('runStarted').data.count).toBe(4); // the user's data stays
  });

  test('an input of 1e6 through sigmoids saturates but trains on', () => {
    const env = started(DEFAULT_CONFIG);
    env.send({ type: 'loadData', data: csv('x1,x2,y1\n0,0,0\n1000000,1,1\n1,0,1\n1,1,0\n') });
    const snapshot = trainFor(env, 3000);
    expect(snapshot.divergence).toBeNull();
    expect(Number.isFinite(snapshot.cost)).toBe(true);
    expect(snapshot.grids.output.every(Number.isFinite)).toBe(true);
  });
});

describe('setting one weight or bias', () => {
  test('the value goes into the live network and a new snapshot shows it at once; training goes on from it', () => {
    const env = started(DEFAULT_CONFIG);
    trainFor(env, 10);
    const before = env.last('snapshot').snapshot;
    const snapshots = env.of('snapshot').length;
    env.send({ type: 'setParam', index: 3, value: -2.5 });
    expect(env.of('snapshot').length).toBe(snapshots + 1);
    const after = env.last('snapshot').snapshot;
    expect(after.epoch).toBe(10);
    expect(after.network.params[3]).toBe(-2.5);
    expect([...after.network.params].filter((v, k) => v !== before.network.params[k])).toEqual([-2.5]);
    expect(after.cost).not.toBe(before.cost);
    expect(after.pass.paramsBefore[3]).toBe(-2.5);
    const next = trainFor(env, 1);
    expect(next.epoch).toBe(11);
    expect(next.network.params[3]).toBeCloseTo(after.pass.paramsAfter[3], 12);
  });

  test('bad values and indices are refused with a reason and change nothing', () => {
    const env = started(DEFAULT_CONFIG);
    const params = env.last('snapshot').snapshot.network.params;
    const count = params.length;
    const bad: Array<[unknown, unknown, RegExp]> = [
      [0, Number.NaN, /^weight or bias: expected a number from -1,000,000 to 1,000,000, got NaN$/],
      [0, Infinity, /got Infinity$/],
      [0, '1', /^weight or bias: expected a number/],
      [0, PARAM_VALUE_RULE.max * 2, /from -1,000,000 to 1,000,000, got 2,000,000$/],
      [-1, 0, /^parameter: expected an index from 0 to \d+, got -1$/],
      [count, 0, /index from 0/],
      [1.5, 0, /index from 0/],
      ['0', 0, /index from 0/],
    ];
    const snapshots = env.of('snapshot').length;
    for (const [index, value, reason] of bad) {
      env.send({ type: 'setParam', index, value } as never);
      expect(said(env.last('error').message)).toMatch(reason);
    }
    expect(env.of('snapshot').length).toBe(snapshots);
    env.send({ type: 'trainOneEpoch' });
    // the step trained from the untouched weights: the engine's own first epoch
    const reference = buildRun(DEFAULT_CONFIG);
    expect(reference.net.params).toEqual(params);
    reference.trainer.train(1);
    expect(env.last('snapshot').snapshot.network.params).toEqual(reference.net.params);
  });
});
