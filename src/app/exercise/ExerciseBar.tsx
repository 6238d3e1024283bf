/**
 * The Exercise switch of Step through and what goes with it: the set to work (every step, a shipped
 * set or a file), this pass's progress, the score as CSV, and the last answer's feedback.
 */
import { engineMessage } from '../../engine';
import { messageText } from '../../i18n/messageText';
import { useId, useRef, useState } from 'react';
import { useLab, useLabStoreApi } from '../../store/hooks';
import { downloadText, readFileText } from '../browser/browser';
import { scoreCsv, scoreOf } from './grading';
import { MAX_EXERCISE_FILE_BYTES } from './exerciseSet';
import { fetchShippedSet, openExerciseSet } from './loadSet';
import { SHIPPED_EXERCISE_SETS, shippedSetText as setText } from './shippedSets';
import { type ExerciseFeedback, feedbackText } from './feedback';
import './exercise.css';
import { t as translate, useT } from '../../i18n/setup';

export interface ExerciseBarProps {
  /** the pass the progress is shown for */
  passKey: string | null;
  feedback: ExerciseFeedback | null;
}

export function ExerciseBar({ passKey, feedback }: ExerciseBarProps) {
  const t = useT();
  const store = useLabStoreApi();
  const id = useId();
  const on = useLab((s) => s.exercise.on);
  const set = useLab((s) => s.exercise.set);
  const progress = useLab((s) => s.exercise.progress);
  const [chosen, setChosen] = useState<string>(SHIPPED_EXERCISE_SETS[0].id);
  // worded when shown, so a language switch rewords it
  const [message, setMessage] = useState<{ ok: boolean; text: () => string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = (text: string, source: string) => {
    const opened = openExerciseSet(store, text, source);
    if (!opened.ok) return setMessage({ ok: false, text: () => messageText(opened.error) });
    const { summary, description } = opened.value;
    setMessage({
      ok: true,
      text: () =>
        translate('exercise.opened', { title: setText(summary.id, 'title', summary.title), description: setText(summary.id, 'description', description) }),
    });
  };
  const openShipped = async () => {
    const text = await fetchShippedSet(chosen);
    if (!text.ok) return setMessage({ ok: false, text: () => messageText(text.error) });
    open(text.value, `${chosen}.json`);
  };
  const openFile = async () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: () => translate('exercise.chooseFile') });
    const text = await readFileText(file, MAX_EXERCISE_FILE_BYTES);
    if (!text.ok) return setMessage({ ok: false, text: () => messageText(engineMessage('namedProblem', { name: file.name, problem: text.error })) });
    open(text.value, file.name);
  };

  const thisPass = scoreOf(Object.values((passKey && progress[passKey]) || {}));
  const all = scoreOf(Object.values(progress).flatMap((cells) => Object.values(cells)));
  return (
    <div className="exercise-bar">
      <div className="exercise-bar__row">
        <button type="button" className={`button button--small${on ? ' is-on' : ''}`} aria-pressed={on} onClick={() => store.getState().setExerciseOn(!on)}>
          {t('exercise.button')}
        </button>
        {on && (
          <span className="exercise-bar__set">
            {set ? t('exercise.set', { title: setText(set.id, 'title', set.title) }) : t('exercise.everyStep')}
            {set && (
              <button type="button" className="button button--small" onClick={() => store.getState().setExerciseSet(null)}>
                {t('exercise.askEvery')}
              </button>
            )}
          </span>
        )}
      </div>
      {on && (
        <>
          <div className="exercise-bar__row">
            <label htmlFor={`${id}-set`}>{t('exercise.setLabel')}</label>
            <select id={`${id}-set`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              {SHIPPED_EXERCISE_SETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {setText(s.id, 'title', s.title)}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small" onClick={openShipped}>
              {t('exercise.openSet')}
            </button>
            <label className="exercise-bar__file">
              {t('exercise.setFile')} <input ref={fileInput} type="file" accept=".json,application/json" />
            </label>
            <button type="button" className="button button--small" onClick={openFile}>
              {t('exercise.openFile')}
            </button>
          </div>
          <div className="exercise-bar__row">
            <p className="exercise-bar__score" role="status" aria-label={t('exercise.progressLabel')}>
              {t('exercise.progress', {
                right: thisPass.right,
                firstTry: thisPass.firstTry,
                revealed: thisPass.revealed,
                asked: thisPass.asked,
                allRight: all.right,
                allAsked: all.asked,
              })}
            </p>
            <button
              type="button"
              className="button button--small"
              disabled={all.asked === 0}
              onClick={() => downloadText(scoreCsv(progress), 'exercise-score.csv', 'text/csv')}
            >
              {t('exercise.export')}
            </button>
          </div>
        </>
      )}
      {message && (
        <p className={message.ok ? 'exercise-bar__message' : 'exercise-bar__message is-bad'} role={message.ok ? 'status' : 'alert'}>
          {message.text()}
        </p>
      )}
      {on && (
        <p className={`exercise-bar__feedback${feedback ? ` is-${feedback.kind}` : ''}`} role="status" aria-live="polite">
          {feedback ? feedbackText(feedback) : t('exercise.instructions')}
        </p>
      )}
    </div>
  );
}
