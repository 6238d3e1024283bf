import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyCompactExercise, readCompactExercise } from '../../src/app/exercise/compactLink';
import { parseExerciseSet } from '../../src/app/exercise/exerciseSet';

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
    if (!compact.ok) throw new Error(compact.error);
    const set = parseExerciseSet(applyCompactExercise(shipped, compact.value));
    if (!set.ok) throw new Error(set.error);
    expect(set.value.sample).toBe(3);
    expect(set.value.summary.ask).toEqual([
      { step: 'forward-a-2', cells: null },
      { step: 'cost', cells: null },
    ]);
    const bad = readCompactExercise('question-one-pass:1:cost,bp2-9');
    if (!bad.ok) throw new Error(bad.error);
    const refused = parseExerciseSet(applyCompactExercise(shipped, bad.value));
    expect(refused.ok ? 'accepted' : refused.error).toMatch(/^exercise set: ask\.1\.step: .*no step "bp2-9"/);
  });

  test('a malformed inline form is named', () => {
    expect(readCompactExercise('a:b:c:d')).toMatchObject({ ok: false, error: expect.stringMatching(/expected NAME, NAME:SAMPLE/) });
    expect(readCompactExercise('a:0')).toMatchObject({ ok: false, error: expect.stringMatching(/sample "0"/) });
    expect(readCompactExercise('a:2:bp2-1.x')).toMatchObject({ ok: false, error: expect.stringMatching(/"bp2-1.x" should be a step/) });
  });
});
