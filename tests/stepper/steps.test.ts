import { describe, expect, test } from 'vitest';
import { inspectPass } from '../../src/engine';
import { buildSteps, passSteps, stepPhases } from '../../src/views/stepper/steps';
import type { Step, StepContext } from '../../src/views/stepper/types';
import { closeToPrinted, contextOf, expectedValue, loadShippedExample, scenarios, texNumbers, textNumber } from './fixtures';

const stepsOf = (ctx: StepContext): Step[] => {
  const result = buildSteps(ctx);
  if (!result.ok) throw new Error(result.error);
  return result.steps;
};

describe('the order of one pass', () => {
  test('[2,2,1]: forward per layer, cost, BP1, BP2, BP3/BP4 from the top down, updates, next epoch', () => {
    expect(passSteps([2, 2, 1]).map((s) => s.id)).toEqual([
      'forward-z-1',
      'forward-a-1',
      'forward-z-2',
      'forward-a-2',
      'cost',
      'bp1-2',
      'bp2-1',
      'bp3-2',
      'bp4-2',
      'bp3-1',
      'bp4-1',
      'update-1',
      'update-2',
      'next',
    ]);
  });

  test('a deeper net carries δ back through every hidden layer, top layer first', () => {
    const steps = passSteps([2, 3, 4, 5, 1]);
    expect(steps.filter((s) => s.phase === 'bp2').map((s) => s.layer)).toEqual([3, 2, 1]);
    expect(steps.filter((s) => s.phase === 'forward').map((s) => `${s.part}${s.layer}`)).toEqual(['z1', 'a1', 'z2', 'a2', 'z3', 'a3', 'z4', 'a4']);
    expect(steps.filter((s) => s.phase === 'bp4').map((s) => s.layer)).toEqual([4, 3, 2, 1]);
    expect(steps.filter((s) => s.phase === 'update').map((s) => s.layer)).toEqual([1, 2, 3, 4]);
    // phases never go backwards
    const order = ['forward', 'cost', 'bp1', 'bp2', 'bp3', 'update', 'next'];
    const ranks = stepPhases([2, 3, 4, 5, 1]).map((p) => order.indexOf(p === 'bp4' ? 'bp3' : p));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(steps).toHaveLength(6 * 4 + 2);
  });

  test('a net without hidden layers has no BP2 step', () => {
    expect(stepPhases([2, 1])).not.toContain('bp2');
  });
});

describe('highlights on the network graph', () => {
  const ctx = contextOf({ ...loadShippedExample('question-xor'), name: 'q' }, 0);
  const byId = new Map(stepsOf(ctx).map((s) => [s.id, s]));
  // params of [2,2,1]: W¹ = 0…3, b¹ = 4, 5, W² = 6, 7, b² = 8

  test('forward z¹ lights the inputs, layer 1, and W¹ with b¹', () => {
    expect(byId.get('forward-z-1')!.highlight).toEqual({
      neurons: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      params: [0, 1, 2, 3, 4, 5],
    });
  });
  test('BP2 δ¹ lights layers 1 and 2 and the weights W² that carry δ² back', () => {
    expect(byId.get('bp2-1')!.highlight).toEqual({
      neurons: [
        [1, 0],
        [1, 1],
        [2, 0],
      ],
      params: [6, 7],
    });
  });
  test('BP3 lights the biases, BP4 the weights, of their layer', () => {
    expect(byId.get('bp3-2')!.highlight).toEqual({ neurons: [[2, 0]], params: [8] });
    expect(byId.get('bp4-1')!.highlight).toEqual({
      neurons: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      params: [0, 1, 2, 3],
    });
  });
  test('the update of layer 2 lights W² and b², but not b² when biases are frozen', () => {
    expect(byId.get('update-2')!.highlight.params).toEqual([6, 7, 8]);
    const frozen = stepsOf({ ...ctx, settings: { ...ctx.settings, freezeBiases: true } });
    expect(frozen.find((s) => s.id === 'update-2')!.highlight.params).toEqual([6, 7]);
  });
  test('hovering a number points at where it lives', () => {
    const table = byId.get('update-1')!.tables[0];
    expect(table.rows[1].cells[0].at).toEqual({ params: [1] });
    const z = byId.get('forward-z-1')!.tables[1].rows[0].cells[3];
    expect(z.ref).toEqual({ kind: 'z', layer: 1, sample: 0, j: 1 });
    expect(z.at).toEqual({ neurons: [[1, 1]] });
  });
});

