import { describe, expect, test } from 'vitest';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/engine';
import { Checkpoints } from '../../src/worker/lab/checkpoints';

describe('checkpoints', () => {
  test('memory stays bounded and the kept epochs stay evenly spread over the run', () => {
    const checkpoints = new Checkpoints(256);
    for (let epoch = 0; epoch <= 1_000_000; epoch = checkpoints.nextAfter(epoch)) {
      checkpoints.offer(epoch, Float64Array.of(epoch), DEFAULT_TRAIN_OPTIONS);
      expect(checkpoints.size).toBeLessThanOrEqual(256);
    }
    const epochs = checkpoints.epochs;
    expect(epochs[0]).toBe(0);
    expect(epochs.length).toBeGreaterThanOrEqual(128);
    const gaps = new Set(epochs.slice(1).map((e, k) => e - epochs[k]));
    expect(gaps.size).toBe(1);
    expect(epochs[epochs.length - 1]).toBeGreaterThan(1_000_000 - checkpoints.interval);
  });

  test('at(epoch) gives the latest checkpoint at or before it, with its own copy of the parameters', () => {
    const checkpoints = new Checkpoints(4);
    const params = new Float64Array(1);
    for (let epoch = 0; epoch <= 10; epoch++) {
      params[0] = epoch;
      checkpoints.offer(epoch, params, DEFAULT_TRAIN_OPTIONS);
    }
    expect(checkpoints.epochs).toEqual([0, 4, 8]);
    expect(checkpoints.at(7)?.epoch).toBe(4);
    expect(checkpoints.at(7)?.params[0]).toBe(4);
    expect(checkpoints.at(100)?.epoch).toBe(8);
    expect(checkpoints.at(-3)?.epoch).toBe(0);
  });

  test('offers off the grid or out of order are ignored', () => {
    const checkpoints = new Checkpoints(8);
    checkpoints.offer(0, new Float64Array(1), DEFAULT_TRAIN_OPTIONS);
    checkpoints.offer(0, new Float64Array(1), DEFAULT_TRAIN_OPTIONS);
    expect(checkpoints.size).toBe(1);
    expect(() => new Checkpoints(1)).toThrow(/capacity/);
  });
});
