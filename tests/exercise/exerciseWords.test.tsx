// @vitest-environment happy-dom
/**
 * The exercise bar's words follow the page's language: the last answer's feedback and a set's
 * problem are kept as data and worded when shown, so a switch rewords what is already there.
 */
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { ExerciseBar } from '../../src/app/exercise/ExerciseBar';
import { parseExerciseSet } from '../../src/app/exercise/exerciseSet';
import type { ExerciseFeedback } from '../../src/app/exercise/feedback';
import { SHIPPED_EXERCISE_SETS, loadedDataName } from '../../src/app/exercise/shippedSets';
import { messageText } from '../../src/i18n/messageText';
import { switchLanguage } from '../../src/i18n/setup';
import { LabStoreContext } from '../../src/store/hooks';
import { createLabStore } from '../../src/store/labStore';
import { type Rendered, render } from '../views/render';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
  await switchLanguage('en');
});

/** Three English words in a row: prose left untranslated (notation, numbers and file fields are single words). */
const ENGLISH_RUN = /[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/;

const feedbackOf = async (feedback: ExerciseFeedback) => {
  const store = createLabStore();
  store.getState().setExerciseOn(true);
  rendered = await render(
    <LabStoreContext.Provider value={store}>
      <ExerciseBar passKey={null} feedback={feedback} />
    </LabStoreContext.Provider>,
  );
  return () => rendered!.container.querySelector('.exercise-bar__feedback')?.textContent ?? '';
};

describe('exercise feedback', () => {
  test('a right answer’s feedback is reworded when the language switches', async () => {
    const text = await feedbackOf({ kind: 'right', name: 'z¹₁', value: '0.2' });
    expect(text()).toBe('Right: z¹₁ = 0.2.');
    await act(() => switchLanguage('zh-CN'));
    expect(text()).toMatch(/[\u4e00-\u9fff]/);
    expect(text()).toContain('z¹₁');
    expect(text()).not.toMatch(ENGLISH_RUN);
    await act(() => switchLanguage('en'));
    expect(text()).toBe('Right: z¹₁ = 0.2.');
  });

  test('a wrong answer’s hint, with its equation, is reworded too', async () => {
    const text = await feedbackOf({
      kind: 'hint',
      text: '0.3',
      left: 2,
      hint: { ref: { kind: 'z', layer: 1, sample: 0, j: 0 }, sizes: [2, 2, 1], settings: { cost: 'crossEntropy', derivative: 'correct' } },
    });
    expect(text()).toMatch(/^Not 0\.3\. z¹₁ = Σᵢ .*multiply each input.* 2 tries left/);
    await act(() => switchLanguage('zh-CN'));
    expect(text()).toMatch(/[\u4e00-\u9fff]/);
    expect(text()).not.toMatch(ENGLISH_RUN);
  });
});

describe('exercise set problems', () => {
  const good = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/exercises', `${SHIPPED_EXERCISE_SETS[0].id}.json`), 'utf8'));
  const problems = [
    { ...good, version: 2 },
    { ...good, ask: [{ step: 'sideways' }] },
    { ...good, ask: [{ step: 'bp2-7' }] },
    { ...good, data: { inputs: [[1, 1, 1]], targets: [[0]] } },
    { ...good, sample: 9 },
    { ...good, id: 'Not An Id' },
  ]
    .map((file) => JSON.stringify(file))
    .concat('{')
    .map((text) => {
      const parsed = parseExerciseSet(text);
      if (parsed.ok) throw new Error('accepted');
      return parsed.error;
    });

  test('are worded in 简体中文 with no English sentence, and in English as before', async () => {
    expect(messageText(problems[1])).toBe('exercise set: ask.0.step: expected a step id such as "forward-z-1", "cost", "bp2-1" or "update-2"');
    expect(messageText(problems[4])).toBe("exercise set: sample: 9 is past the data's 4 samples");
    await switchLanguage('zh-CN');
    for (const problem of problems) {
      const text = messageText(problem);
      expect(text).toMatch(/^练习集：/);
      expect(text, text).not.toMatch(ENGLISH_RUN);
    }
  });
});

describe('a shipped set’s data in the settings panel', () => {
  afterEach(() => switchLanguage('en'));

  test('is named by the set’s title in the page’s language; other data keeps its own name', async () => {
    const title = SHIPPED_EXERCISE_SETS[0].title;
    expect(loadedDataName(title)).toBe(title);
    await switchLanguage('zh-CN');
    expect(loadedDataName(title)).toMatch(/[\u4e00-\u9fff]/);
    expect(loadedDataName(title)).not.toMatch(ENGLISH_RUN);
    expect(loadedDataName('my data')).toBe('my data');
  });
});
