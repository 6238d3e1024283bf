/**
 * The store's actions that wait for the worker: each command carries a request id, and its promise
 * settles with the answer of that id, once the events before it are in the store.
 */
import { describe, expect, test } from 'vitest';
import { EngineError, DEFAULT_CONFIG, buildRun, problemOf } from '../../src/engine';
import { parseDatasetCsv } from '../../src/engine/csv';
import { connectedStore } from './connected';
import { createLabStore } from '../../src/store/labStore';
import { pendingRequests } from '../../src/store/pendingRequests';
import { said } from '../englishText';

const connected = () => connectedStore();

function fiveRows() {
  const csv = parseDatasetCsv('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n2,2,0\n');
  if (!csv.ok) throw new EngineError(csv.error);
  return csv.value;
}

describe('requests answered by id', () => {
  test('loadData resolves once the new run is in the store, and its command carried an id the answer repeats', async () => {
    const { store, env, sent } = connected();
    await store.getState().loadData(fiveRows());
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5 });
    const command = sent.find((c) => c.type === 'loadData');
    expect(command && 'requestId' in command && command.requestId).toBeGreaterThan(0);
    const answer = env.last('answered');
    expect(answer).toEqual({ type: 'answered', requestId: (command as { requestId: number }).requestId, error: null });
    // the answer follows the run it caused
    expect(env.events.indexOf(answer)).toBeGreaterThan(env.events.indexOf(env.last('runStarted')));
  });

  test("a refused load rejects with the worker's reason, shows it in the status line and changes nothing", async () => {
    const { store } = connected();
    const before = store.getState().initialNetwork;
    // a 3-3-1 network takes three inputs; XOR has two
    const wrong = { ...buildRun(DEFAULT_CONFIG, fiveRows()).net, sizes: [3, 3, 1], params: new Float64Array(3 * 3 + 3 + 3 + 1) };
    expect(
      await store
        .getState()
        .loadNetwork(wrong)
        .then(
          () => '',
          (error: unknown) => said(problemOf(error)),
        ),
    ).toMatch(/takes 3 inputs but the data has 2/);
    expect(store.getState().initialNetwork).toBe(before);
    expect(said(store.getState().run.error)).toMatch(/takes 3 inputs/);
  });

  test('setParam resolves with the new value in the live snapshot, and leaves a scrubbed checkpoint', async () => {
    const { store, env } = connected();
    store.getState().trainEpochs(3);
    env.runUntilIdle();
    store.getState().scrub(1);
    expect(store.getState().hover.scrubEpoch).toBe(1);
    await store.getState().setParam(0, 0.25);
    expect(store.getState().snapshot?.network.params[0]).toBe(0.25);
    expect(store.getState().hover.scrubEpoch).toBeNull();
    expect(
      await store
        .getState()
        .setParam(0, Number.NaN)
        .then(
          () => '',
          (error: unknown) => said(problemOf(error)),
        ),
    ).toMatch(/^weight or bias: expected a number from -1,000,000 to 1,000,000, got NaN$/);
    expect(store.getState().snapshot?.network.params[0]).toBe(0.25);
  });

  test("using the named dataset again drops the user's data in one command and one new run", async () => {
    const { store, env, sent } = connected();
    await store.getState().loadData(fiveRows());
    const runs = env.of('runStarted').length;
    const configures = sent.filter((c) => c.type === 'configure').length;
    expect(store.getState().useNamedData()).toBeNull();
    expect(sent.filter((c) => c.type === 'configure')).toHaveLength(configures + 1);
    expect(env.of('runStarted')).toHaveLength(runs + 1);
    expect(store.getState().data).toMatchObject({ kind: 'gate', name: 'XOR', count: 4 });
  });

  test('with no worker, a request rejects at once', async () => {
    expect(
      await createLabStore()
        .getState()
        .loadData(fiveRows())
        .then(
          () => '',
          (error) => said(problemOf(error)),
        ),
    ).toMatch(/no training worker/);
  });

  test('an answer that never comes rejects after the timeout, and a late answer settles nothing', async () => {
    const timers: Array<() => void> = [];
    const requests = pendingRequests({ timeoutMs: 5000, setTimer: (fn) => timers.push(fn), clearTimer: () => {} });
    const { requestId, answer } = requests.open();
    timers[0]();
    expect(
      await answer.then(
        () => '',
        (error) => said(problemOf(error)),
      ),
    ).toBe('the training worker did not answer within 5 s; try again');
    expect(() => requests.settle(requestId, null)).not.toThrow();
  });

  test("ids are never reused, so an old worker's answer cannot settle a new request", () => {
    const a = pendingRequests({ timeoutMs: 0, setTimer: () => 0, clearTimer: () => {} }).open();
    const b = pendingRequests({ timeoutMs: 0, setTimer: () => 0, clearTimer: () => {} }).open();
    expect(b.requestId).toBeGreaterThan(a.requestId);
  });
});
