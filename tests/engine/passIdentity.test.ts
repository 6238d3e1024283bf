/**
 * The engine's numbers are a contract: 300 random configurations (every activation, both costs,
 * both derivative modes and sigmoid forms, batch sizes, slips, frozen biases, leaky slopes,
 * divergence, options changed and a weight typed mid-run), a few hundred epochs each, must give the
 * very bits of the golden file, which the engine computed before issue 13's speed work
 * (passIdentityCases.ts says how to regenerate it). One bit of one epoch's cost fails a case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CASE_COUNT, GOLDEN_PATH, type Golden, caseNumbers, hashNumbers, labRunNumbers, makeCase, mathHashes } from './passIdentityCases';

const golden = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Golden;

describe('every number of a training run is bit-identical to the reference engine', () => {
  test('the golden file covers diverging, overflowing and ordinary cases', () => {
    expect(golden.cases).toHaveLength(CASE_COUNT);
    expect(golden.cases.some((c) => c.summary.includes('diverged'))).toBe(true);
    expect(golden.cases.some((c) => !c.summary.includes('diverged'))).toBe(true);
  });

  test(`${CASE_COUNT} random configurations`, () => {
    const differing: string[] = [];
    for (let k = 0; k < CASE_COUNT; k++) {
      const { numbers, summary } = caseNumbers(makeCase(k));
      if (hashNumbers(numbers) !== golden.cases[k].hash) differing.push(`case ${k}: ${summary} (golden: ${golden.cases[k].summary})`);
    }
    expect(differing).toEqual([]);
  });

  test('the question XOR run and the spiral on mini-batches', () => {
    expect(hashNumbers(labRunNumbers('question'))).toBe(golden.question);
    expect(hashNumbers(labRunNumbers('spiral'))).toBe(golden.spiral);
  });

  test('exp, expm1, tanh, log, log1p and log10 on 200,000 arguments and around every branch point', () => {
    expect(mathHashes()).toEqual(golden.math);
  });

  test('a one-bit change in one number changes the hash', () => {
    const { numbers } = caseNumbers(makeCase(0));
    const bits = new Float64Array(numbers);
    const words = new Uint32Array(bits.buffer);
    words[0] ^= 1;
    expect(hashNumbers([...bits])).not.toBe(hashNumbers(numbers));
  });
});