describe('every number a step shows is the PassRecord’s', () => {
  for (const scenario of scenarios()) {
    const samples = [0, scenario.data.count - 1, 'mean' as const];
    for (const sample of samples) {
      test(`${scenario.name}, sample ${sample}`, () => {
        const ctx = contextOf(scenario, sample);
        let checked = 0;
        for (const step of stepsOf(ctx)) {
          for (const line of step.substituted) {
            const printed = texNumbers(line.tex);
            expect(printed, `${step.id}: ${line.tex}`).toHaveLength(line.refs.length);
            line.refs.forEach((ref, k) => {
              const value = expectedValue(ref, ctx, scenario.network);
              expect(closeToPrinted(printed[k], value), `${step.id} number ${k} of ${line.tex}: printed ${printed[k]}, record ${value}`).toBe(true);
              checked++;
            });
          }
          for (const table of step.tables) {
            for (const row of table.rows) {
              for (const cell of row.cells) {
                if (!cell.ref) continue;
                expect(cell.value).toBe(expectedValue(cell.ref, ctx, scenario.network));
                expect(closeToPrinted(textNumber(cell.text), cell.value!), `${step.id} ${table.id}: ${cell.text}`).toBe(true);
                checked++;
              }
            }
          }
        }
        expect(checked).toBeGreaterThan(50);
      });
    }
  }
});

describe('the substituted equations add up', () => {
  const ctx = contextOf({ ...loadShippedExample('question-xor'), name: 'q' }, 1);
  const steps = stepsOf(ctx);
  const step = (id: string) => steps.find((s) => s.id === id)!;
  const near = (a: number, b: number, scale = 1) => expect(Math.abs(a - b)).toBeLessThan(2e-3 * scale);

  test('z = Σ w·a + b, neuron by neuron', () => {
    for (const line of step('forward-z-1').substituted.slice(1)) {
      const [w0, a0, w1, a1, b, z] = texNumbers(line.tex);
      near(w0 * a0 + w1 * a1 + b, z);
    }
  });
  test('BP1 with cross-entropy: δ = a − y', () => {
    const [a, y, delta] = texNumbers(step('bp1-2').substituted[1].tex);
    near(a - y, delta);
  });
  test('BP2 in buggy mode multiplies by σ′ evaluated at a, and the line shows that a', () => {
    const line = step('bp2-1').substituted[1];
    const [w, d, a, delta] = texNumbers(line.tex);
    expect(line.refs[2]).toEqual({ kind: 'a', layer: 1, sample: 1, j: 0 });
    const s = 1 / (1 + Math.exp(-a));
    near(w * d * s * (1 - s), delta, 0.1);
  });
  test('update: w − η·∂C/∂w = the new w', () => {
    for (const line of step('update-1').substituted.slice(2)) {
      const numbers = texNumbers(line.tex);
      for (let k = 0; k < numbers.length; k += 4) near(numbers[k] - numbers[k + 1] * numbers[k + 2], numbers[k + 3]);
    }
  });
  test('the question’s 1/len(x) slip is named where the gradient is divided', () => {
    expect(ctx.pass.divisor).toBe(2);
    expect(step('bp3-1').notes.join(' ')).toContain('D = n₀ = 2');
    expect(texNumbers(step('bp3-1').substituted[1].tex).slice(0, 2)).toEqual([1, 2]);
  });
});

