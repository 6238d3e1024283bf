import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { type StartResult, questionConfig, runStart, summarizeMode } from '../../src/engine';
import { type SweepReport, sweepReport } from '../../src/cli/commands/sweep';
import { runSweep } from '../../src/cli/sweepPool';
import { cli, cliJson, spawnCli } from './helpers';

/** The CLI's report of one mode's starts, from the engine's summary. */
const summarizeSweep = (starts: StartResult[]) => sweepReport(summarizeMode(starts, 'buggy'));

const AND_SHORT = ['--preset', 'question-and', '--epochs', '4000', '--inits', '8', '--seed', '11'];

describe('backprop-lab sweep', () => {
  test("--json prints {inits, successes, successRate, medianFinalCost} matching the engine's runStart per seed", async () => {
    const summary = await cliJson<SweepReport>('sweep', ...AND_SHORT, '--threads', '1');
    expect(Object.keys(summary).sort()).toEqual(['inits', 'medianFinalCost', 'successRate', 'successes']);
    const config = { ...questionConfig('AND'), epochs: 4000 };
    const direct = Array.from({ length: 8 }, (_, k) => runStart(config, 11 + k));
    expect(summary).toEqual(summarizeSweep(direct));
    expect(summary.inits).toBe(8);
    expect(summary.successRate).toBe(summary.successes / 8);
  });

  test('every start is identical on 1 and on 2 worker threads', async () => {
    const job = { config: { ...questionConfig('XOR'), epochs: 3000 }, firstSeed: 0, starts: 7, derivatives: ['buggy'] as const };
    const [one, two] = await Promise.all([runSweep(job, 1), runSweep(job, 2)]);
    expect(two).toEqual(one);
    expect(two.map((r) => r.seed)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test('the bin, run from another folder, gives the same sweep on 2 threads as in-process on 1', async () => {
    const [spawned, inProcess] = await Promise.all([
      spawnCli('bin', ['sweep', ...AND_SHORT, '--threads', '2', '--json'], tmpdir()),
      cliJson('sweep', ...AND_SHORT, '--threads', '1'),
    ]);
    expect(spawned.stderr).toBe('');
    expect(spawned.code).toBe(0);
    expect(JSON.parse(spawned.stdout)).toEqual(inProcess);
  });

  test("the npm script's command (node --import tsx src/cli/main.ts) runs the worker pool too", async () => {
    const spawned = await spawnCli('script', ['sweep', ...AND_SHORT, '--threads', '2']);
    expect(spawned.stderr).toBe('');
    expect(spawned.stdout).toMatch(/solved \d+ of 8 starts/);
    expect(spawned.stdout).toMatch(/on 2 threads/);
  });

  test('the median sorts a diverged (non-finite) start last, and averages the middle pair', () => {
    const start = (finalCost: number, solved = false) => ({ seed: 0, finalCost, solved, epochs: 1, diverged: !Number.isFinite(finalCost) });
    expect(summarizeSweep([start(3), start(NaN), start(1, true)]).medianFinalCost).toBe(3);
    expect(summarizeSweep([start(4), start(1), start(2), start(Infinity)])).toEqual({ inits: 4, successes: 0, successRate: 0, medianFinalCost: 3 });
  });

  test('the readable report gives the success rate and the median final cost', async () => {
    const run = await cli('sweep', ...AND_SHORT, '--threads', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/seeds 11…18/);
    expect(run.stdout).toMatch(/solved \d+ of 8 starts \([0-9.]+%\)/);
    expect(run.stdout).toMatch(/median final cost [0-9.e-]+/);
  });
});
