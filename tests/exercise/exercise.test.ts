import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { askedCells, texToPlain } from '../../src/app/exercise/askedCells';
import { parseExerciseSet } from '../../src/app/exercise/exerciseSet';
import { said } from '../englishText';
import { gradeAnswer, readAnswer, scoreCsv, scoreOf } from '../../src/app/exercise/grading';
import { hintFor } from '../../src/app/exercise/hints';
import { SHIPPED_EXERCISE_SETS } from '../../src/app/exercise/shippedSets';
import { inspectPass } from '../../src/engine';
import { EXERCISE_TRIES } from '../../src/store/exerciseSlice';
import { createLabStore } from '../../src/store/labStore';
import { buildStep, passSteps } from '../../src/views/stepper/steps';

const EXERCISES = join(import.meta.dirname, '../../public/exercises');
const shipped = (id: string) => readFileSync(join(EXERCISES, `${id}.json`), 'utf8');

describe('grading a typed answer', () => {
  test('within 1e-3 relative, or the same to 3 significant digits, is right', () => {
    expect(gradeAnswer('0.08154', 0.0815423)).toBe('right');
    expect(gradeAnswer('0.0815', 0.0815423)).toBe('right');
    expect(gradeAnswer('0.0817', 0.0815423)).toBe('wrong');
    expect(gradeAnswer('−0.4', -0.4000001)).toBe('right');
    expect(gradeAnswer('0.4', -0.4)).toBe('wrong');
    expect(gradeAnswer('1.23e-5', 1.2304e-5)).toBe('right');
    expect(gradeAnswer('0', 0)).toBe('right');
    expect(gradeAnswer('0,5', 0.5)).toBe('right');
  });

  test('text that is not a number is unreadable, not a wrong try', () => {
    for (const text of ['', 'abc', '1..2', '0.5x', '--1']) expect(readAnswer(text), text).toBeNull();
    expect(gradeAnswer('half', 0.5)).toBe('unreadable');
  });
});

describe('the exercise slice', () => {
  test('the third wrong try reveals the answer; a right one ends the cell; later tries change nothing', () => {
    const store = createLabStore();
    const cell = { step: 'forward-z-1', cell: 'z¹₁ (s = 1)', correct: 0.2 };
    for (let k = 1; k < EXERCISE_TRIES; k++) expect(store.getState().recordAttempt('p', 'c', cell, '1', false).outcome).toBe('open');
    expect(store.getState().recordAttempt('p', 'c', cell, '1', false).outcome).toBe('revealed');
    expect(store.getState().recordAttempt('p', 'c', cell, '0.2', true).outcome).toBe('revealed');
    expect(store.getState().recordAttempt('p', 'd', cell, '0.2', true)).toMatchObject({ outcome: 'right', answers: ['0.2'] });
    const progress = store.getState().exercise.progress;
    expect(scoreOf(Object.values(progress.p))).toEqual({ asked: 2, right: 1, firstTry: 1, revealed: 1 });
    const csv = scoreCsv(progress).trim().split('\n');
    expect(csv[0]).toBe('pass,step,cell,value,answers,tries,outcome');
    expect(csv[1]).toBe('p,forward-z-1,z¹₁ (s = 1),0.2,1 | 1 | 1,3,revealed');
    expect(csv[2]).toBe('p,forward-z-1,z¹₁ (s = 1),0.2,0.2,1,right');
  });
});

