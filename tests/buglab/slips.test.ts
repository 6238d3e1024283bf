import { describe, expect, test } from 'vitest';
import { OverflowLog, buildRun, divisorEffect, inspectPass, overflowSites, questionConfig } from '../../src/engine';

describe('the 1/n_0 slip', () => {
  test('on a gate (4 samples, 2 inputs) it doubles every step: η 0.35 acts like 0.7', () => {
    expect(divisorEffect('features', 0.35, 4, 2)).toEqual({ divisor: 2, factor: 2, effectiveLearningRate: 0.7 });
    expect(divisorEffect('samples', 0.35, 4, 2)).toEqual({ divisor: 4, factor: 1, effectiveLearningRate: 0.35 });
  });
});

describe('naive sigmoid overflow', () => {
  test('a pass with z far below −709.78 lists each site with the naive 0 beside the stable value', () => {
    const run = buildRun({ ...questionConfig('AND'), sigmoidForm: 'naive', seed: 1 });
    // b¹[0] = −720 sets z for input (0, 0): e^720 overflows, while the stable e^(−720) is a tiny denormal
    run.net.params[4] = -720;
    const pass = inspectPass(run.net, run.data, run.trainer.options);
    const sites = overflowSites(pass, run.net.activations);
    expect(pass.overflows).toBeGreaterThan(0);
    const atOrigin = sites.find((s) => s.layer === 1 && s.neuron === 0 && s.sample === 3);
    expect(atOrigin).toBeDefined();
    expect(atOrigin!.z).toBe(-720);
    expect(atOrigin!.naive).toBe(0);
    expect(atOrigin!.stable).toBeGreaterThan(0);
    expect(sites.every((s) => s.z < -709.78)).toBe(true);
  });

  test('the buggy derivative on AND (seed 1, naive form) grows weights until e^(−z) overflows, and the log says when', () => {
    const run = buildRun({ ...questionConfig('AND'), sigmoidForm: 'naive', seed: 1 });
    const log = new OverflowLog();
    for (let e = 0; e < 20_000 && !run.trainer.divergence; e++) {
      run.trainer.trainEpoch();
      log.record(run.trainer.epoch, run.trainer.lastOverflows);
    }
    const summary = log.snapshot();
    expect(summary.firstEpoch).not.toBeNull();
    expect(summary.total).toBeGreaterThanOrEqual(summary.epochsWithOverflow);
    expect(summary.lastEpoch!).toBeGreaterThanOrEqual(summary.firstEpoch!);
  });
});
