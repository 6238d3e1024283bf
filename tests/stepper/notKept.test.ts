/**
 * The step-through on a pass that left out its per-sample parts (a big network on big data, see
 * src/worker/lab/inspectCommands.ts): the numbers it lacks read "not kept", never NaN or a wrong value,
 * and everything it kept is read as before.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_TRAIN_OPTIONS, initializeNetwork, inspectPass, namedDataset } from '../../src/engine';
import { notKept, readValue } from '../../src/views/stepper/records';
import { buildSteps } from '../../src/views/stepper/steps';
import type { Step, StepContext } from '../../src/views/stepper/types';

const network = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'xavier', 4);
const data = namedDataset('circle', 0);
const options = { ...DEFAULT_TRAIN_OPTIONS, derivative: 'correct' as const };
const keep = { sampleGradients: false, sampleLimit: 5 };
const pass = inspectPass(network, data, options, keep);
const otherPass = inspectPass(network, data, { ...options, derivative: 'buggy' }, keep);
const full = inspectPass(network, data, options);
const settings = { cost: options.cost, derivative: options.derivative, freezeBiases: false };

function steps(sample: StepContext['sample']): Step[] {
  const result = buildSteps({ network, pass, otherPass, settings, sample });
  if (!result.ok) throw new Error(result.error);
  return result.steps;
}

const cells = (step: Step) => step.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));

describe('reading a bounded record', () => {
  test('kept numbers read exactly; left-out ones read NaN and are marked not kept', () => {
    expect(readValue({ kind: 'z', layer: 1, sample: 4, j: 2 }, pass)).toBe(full.layers[0].z[4 * 3 + 2]);
    expect(notKept({ kind: 'z', layer: 1, sample: 4, j: 2 }, pass)).toBe(false);
    expect(readValue({ kind: 'z', layer: 1, sample: 5, j: 2 }, pass)).toBeNaN();
    expect(notKept({ kind: 'z', layer: 1, sample: 5, j: 2 }, pass)).toBe(true);
    expect(notKept({ kind: 'a', layer: 0, sample: 50, j: 1 }, pass)).toBe(false);
    expect(notKept({ kind: 'gradient', index: 3 }, pass)).toBe(false);
    expect(readValue({ kind: 'gradient', index: 3 }, pass)).toBe(full.gradient[3]);
    expect(notKept({ kind: 'gradient', index: 3, sample: 0 }, pass)).toBe(true);
    expect(readValue({ kind: 'gradient', index: 3, sample: 0 }, pass)).toBeNaN();
    expect(notKept({ kind: 'delta', layer: 2, sample: 9, j: 0, other: true }, pass, otherPass)).toBe(true);
    expect(notKept({ kind: 'difference', of: { kind: 'gradient', index: 0, sample: 1 }, minus: { kind: 'gradient', index: 0 } }, pass)).toBe(true);
    // a complete record keeps everything
    expect(notKept({ kind: 'gradient', index: 3, sample: 0 }, full)).toBe(false);
  });
});

describe('steps of a bounded record', () => {
  test('BP4 for one sample: its own gradient terms say not kept, in the table and in the TeX', () => {
    const bp4 = steps(0).find((s) => s.id === 'bp4-1')!;
    const perSample = cells(bp4).filter((c) => c.ref?.kind === 'gradient' && c.ref.sample !== undefined);
    expect(perSample.length).toBeGreaterThan(0);
    for (const cell of perSample) expect(cell.text).toBe('not kept');
    const batch = cells(bp4).filter((c) => c.ref?.kind === 'gradient' && c.ref.sample === undefined && !c.ref.other);
    for (const cell of batch) expect(cell.value).toBe(full.gradient[(cell.ref as { index: number }).index]);
    expect(bp4.substituted.some((line) => line.tex.includes('\\text{not kept}'))).toBe(true);
  });

  test('the batch view shows the kept samples and marks the others, never printing NaN for them', () => {
    for (const step of steps('mean')) {
      for (const cell of cells(step)) {
        if (cell.text === 'not kept') expect(cell.ref && notKept(cell.ref, pass, otherPass)).toBe(true);
        else if (cell.value !== null) expect(Number.isNaN(cell.value)).toBe(false);
      }
    }
    const forward = steps('mean').find((s) => s.id === 'forward-z-1')!;
    const rows = forward.tables.find((t) => t.id === 'z1')!.rows;
    expect(rows[4].cells.every((c) => c.text !== 'not kept')).toBe(true);
    expect(rows[5].cells.some((c) => c.text === 'not kept')).toBe(true);
  });
});
