/** The tour's fixed starts are what the tour says they are: checked by training them, as the page does. */
import { describe, expect, test } from 'vitest';
import { runStart } from '../../src/engine';
import { QUESTION_AND } from '../../src/app/tour/storySetup';
import { FIXED_AND, XOR_SOLVED, XOR_STUCK, XOR_STUCK_FOUR_UNITS } from '../../src/app/tour/tourRuns';
import { readTourParam, withTour } from '../../src/app/tour/tourLink';

const outcome = (config: typeof QUESTION_AND) => runStart(config, config.seed);

describe("the tour's starts", () => {
  test("step 1: the question's AND from seed 1 is not solved; step 4: with both fixes it is", () => {
    expect(outcome(QUESTION_AND).solved).toBe(false);
    expect(outcome(FIXED_AND).solved).toBe(true);
  });

  test('the XOR step: XOR on [2,2,1] with the correct derivative gets stuck from one seed and solves from another; four hidden units solve the stuck seed', () => {
    for (const config of [XOR_STUCK, XOR_SOLVED, XOR_STUCK_FOUR_UNITS]) expect(config).toMatchObject({ dataset: 'XOR', derivative: 'correct' });
    expect(XOR_STUCK.hidden).toEqual([2]);
    expect(outcome(XOR_STUCK).solved).toBe(false);
    expect(outcome(XOR_SOLVED).solved).toBe(true);
    expect(XOR_STUCK_FOUR_UNITS).toEqual({ ...XOR_STUCK, hidden: [4] });
    expect(outcome(XOR_STUCK_FOUR_UNITS).solved).toBe(true);
  });
});

describe('the tour in the link', () => {
  test('tour=N is read out of the query, the rest is left for the settings', () => {
    expect(readTourParam('?lr=0.5&tour=3&seed=2', 5)).toEqual({ search: 'lr=0.5&seed=2', step: 3, note: null });
    expect(readTourParam('?lr=0.5', 5)).toEqual({ search: '?lr=0.5', step: null, note: null });
  });

  test('a step outside 1…N is refused with a note', () => {
    for (const bad of ['0', '6', '-1', 'x', '1e0', '001']) {
      const read = readTourParam(`tour=${bad}`, 5);
      expect(read.step).toBeNull();
      expect(read.note).toMatch(/expected a step from 1 to 5/);
    }
  });

  test('withTour writes or removes the key and keeps the rest', () => {
    const query = new URLSearchParams('a=1&tour=2');
    expect(withTour(query, 4).toString()).toBe('a=1&tour=4');
    expect(withTour(query, null).toString()).toBe('a=1');
    expect(query.toString()).toBe('a=1&tour=2');
  });
});
