/**
 * The Exercise switch of Step through and what goes with it: the set to work (every step, a shipped
 * set or a file), this pass's progress, the score as CSV, and the last answer's feedback.
 */
import { useId, useRef, useState } from 'react';
import { useLab, useLabStoreApi } from '../../store/hooks';
import { downloadText, readFileText } from '../browser/browser';
import { scoreCsv, scoreOf } from './grading';
import { MAX_EXERCISE_FILE_BYTES } from './exerciseSet';
import { SHIPPED_EXERCISE_SETS, fetchShippedSet, openExerciseSet, setText } from './loadSet';
import { useT } from '../../i18n/setup';
import type { ExerciseFeedback } from './useStepExercise';
import './exercise.css';

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
  // worded when shown, so it follows a language switch
  const [message, setMessage] = useState<{ ok: boolean; text: () => string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = (text: string, source: string) => {
    const opened = openExerciseSet(store, text, source);
    if (!opened.ok) return setMessage({ ok: false, text: () => opened.error });
    const shown = { id: opened.value.summary.id, title: opened.value.summary.title, description: opened.value.description };
    setMessage({ ok: true, text: () => t('ex.opened', setText(shown)) });
  };
  const openShipped = async () => {
    const text = await fetchShippedSet(chosen);
    if (!text.ok) return setMessage({ ok: false, text: () => text.error });
    open(text.value, `${chosen}.json`);
  };
  const openFile = async () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: () => t('ex.chooseFile') });
    const text = await readFileText(file, MAX_EXERCISE_FILE_BYTES);
    if (!text.ok) return setMessage({ ok: false, text: () => t('ex.fileProblem', { name: file.name, error: text.error }) });
    open(text.value, file.name);
  };

  const thisPass = scoreOf(Object.values((passKey && progress[passKey]) || {}));
  const all = scoreOf(Object.values(progress).flatMap((cells) => Object.values(cells)));
  return (
    <div className="exercise-bar">
      <div className="exercise-bar__row">
        <button type="button" className={`button button--small${on ? ' is-on' : ''}`} aria-pressed={on} onClick={() => store.getState().setExerciseOn(!on)}>
          {t('ex.button')}
        </button>
        {on && (
          <span className="exercise-bar__set">
            {set ? t('ex.set', { title: setText(set).title }) : t('ex.everyStep')}
            {set && (
              <button type="button" className="button button--small" onClick={() => store.getState().setExerciseSet(null)}>
                {t('ex.askEveryStep')}
              </button>
            )}
          </span>
        )}
      </div>
      {on && (
        <>
          <div className="exercise-bar__row">
            <label htmlFor={`${id}-set`}>{t('ex.setLabel')}</label>
            <select id={`${id}-set`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              {SHIPPED_EXERCISE_SETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {setText(s).title}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small" onClick={openShipped}>
              {t('ex.openSet')}
            </button>
            <label className="exercise-bar__file">
              {t('ex.setFile')} <input ref={fileInput} type="file" accept=".json,application/json" />
            </label>
            <button type="button" className="button button--small" onClick={openFile}>
              {t('ex.openFile')}
            </button>
          </div>
          <div className="exercise-bar__row">
            <p className="exercise-bar__score" role="status" aria-label={t('ex.progress')}>
              {t('ex.score', {
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
              {t('ex.export')}
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
          {feedback ? feedback.text() : t('ex.instructions')}
        </p>
      )}
    </div>
  );
}
