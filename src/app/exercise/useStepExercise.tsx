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
import { hintFor } from './hints';
import { t as translate, useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';

export interface ExerciseFeedback {
  kind: 'hint' | 'right' | 'revealed' | 'unreadable';
  /** worded when shown, so it follows a language switch */
  text: () => string;
}

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
      if (grade === 'unreadable') return setFeedback({ kind: 'unreadable', text: () => translate('ex.unreadable', { text }) });
      const after = store
        .getState()
        .recordAttempt(pass.key, keyOf(step, asked), { step: step.id, cell: asked.name, correct: asked.cell.value }, text, grade === 'right');
      if (after.outcome === 'right') {
        onHint(null);
        return setFeedback({ kind: 'right', text: () => translate('ex.right', { name: asked.name, value: asked.cell.text }) });
      }
      if (after.outcome === 'revealed') {
        onHint(null);
        const tries = after.answers.length;
        return setFeedback({
          kind: 'revealed',
          text: () => translate('ex.revealed', { name: asked.name, value: asked.cell.text, count: tries, n: formatEpoch(tries) }),
        });
      }
      const ref = asked.cell.ref;
      const hint = ref ? hintFor(ref, pass.sizes, pass.settings) : null;
      onHint(hint ? hint.highlight : null);
      const left = EXERCISE_TRIES - after.answers.length;
      const { sizes, settings } = pass;
      setFeedback({
        kind: 'hint',
        // the hint is worded again when shown, in the page's language then
        text: () => translate('ex.wrong', { text, hint: ref ? hintFor(ref, sizes, settings).text : '', count: left, n: formatEpoch(left) }),
      });
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
              {asked.cell.text} <span className="exercise-cell__tag">{translate('ex.revealedTag')}</span>
            </span>
          );
        const firstOpen = list.findIndex((a) => !done(stateOf(step, a)));
        if (index !== firstOpen)
          return (
            <span className="exercise-cell exercise-cell--later" role="img" aria-label={translate('ex.later', { name: asked.name })}>
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
  const t = useT();
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
        aria-label={t('ex.valueOf', { name })}
        value={text}
        onChange={(event) => setText(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the learner moves from one answer straight to the next
        autoFocus
      />
      <button type="submit" className="exercise-cell__check">
        {t('ex.check')}
      </button>
      {tries > 0 && <span className="exercise-cell__tries">{t('ex.tries', { n: tries + 1, total: EXERCISE_TRIES })}</span>}
    </form>
  );
}
