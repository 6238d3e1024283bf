/**
 * A sweep's controls row: the number of starts (its text read and refused here, the reason below
 * the row), the run button and, while it runs, Cancel; `children` add to the row (a note, an export).
 */
import { type ChangeEvent, type ReactNode, useId, useState } from 'react';
import { parseStartCount } from './sweepFormat';
import { useT } from '../../i18n/setup';
import { messageText } from '../../i18n/messageText';

interface StartsInputProps {
  label: string;
  runLabel: string;
  defaultStarts: number;
  maxStarts: number;
  running: boolean;
  onRun: (starts: number) => void;
  onCancel: () => void;
  children?: ReactNode;
}

export function StartsInput({ label, runLabel, defaultStarts, maxStarts, running, onRun, onCancel, children }: StartsInputProps) {
  const t = useT();
  const inputId = useId();
  const errorId = useId();
  const [text, setText] = useState(String(defaultStarts));
  const parsed = parseStartCount(text, maxStarts, label, defaultStarts);
  const run = () => {
    if (parsed.ok && !running) onRun(parsed.value);
  };
  return (
    <>
      <div className="bl-sweep__controls">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          className="bl-sweep__input"
          inputMode="numeric"
          value={text}
          disabled={running}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : errorId}
          onChange={(event: ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') run();
          }}
        />
        <button type="button" className="bl-sweep__run" disabled={running || !parsed.ok} onClick={run}>
          {runLabel}
        </button>
        {running && (
          <button type="button" onClick={onCancel}>
            {t('bl.cancel')}
          </button>
        )}
        {children}
      </div>
      {!parsed.ok && (
        <p id={errorId} className="bl-sweep__error">
          {messageText(parsed.problem)}
        </p>
      )}
    </>
  );
}
