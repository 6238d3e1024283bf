/** The story's slice with a fake worker running the real handler: "Inspect this epoch" opens Step through on the very pass of that run at that epoch. */
import { afterEach, describe, expect, test } from 'vitest';
import { type PassRecord, buildRun, inspectPass, questionConfig } from '../../src/engine';
import { connectedStore } from './connected';
import { liveRunIsAt } from '../../src/store/storySlice';
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
const AND = { ...questionConfig('AND'), seed: 1, epochs: 2000 };

describe('inspect this epoch', () => {
  test('retrains the run to the epoch and shows its pass in Step through', async () => {
    const { store, env } = connected();
    env.runUntilIdle();
    const opened = store.getState().inspectEpoch(AND, 750);
    expect(store.getState().ui.mode).toBe('step');
    expect(store.getState().story.inspecting).toEqual({ epoch: 750, status: 'training', error: null });
    env.runUntilIdle();
    expect(await opened).toBeNull();
    const state = store.getState();
    expect(state.story.inspecting).toEqual({ epoch: 750, status: 'done', error: null });
    expect(liveRunIsAt(state, AND, 750)).toBe(true);
    // the pass the stepper shows is the engine's pass on that run after 750 epochs
    const reference = buildRun(AND);
    reference.trainer.train(750);
    const passes = state.stepThrough.passes!;
    expect(passes.epoch).toBe(750);
    expect(plain(passes.pass)).toEqual(plain(inspectPass(reference.net, reference.data, reference.trainer.options)));
  });

  test('a run already standing at that epoch is kept, not retrained', async () => {
    const { store, env, sent } = connected();
    env.runUntilIdle();
    const first = store.getState().openRun(AND, 300);
    env.runUntilIdle();
    expect(await first).toBeNull();
    const runId = store.getState().run.runId;
    const before = sent.length;
    expect(await store.getState().openRun(AND, 300)).toBeNull();
    expect(sent.length).toBe(before);
    expect(store.getState().run.runId).toBe(runId);
  });

  test('an epoch outside the run or a bad configuration is refused in words and nothing is sent', async () => {
    const { store, env, sent } = connected();
    env.runUntilIdle();
    const before = sent.length;
    const config = store.getState().config;
    expect(said(await store.getState().inspectEpoch(AND, AND.epochs + 1))).toMatch(/epoch must be a whole number from 0 to 2000/);
    expect(said(await store.getState().inspectEpoch(AND, 1.5))).toMatch(/epoch/);
    expect(said(await store.getState().inspectEpoch({ ...AND, hidden: [0] }, 10))).toMatch(/hidden/);
    expect(sent.length).toBe(before);
    expect(store.getState().config).toEqual(config);
    expect(store.getState().story.inspecting?.status).toBe('error');
  });

  test('a newer inspection overtakes one still training', async () => {
    const { store, env } = connected();
    env.runUntilIdle();
    const older = store.getState().inspectEpoch(AND, 1500);
    const newer = store.getState().inspectEpoch({ ...AND, seed: 2 }, 200);
    env.runUntilIdle();
    expect(said(await older)).toMatch(/another run/);
    expect(await newer).toBeNull();
    expect(liveRunIsAt(store.getState(), { ...AND, seed: 2 }, 200)).toBe(true);
  });
});