describe('both derivative modes at BP2', () => {
  for (const derivative of ['buggy', 'correct'] as const) {
    test(`${derivative} mode marks the f′ it uses and shows δ and the gradients of both modes`, () => {
      const example = loadShippedExample('question-xor');
      const ctx = contextOf({ ...example, name: 'q', options: { ...example.options, derivative } }, 0);
      const bp2 = stepsOf(ctx).find((s) => s.id === 'bp2-1')!;
      const [derivatives, gradients] = bp2.tables;
      const correctPass = derivative === 'correct' ? ctx.pass : ctx.otherPass!;
      const buggyPass = derivative === 'buggy' ? ctx.pass : ctx.otherPass!;
      derivatives.rows.forEach((row, j) => {
        const [fz, fa, dCorrect, dBuggy, difference] = row.cells;
        expect(fz.ref?.kind).toBe('fPrimeAtZ');
        expect(fa.ref?.kind).toBe('fPrimeAtA');
        expect(fz.mark).toBe(derivative === 'correct' ? 'used' : 'unused');
        expect(fa.mark).toBe(derivative === 'buggy' ? 'used' : 'unused');
        expect(dCorrect.value).toBe(correctPass.layers[0].delta[j]);
        expect(dBuggy.value).toBe(buggyPass.layers[0].delta[j]);
        expect(difference.value).toBe(buggyPass.layers[0].delta[j] - correctPass.layers[0].delta[j]);
        expect(dBuggy.value).not.toBe(dCorrect.value);
      });
      expect(gradients.rows.map((r) => r.cells[0].value)).toEqual(Array.from(correctPass.gradient.subarray(0, 6)));
      expect(gradients.rows.map((r) => r.cells[1].value)).toEqual(Array.from(buggyPass.gradient.subarray(0, 6)));
      expect(bp2.equation).toContain(derivative === 'buggy' ? 'a^{1}' : 'z^{1}');
    });
  }

  test('without the other mode’s pass the step still shows both f′ and asks for the comparison', () => {
    const ctx = contextOf({ ...loadShippedExample('question-xor'), name: 'q' }, 0, false);
    const bp2 = stepsOf(ctx).find((s) => s.id === 'bp2-1')!;
    expect(bp2.tables).toHaveLength(1);
    expect(bp2.tables[0].rows[0].cells).toHaveLength(3);
    expect(bp2.notes.join(' ')).toContain('other derivative');
  });

  test('for ReLU the two modes agree and the step says so', () => {
    const ctx = contextOf({ ...loadShippedExample('answer-relu'), name: 'a' }, 0);
    const bp2 = stepsOf(ctx).find((s) => s.id === 'bp2-1')!;
    expect(bp2.notes.join(' ')).toContain('the two modes agree');
  });
});

describe('frozen biases', () => {
  test('the update shows the biases unchanged and marks them frozen', () => {
    const example = loadShippedExample('two-outputs');
    expect(example.options.freezeBiases).toBe(true);
    const ctx = contextOf({ ...example, name: 't' }, 0);
    const update = stepsOf(ctx).find((s) => s.id === 'update-2')!;
    expect(update.equation).toContain('frozen');
    expect(update.substituted[1].tex).toContain('frozen');
    const biasRows = update.tables[0].rows.filter((r) => r.label.startsWith('b'));
    expect(biasRows).toHaveLength(2);
    for (const row of biasRows) {
      expect(row.cells.every((c) => c.mark === 'frozen')).toBe(true);
      expect(row.cells[2].value).toBe(row.cells[0].value);
    }
    const weightRows = update.tables[0].rows.filter((r) => r.label.startsWith('w'));
    expect(weightRows.every((r) => r.cells[2].value !== r.cells[0].value)).toBe(true);
  });
});

describe('bad input', () => {
  const example = loadShippedExample('question-xor');
  const ctx = contextOf({ ...example, name: 'q' }, 0);
  test('a pass of another shape is refused with a message', () => {
    const other = loadShippedExample('answer-relu');
    const result = buildSteps({ ...ctx, pass: inspectPass(other.network, other.data, other.options) });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('[2, 4, 1]') });
  });
  test('a sample that does not exist is refused with a message', () => {
    expect(buildSteps({ ...ctx, sample: 4 })).toEqual({ ok: false, error: expect.stringContaining('samples 1 to 4') });
    expect(buildSteps({ ...ctx, sample: -1 }).ok).toBe(false);
  });
});

describe('typesetting', () => {
  test('every equation and substituted line of every scenario is valid TeX for KaTeX', async () => {
    const katex = (await import('katex')).default;
    for (const scenario of scenarios()) {
      for (const sample of [0, 'mean'] as const) {
        for (const step of stepsOf(contextOf(scenario, sample))) {
          for (const tex of [
            step.equation,
            ...step.substituted.map((l) => l.tex),
            ...step.tables.flatMap((t) => [...t.columns, ...t.rows.map((r) => r.label)]),
          ]) {
            expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), `${scenario.name} ${step.id}: ${tex}`).not.toThrow();
            // a command whose backslash got lost in a string escape would print as letters
            expect(tex, `${step.id}: ${tex}`).not.toMatch(/(^|[^\\a-zA-Z])(qquad|quad|cdot|frac|partial|delta|leftarrow|odot|sigma|times)/);
          }
        }
      }
    }
  });
});
