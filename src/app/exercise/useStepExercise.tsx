/**
 * Exercise mode over the stepper: the StepExercise the stepper draws its cells with, reading and
 * writing this pass's progress in the store's exercise slice.
 */
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useLab, useLabStoreApi } from '../../store/hooks';
import { type CellProgress, EXERCISE_TRIES } from '../../store/exerciseSlice';
import type { StepExercise } from '../../views/stepper/StepView';
import type { SampleSelection, Step, StepHighlight, StepSettings } from '../../views/stepper/types';
import { type AskedCell, askedCells } from './askedCells';
import { gradeAnswer } from './grading';
import { t } from '../../i18n/setup';
import { hintFor } from './hints';
import type { ExerciseFeedback, HintPlace } from './feedback';

export interface ExercisePass {
  /** "run 2, epoch 0": the pass the answers belong to */
  key: string;
  sample: SampleSelection;
  sizes: readonly number[];
  settings: Pick<StepSettings, 'cost' | 'derivative'>;
}

export function useStepExercise(pass: ExercisePass | null, onHint: (highlight: StepHighlight | null) => void) {
  const store = useLabStoreApi();
  const on = useLab((s) => s.exercise.on);
  const ask = useLab((s) => s.exercise.set?.ask ?? null);
  const progress = useLab((s) => (pass ? s.exercise.progress[pass.key] : undefined));
  const [feedback, setFeedback] = useState<ExerciseFeedback | null>(null);

  const keyOf = useCallback((step: Step, asked: AskedCell) => `${step.id}|${pass?.sample}|${asked.table.id}|${asked.row}|${asked.column}`, [pass]);

  const answer = useCallback(
    (step: Step, asked: AskedCell, text: string) => {
      if (!pass || asked.cell.value === null) return;
      const grade = gradeAnswer(text, asked.cell.value);
      if (grade === 'unreadable') return setFeedback({ kind: 'unreadable', text });
      const after = store
        .getState()
        .recordAttempt(pass.key, keyOf(step, asked), { step: step.id, cell: asked.name, correct: asked.cell.value }, text, grade === 'right');
      if (after.outcome === 'right') {
        onHint(null);
        return setFeedback({ kind: 'right', name: asked.name, value: asked.cell.text });
      }
      if (after.outcome === 'revealed') {
        onHint(null);
        return setFeedback({ kind: 'revealed', name: asked.name, value: asked.cell.text, tries: after.answers.length });
      }
      const place: HintPlace | null = asked.cell.ref ? { ref: asked.cell.ref, sizes: pass.sizes, settings: pass.settings } : null;
      onHint(place ? hintFor(place.ref, place.sizes, place.settings).highlight : null);
      setFeedback({ kind: 'hint', text, left: EXERCISE_TRIES - after.answers.length, hint: place });
    },
    [pass, store, keyOf, onHint],
  );

  const exercise = useMemo<StepExercise | undefined>(() => {
    if (!on || !pass) return undefined;
    const stateOf = (step: Step, asked: AskedCell): CellProgress | undefined => progress?.[keyOf(step, asked)];
    const done = (p: CellProgress | undefined) => p !== undefined && p.outcome !== 'open';
    return {
      hidesNumbers: (step) => askedCells(step, ask).some((asked) => !done(stateOf(step, asked))),
      cell(step, table, row, column) {
        const list = askedCells(step, ask);
        const index = list.findIndex((a) => a.table.id === table.id && a.row === row && a.column === column);
        if (index < 0) return undefined;
        const asked = list[index];
        const state = stateOf(step, asked);
        if (state?.outcome === 'right') return <span className="exercise-cell exercise-cell--right">{asked.cell.text} ✓</span>;
        if (state?.outcome === 'revealed')
          return (
            <span className="exercise-cell exercise-cell--revealed">
              {asked.cell.text} <span className="exercise-cell__tag">{t('exercise.revealed')}</span>
            </span>
          );
        const firstOpen = list.findIndex((a) => !done(stateOf(step, a)));
        if (index !== firstOpen)
          return (
            <span className="exercise-cell exercise-cell--later" role="img" aria-label={t('exercise.later', { name: asked.name })}>
              ?
            </span>
          );
        return <AnswerInput key={keyOf(step, asked)} name={asked.name} tries={state?.answers.length ?? 0} onAnswer={(text) => answer(step, asked, text)} />;
      },
    };
  }, [on, pass, progress, ask, keyOf, answer]);

  return { exercise, feedback, clearFeedback: () => setFeedback(null) };
}

function AnswerInput({ name, tries, onAnswer }: { name: string; tries: number; onAnswer(text: string): void }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onAnswer(text.trim());
  };
  return (
    <form className="exercise-cell exercise-cell--open" onSubmit={submit}>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        size={8}
        aria-label={t('exercise.valueOf', { name })}
        value={text}
        onChange={(event) => setText(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the learner moves from one answer straight to the next
        autoFocus
      />
      <button type="submit" className="exercise-cell__check">
        {t('exercise.check')}
      </button>
      {tries > 0 && <span className="exercise-cell__tries">{t('exercise.tryOf', { n: tries + 1, total: EXERCISE_TRIES })}</span>}
    </form>
  );
}
