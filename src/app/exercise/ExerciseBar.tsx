/**
 * The Exercise switch of Step through and what goes with it: the set to work (every step, a shipped
 * set or a file), this pass's progress, the score as CSV, and the last answer's feedback.
 */
import { problemText } from '../../i18n/messageText';
import { useId, useRef, useState } from 'react';
import { useLab, useLabStoreApi } from '../../store/hooks';
import { downloadText, readFileText } from '../browser/browser';
import { scoreCsv, scoreOf } from './grading';
import { MAX_EXERCISE_FILE_BYTES } from './exerciseSet';
import { SHIPPED_EXERCISE_SETS, fetchShippedSet, openExerciseSet } from './loadSet';
import type { ExerciseFeedback } from './useStepExercise';
import './exercise.css';

export interface ExerciseBarProps {
  /** the pass the progress is shown for */
  passKey: string | null;
  feedback: ExerciseFeedback | null;
}

export function ExerciseBar({ passKey, feedback }: ExerciseBarProps) {
  const store = useLabStoreApi();
  const id = useId();
  const on = useLab((s) => s.exercise.on);
  const set = useLab((s) => s.exercise.set);
  const progress = useLab((s) => s.exercise.progress);
  const [chosen, setChosen] = useState<string>(SHIPPED_EXERCISE_SETS[0].id);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = (text: string, source: string) => {
    const opened = openExerciseSet(store, text, source);
    setMessage(opened.ok ? { ok: true, text: `Opened “${opened.value.summary.title}”. ${opened.value.description}` } : { ok: false, text: opened.error });
  };
  const openShipped = async () => {
    const text = await fetchShippedSet(chosen);
    if (!text.ok) return setMessage({ ok: false, text: text.error });
    open(text.value, `${chosen}.json`);
  };
  const openFile = async () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: 'Choose an exercise set file first.' });
    const text = await readFileText(file, MAX_EXERCISE_FILE_BYTES);
    if (!text.ok) return setMessage({ ok: false, text: `${file.name}: ${problemText(text.error)}` });
    open(text.value, file.name);
  };

  const thisPass = scoreOf(Object.values((passKey && progress[passKey]) || {}));
  const all = scoreOf(Object.values(progress).flatMap((cells) => Object.values(cells)));
  return (
    <div className="exercise-bar">
      <div className="exercise-bar__row">
        <button type="button" className={`button button--small${on ? ' is-on' : ''}`} aria-pressed={on} onClick={() => store.getState().setExerciseOn(!on)}>
          Exercise
        </button>
        {on && (
          <span className="exercise-bar__set">
            {set ? `Set: ${set.title}` : 'Every step’s results are asked'}
            {set && (
              <button type="button" className="button button--small" onClick={() => store.getState().setExerciseSet(null)}>
                Ask every step
              </button>
            )}
          </span>
        )}
      </div>
      {on && (
        <>
          <div className="exercise-bar__row">
            <label htmlFor={`${id}-set`}>Exercise set</label>
            <select id={`${id}-set`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              {SHIPPED_EXERCISE_SETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small" onClick={openShipped}>
              Open set
            </button>
            <label className="exercise-bar__file">
              Set file <input ref={fileInput} type="file" accept=".json,application/json" />
            </label>
            <button type="button" className="button button--small" onClick={openFile}>
              Open file
            </button>
          </div>
          <div className="exercise-bar__row">
            <p className="exercise-bar__score" role="status" aria-label="Exercise progress">
              This pass: {thisPass.right} right ({thisPass.firstTry} at the first try), {thisPass.revealed} revealed of {thisPass.asked} tried · all passes:{' '}
              {all.right} right of {all.asked}
            </p>
            <button
              type="button"
              className="button button--small"
              disabled={all.asked === 0}
              onClick={() => downloadText(scoreCsv(progress), 'exercise-score.csv', 'text/csv')}
            >
              Export score (CSV)
            </button>
          </div>
        </>
      )}
      {message && (
        <p className={message.ok ? 'exercise-bar__message' : 'exercise-bar__message is-bad'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {on && (
        <p className={`exercise-bar__feedback${feedback ? ` is-${feedback.kind}` : ''}`} role="status" aria-live="polite">
          {feedback?.text ?? 'Type each hidden result of the step and press Enter; a wrong answer gets a hint, the third reveals it.'}
        </p>
      )}
    </div>
  );
}
