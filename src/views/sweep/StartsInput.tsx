/** The number-of-starts field of a sweep, its run button and, while it runs, Cancel. */
import { type ChangeEvent, useId } from 'react';
import { useT } from '../../i18n/setup';

interface StartsInputProps {
  label: string;
  runLabel: string;
  text: string;
  onText: (text: string) => void;
  valid: boolean;
  /** id of the message that says why the text is refused (shown by the caller) */
  errorId: string;
  running: boolean;
  onRun: () => void;
  onCancel: () => void;
}

export function StartsInput({ label, runLabel, text, onText, valid, errorId, running, onRun, onCancel }: StartsInputProps) {
  const t = useT();
  const inputId = useId();
  return (
    <>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="bl-sweep__input"
        inputMode="numeric"
        value={text}
        disabled={running}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onRun();
        }}
      />
      <button type="button" className="bl-sweep__run" disabled={running || !valid} onClick={onRun}>
        {runLabel}
      </button>
      {running && (
        <button type="button" onClick={onCancel}>
          {t('bl.cancel')}
        </button>
      )}
    </>
  );
}
