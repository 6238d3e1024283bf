/** The step-through's slice with a fake worker running the real handler: passes, next epoch, gradient check, loading. */
import { afterEach, describe, expect, test } from 'vitest';
import { EngineError, DEFAULT_CONFIG, type PassRecord, buildRun, inspectPass } from '../../src/engine';
import { parseNetworkFile } from '../../src/engine/networkFile';
import { connectedStore } from './connected';
import { currentMomentKey, passesAreCurrent } from '../../src/store/stepSlice';
import type { LabCommand } from '../../src/worker/lab/protocol';
import { loadShippedExample, readExampleFile } from '../stepper/fixtures';
import { simulateEngineSpeed } from '../worker/harness';
import { said } from '../englishText';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const connected = () =>
  connectedStore((env) => {
    restore = simulateEngineSpeed(env, 0.001);
  });

const plain = (pass: PassRecord) => JSON.parse(JSON.stringify(pass, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
const inspects = (sent: LabCommand[]) => sent.filter((c) => c.type === 'inspectPass').length;

describe('the step-through slice', () => {
  test('requestPasses brings both passes of the live network, once per moment', () => {
    const { store, sent } = connected();
    store.getState().requestPasses();
    const { passes } = store.getState().stepThrough;
    const { net, data, trainer } = buildRun(DEFAULT_CONFIG);
    expect(plain(passes!.pass)).toEqual(plain(inspectPass(net, data, trainer.options)));
    expect(plain(passes!.otherPass)).toEqual(plain(inspectPass(net, data, { ...trainer.options, derivative: 'buggy' })));
    expect(passesAreCurrent(store.getState())).toBe(true);
    store.getState().requestPasses();
    expect(inspects(sent)).toBe(1);
  });

  test('switching the derivative makes the passes stale and a new request swaps pass and otherPass', () => {
    const { store } = connected();
    store.getState().requestPasses();
    const first = store.getState().stepThrough.passes!;
    expect(store.getState().setConfig({ derivative: 'buggy' })).toBeNull();
    expect(passesAreCurrent(store.getState())).toBe(false);
    store.getState().requestPasses();
    const second = store.getState().stepThrough.passes!;
    expect(second.options.derivative).toBe('buggy');
    expect(plain(second.pass)).toEqual(plain(first.otherPass));
    expect(plain(second.otherPass)).toEqual(plain(first.pass));
  });

  test('next epoch advances the run the live lab shows, by one trainer epoch', () => {
    const { store, sent } = connected();
    store.getState().requestPasses();
    store.getState().nextEpoch();
    const state = store.getState();
    const reference = buildRun(DEFAULT_CONFIG);
    const cost = reference.trainer.trainEpoch();
    expect(state.run.epoch).toBe(1);
    expect(state.snapshot?.epoch).toBe(1);
    expect(state.history.length).toBe(1);
    expect(state.history.costs[0]).toBe(cost);
    expect(state.stepThrough.advancing).toBe(false);
    expect(state.stepThrough.passes?.epoch).toBe(1);
    expect(Array.from(state.stepThrough.passes!.network.params)).toEqual(Array.from(reference.net.params));
    expect(Array.from(state.snapshot!.network.params)).toEqual(Array.from(reference.net.params));
    // the passes already describe the new moment: no second request
    store.getState().requestPasses();
    expect(inspects(sent)).toBe(2);
  });

  test('no request while the lab trains; one when it stops', () => {
    const { store, env, sent } = connected();
    store.getState().setSpeed('max');
    store.getState().trainEpochs(500);
    expect(store.getState().run.running).toBe(true);
    store.getState().requestPasses();
    expect(inspects(sent)).toBe(0);
    env.runUntilIdle();
    expect(store.getState().run.running).toBe(false);
    store.getState().requestPasses();
    expect(store.getState().stepThrough.passes?.epoch).toBe(500);
  });

  test('gradient check mode asks for a check per moment; buggy fails in the hidden layer, correct passes', () => {
    const { store } = connected();
    expect(store.getState().setConfig({ derivative: 'buggy' })).toBeNull();
    store.getState().setGradCheckOn(true);
    const buggy = store.getState().stepThrough.gradCheck!;
    expect(buggy.options.derivative).toBe('buggy');
    expect(new Set(buggy.check!.parameters.filter((p) => p.relativeError > 1e-6).map((p) => p.layer))).toEqual(new Set([1]));
    store.getState().setConfig({ derivative: 'correct' });
    store.getState().requestGradientCheck();
    expect(store.getState().stepThrough.gradCheck!.check!.maxRelativeError).toBeLessThan(1e-6);
    expect(store.getState().stepThrough.gradCheckKey).toBe(currentMomentKey(store.getState()));
  });

  test('the sample is kept within the data', () => {
    const { store } = connected();
    store.getState().requestPasses();
    store.getState().selectStepSample(3);
    expect(store.getState().stepThrough.sample).toBe(3);
    store.getState().selectStepSample(4);
    store.getState().selectStepSample(-1);
    expect(store.getState().stepThrough.sample).toBe(3);
    store.getState().selectStepSample('mean');
    expect(store.getState().stepThrough.sample).toBe('mean');
  });
});

describe('loading into the lab', () => {
  test("a worked example sets the lab's network, data and settings", () => {
    const { store } = connected();
    const example = loadShippedExample('answer-relu');
    expect(store.getState().loadIntoLab({ network: example.network, data: example.data, options: example.options })).toBeNull();
    const state = store.getState();
    expect(state.config).toMatchObject({
      hidden: [4],
      hiddenActivation: 'relu',
      outputActivation: 'leakyRelu',
      leakySlope: 0.1,
      cost: 'quadratic',
      learningRate: 0.4,
    });
    expect(state.data?.kind).toBe('custom');
    expect(Array.from(state.snapshot!.network.params)).toEqual(Array.from(example.network.params));
    store.getState().requestPasses();
    expect(plain(store.getState().stepThrough.passes!.pass)).toEqual(plain(inspectPass(example.network, example.data, example.options)));
  });

  test('a network that does not fit the data, or settings it cannot train with, are refused and nothing is sent', () => {
    const { store, sent } = connected();
    const two = loadShippedExample('two-outputs');
    const before = sent.length;
    const runId = store.getState().run.runId;
    expect(said(store.getState().loadIntoLab({ network: two.network }))).toBe('network: has 2 outputs but the data has 1 targets');
    const relu = parseNetworkFile(readExampleFile('answer-relu.network.json'));
    if (!relu.ok) throw new EngineError(relu.error);
    // the lab trains with cross-entropy, which a leaky-ReLU output cannot
    expect(said(store.getState().loadIntoLab({ network: relu.value }))).toMatch(/^cost: cross-entropy needs a sigmoid output/);
    expect(sent.length).toBe(before);
    expect(store.getState().run.runId).toBe(runId);
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
  });

  test('a dataset alone: the network follows its shape', () => {
    const { store } = connected();
    const two = loadShippedExample('two-outputs');
    expect(store.getState().loadIntoLab({ data: two.data })).toBeNull();
    expect(store.getState().snapshot?.network.sizes).toEqual([2, 4, 2]);
  });
});

test('a next epoch whose answer never comes does not block the step-through once a new run starts', () => {
  const { store } = connected();
  store.getState().requestPasses();
  const request = store.getState().request;
  // the worker goes away with the request (a crash): nothing answers
  store.setState({ request: () => new Promise<void>(() => {}) });
  store.getState().nextEpoch();
  expect(store.getState().stepThrough.advancing).toBe(true);
  store.getState().requestPasses();
  store.setState({ request });
  store.getState().reset();
  expect(store.getState().run.runId).toBe(2);
  store.getState().requestPasses();
  const { passes, advancing } = store.getState().stepThrough;
  expect(advancing).toBe(false);
  expect(passes?.runId).toBe(2);
});
