import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyCompactExercise, readCompactExercise } from '../../src/app/exercise/compactLink';
import { parseExerciseSet } from '../../src/app/exercise/exerciseSet';
import { said } from '../englishText';

const shipped = readFileSync(join(import.meta.dirname, '../../public/exercises/question-one-pass.json'), 'utf8');

describe('the compact inline exercise link', () => {
  test('a name alone, a name with a sample, and a name with sample and steps', () => {
    expect(readCompactExercise('bp2-by-hand')).toEqual({ ok: true, value: { name: 'bp2-by-hand' } });
    expect(readCompactExercise('bp2-by-hand:batch')).toEqual({ ok: true, value: { name: 'bp2-by-hand', sample: 'batch' } });
    expect(readCompactExercise('question-one-pass:3:bp1-2,bp2-1.1.2')).toEqual({
      ok: true,
      value: { name: 'question-one-pass', sample: 3, ask: [{ step: 'bp1-2' }, { step: 'bp2-1', cells: [1, 2] }] },
    });
  });

  test('the link’s sample and steps replace the set’s, and its parser checks them', () => {
    const compact = readCompactExercise('question-one-pass:4:forward-a-2,cost');
    if (!compact.ok) throw new Error(said(compact.error) ?? '');
    const set = parseExerciseSet(applyCompactExercise(shipped, compact.value));
    if (!set.ok) throw new Error(said(set.error) ?? '');
    expect(set.value.sample).toBe(3);
    expect(set.value.summary.ask).toEqual([
      { step: 'forward-a-2', cells: null },
      { step: 'cost', cells: null },
    ]);
    const bad = readCompactExercise('question-one-pass:1:cost,bp2-9');
    if (!bad.ok) throw new Error(said(bad.error) ?? '');
    const refused = parseExerciseSet(applyCompactExercise(shipped, bad.value));
    expect(refused.ok ? 'accepted' : said(refused.error)).toMatch(/^exercise set: ask\.1\.step: .*no step "bp2-9"/);
  });

  test('a malformed inline form is named', () => {
    const refusal = (value: string) => {
      const read = readCompactExercise(value);
      return read.ok ? 'accepted' : said(read.error);
    };
    expect(refusal('a:b:c:d')).toBe('exercise=a:b:c:d: expected NAME, NAME:SAMPLE or NAME:SAMPLE:STEPS');
    expect(refusal('a:0')).toBe('exercise=a:0: the sample "0" is not a number from 1 or "batch"');
    expect(refusal('a:2:bp2-1.x')).toBe('exercise=a:2:bp2-1.x: "bp2-1.x" should be a step with cell numbers from 1, like bp2-1.1.2');
  });
});
