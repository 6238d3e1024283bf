/** The step-through's worker commands: passes equal the engine's inspectPass, next epoch equals a trainer epoch, the gradient check. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CONFIG,
  type LabConfig,
  type PassRecord,
  Trainer,
  buildRun,
  gradientCheck,
  inspectPass,
  questionConfig,
  trainOptionsOf,
} from '../../src/engine';
import { affordableSamples } from '../../src/worker/lab/inspectCommands';
import { configForNetwork } from '../../src/engine';
import { loadShippedExample } from '../stepper/fixtures';
import { FakeWorkerEnv, fastWorkerStarter } from './harness';

const started = fastWorkerStarter();

/** Every array of a record as plain numbers, so two records compare value by value. */
function plain(pass: PassRecord) {
  return JSON.parse(JSON.stringify(pass, (_key, value) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value)));
}

const QUESTION = { ...questionConfig('XOR'), seed: 5 };

describe('inspect: both derivative modes of the live network', () => {
  test("the passes equal the engine's inspectPass for the same parameters, under the run's mode and the other", () => {
    const env = started(QUESTION);
    env.send({ type: 'inspectPass' });
    const event = env.last('inspected');
    const { net, data, trainer } = buildRun(QUESTION);
    expect(event.runId).toBe(env.last('runStarted').runId);
    expect(event.epoch).toBe(0);
    expect(event.options).toEqual(trainer.options);
    expect(Array.from(event.network.params)).toEqual(Array.from(net.params));
    expect(plain(event.pass)).toEqual(plain(inspectPass(net, data, trainer.options)));
    expect(plain(event.otherPass)).toEqual(plain(inspectPass(net, data, { ...trainer.options, derivative: 'correct' })));
    // the two modes share the forward pass and differ in the hidden δ
    expect(Array.from(event.pass.layers[0].z)).toEqual(Array.from(event.otherPass.layers[0].z));
    expect(Array.from(event.pass.layers[0].delta)).not.toEqual(Array.from(event.otherPass.layers[0].delta));
  });

  test('after training in the live lab, the passes describe the trained network', () => {
    const env = started(QUESTION);
    env.send({ type: 'trainEpochs', epochs: 300 });
    env.runUntilIdle();
    env.send({ type: 'inspectPass' });
    const event = env.last('inspected');
    const reference = buildRun(QUESTION);
    reference.trainer.train(300);
    expect(event.epoch).toBe(300);
    expect(plain(event.pass)).toEqual(plain(inspectPass(reference.net, reference.data, reference.trainer.options)));
  });

  test('a loaded worked example is stepped through from its own weights and settings', () => {
    const example = loadShippedExample('question-xor');
    const env = started({ ...DEFAULT_CONFIG, ...example.options });
    env.send({ type: 'loadData', data: example.data });
    env.send({ type: 'loadNetwork', network: example.network });
    env.send({ type: 'inspectPass' });
    const event = env.last('inspected');
    expect(event.options).toEqual(example.options);
    expect(plain(event.pass)).toEqual(plain(inspectPass(example.network, example.data, example.options)));
    expect(configForNetwork(DEFAULT_CONFIG, example.network).hidden).toEqual([2]);
  });

  test('the handler keeps nothing it transferred: asking twice gives the same numbers', () => {
    const env = started(QUESTION);
    env.send({ type: 'inspectPass' });
    env.send({ type: 'inspectPass' });
    const [first, second] = env.of('inspected');
    expect(plain(second.pass)).toEqual(plain(first.pass));
    expect(first.pass.gradient.length).toBeGreaterThan(0);
  });
});

