/** The stepper names what it shows: under the ÷ n₀ slip the batch row is not ∂C/∂θ of the cost shown, and BP3 averages. */
import { describe, expect, test } from 'vitest';
import { buildSteps } from '../../src/views/stepper/steps';
import type { Step } from '../../src/views/stepper/types';
import { contextOf, loadShippedExample } from '../stepper/fixtures';

function stepsOf(divisor: 'features' | 'samples'): Step[] {
  const example = loadShippedExample('question-xor');
  const result = buildSteps(
    contextOf({ name: 'q', network: example.network, data: example.data, options: { ...example.options, gradientDivisor: divisor } }, 'mean'),
  );
  if (!result.ok) throw new Error(result.error);
  return result.steps;
}

const find = (steps: Step[], id: string): Step => steps.find((s) => s.id === id)!;

describe('gradient steps under the ÷ features slip', () => {
  test('BP3 and BP4 call the batch row g = 2·∂C/∂θ (N = 4 samples, D = n₀ = 2), never ∂C/∂θ', () => {
    const steps = stepsOf('features');
    const bp4 = find(steps, 'bp4-1');
    const bp3 = find(steps, 'bp3-2');
    expect(bp4.title).toBe('BP4: weight gradient g(W¹) = 2·∂C/∂W¹');
    expect(bp3.title).toBe('BP3: bias gradient g(b²) = 2·∂C/∂b²');
    expect(bp4.equation).toMatch(/^g_\{W\^\{1\}\} = \\frac\{1\}\{D\}.* = \\frac\{N\}\{D\}\\frac\{\\partial C\}\{\\partial W\^\{1\}\}$/);
    expect(bp3.summary).toMatch(/sum ÷ D, 2× their average/);
    expect(bp4.notes.join(' ')).toMatch(/the batch row g is 2× the gradient of the mean cost C shown/);
    expect(find(steps, 'update-1').equation).toMatch(/\\eta\\,g_\{W\^\{1\}\}/);
  });

  test('with the mean gradient the same steps say ∂C/∂θ and that BP3 averages (÷ D, D = N)', () => {
    const steps = stepsOf('samples');
    expect(find(steps, 'bp4-1').title).toBe('BP4: weight gradient ∂C/∂W¹');
    expect(find(steps, 'bp3-1').summary).toMatch(/the batch gradient averages them \(their sum ÷ D, D = N\)/);
    expect(find(steps, 'bp3-1').summary).not.toMatch(/sum over D/);
  });
});
