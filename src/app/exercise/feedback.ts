/**
 * What the last answer is told, kept as data (the cell, the value, the hint's place) and worded when
 * shown: a language switch rewords the feedback already on the page.
 */
import { t } from '../../i18n/setup';
import type { StepSettings, ValueRef } from '../../views/stepper/types';
import { hintFor } from './hints';

/** Where a wrong answer's hint comes from: the cell's value and the pass's network and settings. */
export interface HintPlace {
  ref: ValueRef;
  sizes: readonly number[];
  settings: Pick<StepSettings, 'cost' | 'derivative'>;
}

export type ExerciseFeedback =
  | { kind: 'unreadable'; text: string }
  | { kind: 'right'; name: string; value: string }
  | { kind: 'revealed'; name: string; value: string; tries: number }
  | { kind: 'hint'; text: string; left: number; hint: HintPlace | null };

export function feedbackText(feedback: ExerciseFeedback): string {
  switch (feedback.kind) {
    case 'unreadable':
      return t('exercise.unreadable', { text: feedback.text });
    case 'right':
      return t('exercise.right', { name: feedback.name, value: feedback.value });
    case 'revealed':
      return t('exercise.revealedAfter', { name: feedback.name, value: feedback.value, tries: feedback.tries });
    case 'hint': {
      const hint = feedback.hint && hintFor(feedback.hint.ref, feedback.hint.sizes, feedback.hint.settings).text;
      return t('exercise.wrong', { text: feedback.text, hint: hint ?? '', left: feedback.left });
    }
  }
}