describe('exercise sets', () => {
  test('the two shipped sets parse, carry the titles the page lists, and ask steps their network has', () => {
    expect(SHIPPED_EXERCISE_SETS.map((s) => s.id)).toEqual(['question-one-pass', 'bp2-by-hand']);
    for (const entry of SHIPPED_EXERCISE_SETS) {
      const set = parseExerciseSet(shipped(entry.id));
      if (!set.ok) throw new Error(said(set.error) ?? '');
      expect(set.value.summary).toMatchObject({ id: entry.id, title: entry.title });
      const pass = inspectPass(set.value.network, set.value.data, set.value.options);
      const ctx = {
        network: set.value.network,
        pass,
        settings: { cost: set.value.options.cost, derivative: set.value.options.derivative, freezeBiases: false },
        sample: set.value.sample,
      };
      const steps = passSteps(set.value.network.sizes);
      for (const ask of set.value.summary.ask) {
        const step = buildStep(
          ctx,
          steps.findIndex((s) => s.id === ask.step),
        );
        expect(step, ask.step).not.toBeNull();
        expect(askedCells(step!, set.value.summary.ask).length, ask.step).toBeGreaterThan(0);
      }
    }
  });

  test('a malformed set is refused with the field named', () => {
    const good = JSON.parse(shipped('question-one-pass')) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>) => {
      const result = parseExerciseSet(JSON.stringify({ ...good, ...patch }));
      return result.ok ? 'accepted' : said(result.error);
    };
    expect(bad({ version: 2 })).toMatch(/^exercise set: version: /);
    expect(bad({ settings: { ...(good.settings as object), cost: 'hinge' } })).toMatch(/^exercise set: settings\.cost: /);
    expect(bad({ ask: [{ step: 'forward-z-1' }, { step: 'bp2-7' }] })).toMatch(/^exercise set: ask\.1\.step: .*no step "bp2-7"/);
    expect(bad({ ask: [{ step: 'sideways' }] })).toMatch(/^exercise set: ask\.0\.step: expected a step id/);
    expect(bad({ ask: [{ step: 'cost', cells: [0] }] })).toMatch(/^exercise set: ask\.0\.cells\.0: /);
    expect(bad({ network: { ...(good.network as object), layers: [2, 3, 1] } })).toMatch(/^exercise set: network: /);
    expect(bad({ data: { inputs: [[1, 1, 1]], targets: [[0]] } })).toMatch(/^exercise set: data\.inputs: /);
    expect(bad({ sample: 9 })).toMatch(/^exercise set: sample: /);
    expect(bad({ title: undefined })).toMatch(/^exercise set: title: /);
    expect(parseExerciseSet('{').ok).toBe(false);
  });
});

describe('asked cells and hints', () => {
  const set = parseExerciseSet(shipped('question-one-pass'));
  if (!set.ok) throw new Error(said(set.error) ?? '');
  const { network, data, options } = set.value;
  const pass = inspectPass(network, data, options);
  const ctx = { network, pass, settings: { cost: options.cost, derivative: options.derivative, freezeBiases: false }, sample: 1 };
  const steps = passSteps(network.sizes);
  const stepOf = (id: string) =>
    buildStep(
      ctx,
      steps.findIndex((s) => s.id === id),
    )!;

  test('a step’s result cells in reading order, and only the listed ones when the set picks cells', () => {
    const z1 = askedCells(stepOf('forward-z-1'), null);
    expect(z1.map((c) => c.name)).toEqual(['z¹₁ (s = 2)', 'z¹₂ (s = 2)']);
    expect(z1.map((c) => c.cell.value)).toEqual([pass.layers[0].z[2], pass.layers[0].z[3]]);
    expect(askedCells(stepOf('forward-z-1'), [{ step: 'forward-z-1', cells: [2] }]).map((c) => c.name)).toEqual(['z¹₂ (s = 2)']);
    expect(askedCells(stepOf('forward-a-1'), [{ step: 'forward-z-1', cells: null }])).toEqual([]);
    expect(texToPlain('\\delta^{2}_{1}')).toBe('δ²₁');
  });

  test('a hint names the equation’s terms and lights up where they live', () => {
    const z = hintFor({ kind: 'z', layer: 1, sample: 1, j: 1 }, network.sizes, ctx.settings);
    expect(z.text).toContain('z¹₂ = Σᵢ w¹₂ᵢ·xᵢ + b¹₂');
    expect(z.highlight).toEqual({
      neurons: [
        [0, 0],
        [0, 1],
        [1, 1],
      ],
      params: [2, 3, 5],
    });
    const d = hintFor({ kind: 'delta', layer: 1, sample: 1, j: 0 }, network.sizes, ctx.settings);
    expect(d.text).toContain('f′(a¹₁)');
    expect(d.highlight.params).toEqual([6]);
    expect(hintFor({ kind: 'delta', layer: 1, sample: 1, j: 0 }, network.sizes, { ...ctx.settings, derivative: 'correct' }).text).toContain('f′(z¹₁)');
  });
});
