/**
 * The finding, on the question's own setup: AND, [2,2,1] sigmoid, cross-entropy, N(0,1) init,
 * η = 0.35, 60,000 epochs (with its 1/len(x) divisor). Evaluating σ′ at a instead of z in BP2
 * solves the gate from far fewer starts than the correct derivative. Seeds 1–40, fixed.
 */
import { describe, expect, test } from 'vitest';
import { type LabConfig, type StartResult, questionConfig, runStart } from '../../src/engine';

const SEEDS = Array.from({ length: 40 }, (_, k) => k + 1);

function sweep(config: LabConfig): StartResult[] {
  return SEEDS.map((seed) => runStart(config, seed));
}

const solvedCount = (results: StartResult[]) => results.filter((r) => r.solved).length;

describe("the question's setup on AND over 40 fixed seeds", () => {
  const buggyConfig = questionConfig('AND');
  const correctConfig: LabConfig = { ...buggyConfig, derivative: 'correct' };

  test('is the setup the question describes', () => {
    expect(buggyConfig).toMatchObject({
      dataset: 'AND',
      hidden: [2],
      hiddenActivation: 'sigmoid',
      outputActivation: 'sigmoid',
      cost: 'crossEntropy',
      init: 'normal',
      learningRate: 0.35,
      epochs: 60_000,
      derivative: 'buggy',
    });
  });

  // measured: correct 40 of 40, buggy 9 of 40
  test('the correct derivative solves AND from at least 90% of the starts', () => {
    const results = sweep(correctConfig);
    expect(results.every((r) => r.epochs === 60_000 && !r.diverged)).toBe(true);
    expect(solvedCount(results)).toBeGreaterThanOrEqual(36);
  });

  test('the buggy derivative (σ′ at a) solves it from at most half, without diverging: it gets stuck', () => {
    const results = sweep(buggyConfig);
    expect(results.every((r) => r.epochs === 60_000 && !r.diverged && Number.isFinite(r.finalCost))).toBe(true);
    expect(solvedCount(results)).toBeLessThanOrEqual(20);
    // the unsolved starts sit at a clearly non-zero cost (a wrong output), not just short of rounding
    const stuck = results.filter((r) => !r.solved);
    expect(stuck.every((r) => r.finalCost > 0.1)).toBe(true);
  });
});
