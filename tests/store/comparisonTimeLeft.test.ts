/** The gate comparison's time left covers the whole comparison, not only the gate on the way (a newcomer waited two minutes under "about 40 s left"). */
import { describe, expect, test } from 'vitest';
import { comparisonTimeLeft } from '../../src/store/bugLabSlice';

const progress = (elapsedMs: number, timeLeftMs: number | null) => ({ done: 10, total: 100, elapsedMs, timeLeftMs, solved: { correct: 0, buggy: 0 } });

describe('comparisonTimeLeft', () => {
  test('on the first gate, each gate after it is counted at this gate’s whole estimate', () => {
    expect(comparisonTimeLeft(progress(4_000, 36_000), 2, [])).toBe(36_000 + 2 * 40_000);
  });
  test('once gates are done, the ones after the running gate count at their mean time', () => {
    expect(comparisonTimeLeft(progress(5_000, 10_000), 1, [30_000, 50_000])).toBe(10_000 + 40_000);
  });
  test('the last gate’s time left is its own; unknown stays unknown', () => {
    expect(comparisonTimeLeft(progress(5_000, 10_000), 0, [30_000])).toBe(10_000);
    expect(comparisonTimeLeft(progress(500, null), 2, [])).toBeNull();
  });
});