describe('inspect with advance: the next epoch of the same run', () => {
  test('one epoch equals one trainer epoch, and the live lab gets its cost, status and snapshot', () => {
    const env = started(QUESTION);
    env.send({ type: 'inspectPass', advance: true });
    const reference = buildRun(QUESTION);
    const cost = reference.trainer.trainEpoch();
    const event = env.last('inspected');
    expect(event.epoch).toBe(1);
    expect(Array.from(event.network.params)).toEqual(Array.from(reference.net.params));
    expect(plain(event.pass)).toEqual(plain(inspectPass(reference.net, reference.data, reference.trainer.options)));
    expect(env.last('status').status.epoch).toBe(1);
    expect(env.last('snapshot').snapshot.epoch).toBe(1);
    expect(Array.from(env.last('snapshot').snapshot.network.params)).toEqual(Array.from(reference.net.params));
    expect(Array.from(env.costsOf(event.runId))).toEqual([cost]);
  });

  test('with the full batch the update the stepper showed is the one the epoch applied, frozen biases included', () => {
    for (const freezeBiases of [false, true]) {
      const env = started({ ...QUESTION, freezeBiases });
      env.send({ type: 'inspectPass' });
      const before = env.last('inspected');
      env.send({ type: 'inspectPass', advance: true });
      const after = env.last('inspected');
      expect(Array.from(after.network.params)).toEqual(Array.from(before.pass.paramsAfter));
      expect(after.pass.paramsBefore).toEqual(before.pass.paramsAfter);
    }
  });

  test("with mini-batches the epoch is the run's real one (several steps), not the full-batch update shown", () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, batchSize: 2, seed: 3 };
    const env = started(config);
    env.send({ type: 'inspectPass' });
    const shown = env.last('inspected').pass.paramsAfter;
    env.send({ type: 'inspectPass', advance: true });
    const reference = buildRun(config);
    reference.trainer.trainEpoch();
    const after = env.last('inspected');
    expect(Array.from(after.network.params)).toEqual(Array.from(reference.net.params));
    expect(Array.from(after.network.params)).not.toEqual(Array.from(shown));
  });

  test('the run keeps going from there: Play in the live lab continues from the stepped epoch', () => {
    const env = started(QUESTION);
    for (let k = 0; k < 3; k++) env.send({ type: 'inspectPass', advance: true });
    env.send({ type: 'trainEpochs', epochs: 7 });
    env.runUntilIdle();
    const reference = buildRun(QUESTION);
    const costs = new Float64Array(10);
    reference.trainer.train(10, costs);
    expect(env.last('status').status.epoch).toBe(10);
    expect(Array.from(env.costsOf(env.last('runStarted').runId))).toEqual(Array.from(costs));
  });
});

describe('gradientCheck', () => {
  test("equals the engine's check on the live parameters", () => {
    const env = started(QUESTION);
    env.send({ type: 'gradientCheck' });
    const event = env.last('gradientChecked');
    const { net, data } = buildRun(QUESTION);
    expect(event.check).toEqual(gradientCheck(net, data, trainOptionsOf(QUESTION)));
    expect(event.epoch).toBe(0);
  });

  test('buggy mode fails in the hidden layer only; the correct derivative passes', () => {
    const env = started({ ...QUESTION, gradientDivisor: 'samples' });
    env.send({ type: 'gradientCheck' });
    const buggy = env.last('gradientChecked').check!;
    const failing = buggy.parameters.filter((p) => p.relativeError > 1e-6);
    expect(failing.length).toBeGreaterThan(0);
    expect(new Set(failing.map((p) => p.layer))).toEqual(new Set([1]));
    env.send({ type: 'configure', config: { ...QUESTION, gradientDivisor: 'samples', derivative: 'correct' } });
    env.send({ type: 'gradientCheck' });
    expect(env.last('gradientChecked').check!.maxRelativeError).toBeLessThan(1e-6);
  });

  test('a big network is checked on its first samples only, and a huge one not at all, in words', () => {
    const big: LabConfig = { ...DEFAULT_CONFIG, dataset: 'spiral', hidden: [32, 32, 32, 32] };
    const env = started(big);
    env.send({ type: 'gradientCheck' });
    const event = env.last('gradientChecked');
    const { net, data } = buildRun(big);
    const k = affordableSamples(net.params.length, data.count);
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(data.count);
    expect(event).toMatchObject({ samplesChecked: k, sampleCount: data.count });
    expect(event.note).toContain(`first ${k} of the ${data.count} samples`);
    const subset = { ...data, count: k, inputs: data.inputs.slice(0, 2 * k), targets: data.targets.slice(0, k) };
    expect(event.check).toEqual(gradientCheck(net, subset, trainOptionsOf(big)));
    env.send({ type: 'configure', config: { ...big, hidden: [64, 64, 64, 64, 64] } });
    env.send({ type: 'gradientCheck' });
    const refused = env.last('gradientChecked');
    expect(refused.check).toBeNull();
    expect(refused.note).toMatch(/too slow to run here/);
  });

  test('before any configuration the commands are refused in words', () => {
    const env = new FakeWorkerEnv();
    env.send({ type: 'inspectPass' });
    env.send({ type: 'gradientCheck' });
    expect(env.of('error').map((e) => e.message)).toEqual(['no configuration yet: send configure first', 'no configuration yet: send configure first']);
    expect(env.of('inspected')).toEqual([]);
  });
});

test('a Trainer epoch from the loaded example equals the CLI-shaped pass update (full batch)', () => {
  const example = loadShippedExample('two-outputs');
  const trainer = new Trainer({ ...example.network, params: example.network.params.slice() }, example.data, example.options, 1);
  const pass = inspectPass(example.network, example.data, example.options);
  trainer.trainEpoch();
  expect(Array.from(trainer.net.params)).toEqual(Array.from(pass.paramsAfter));
});
