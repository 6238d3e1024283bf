/**
 * Every way a sweep's start can be trained gives the single run's record: the WebAssembly lanes
 * (sigmoid layers, cross-entropy), the JavaScript lanes (other activations and costs) and the
 * per-start Trainer (mini-batches, the naive sigmoid, slips), whether the page's sweep worker
 * handler or the CLI's worker threads run the chunk.
 */
import { describe, expect, test } from 'vitest';
import { DERIVATIVE_MODES, type LabConfig, type SweepRecord, questionConfig, runStart } from '../../src/engine';
import { runSweep } from '../../src/cli/sweepPool';
import { createSweepHandler } from '../../src/worker/sweep/sweepHandler';
import type { SweepEvent } from '../../src/worker/sweep/sweepProtocol';

const question = { ...questionConfig('XOR'), epochs: 1500 };
const PATHS: Record<string, LabConfig> = {
  'WebAssembly lanes': question,
  'JavaScript lanes': { ...question, hiddenActivation: 'tanh', outputActivation: 'linear', cost: 'quadratic', learningRate: 0.1 },
  'per-start Trainer (mini-batches)': { ...question, batchSize: 2 },
  'per-start Trainer (naive sigmoid)': { ...question, sigmoidForm: 'naive' },
};

/** The records of seeds first … first + count − 1 through the page's handler, one chunk. */
function handlerRecords(config: LabConfig, first: number, count: number): SweepRecord[] {
  const events: SweepEvent[] = [];
  createSweepHandler((event) => events.push(event))({ type: 'starts', jobId: 1, config, first, count });
  expect(events.at(-1)).toEqual({ type: 'chunkDone', jobId: 1 });
  return events.flatMap((event) => (event.type === 'start' ? [event.record] : []));
}

describe('a sweep start is the single run on every path', () => {
  for (const [path, config] of Object.entries(PATHS)) {
    test(path, async () => {
      const single = Array.from({ length: 5 }, (_, k) => ({
        seed: 30 + k,
        correct: runStart({ ...config, derivative: 'correct' }, 30 + k),
        buggy: runStart({ ...config, derivative: 'buggy' }, 30 + k),
      }));
      expect(handlerRecords(config, 30, 5)).toEqual(single);
      const job = { config, firstSeed: 30, starts: 5, derivatives: DERIVATIVE_MODES };
      const [oneThread, twoThreads] = await Promise.all([runSweep(job, 1), runSweep(job, 2)]);
      expect(oneThread).toEqual(single);
      expect(twoThreads).toEqual(single);
    }, 60_000);
  }
});
