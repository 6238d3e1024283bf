/**
 * Mystery slip: the lab switches on one slip of the library in secret; train, compare, step through
 * and check the gradient as usual, then pick the slip from the list and see the answer explained.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { SLIPS, type SlipId } from '../../engine';
import { useLabStoreApi } from '../../store/hooks';
import { replaceQuery } from '../browser/browser';
import { endMystery, mysteryStore, newMystery, withMystery } from './mystery';

function writeAddress(): void {
  if (typeof location !== 'undefined') replaceQuery(withMystery(new URLSearchParams(location.search)));
}

export function MysterySection() {
  const store = useLabStoreApi();
  const mystery = useStore(mysteryStore);
  const [problem, setProblem] = useState<string | null>(null);
  const [choice, setChoice] = useState<SlipId | ''>('');

  const start = () => {
    setProblem(newMystery(store));
    setChoice('');
    writeAddress();
  };
  const end = () => {
    endMystery(store);
    writeAddress();
  };
  const reveal = () => {
    if (choice === '') return;
    mysteryStore.setState({ guess: choice, revealed: true });
  };
  const answer = mystery.slip ? SLIPS[mystery.slip] : null;

  return (
    <section className="card bl-section bl-mystery" aria-labelledby="bl-mystery-title">
      <h2 id="bl-mystery-title" className="bl-heading">
        Mystery slip
      </h2>
      <p className="bl-hint">
        The lab switches on one slip of its library in secret. Train, run the twin, step through a pass and check the gradient as usual, then name the slip. The
        link carries the mystery, so a whole class can get the same one.
      </p>
      <div className="bl-toolbar">
        <button type="button" className="button button--small" onClick={start}>
          Mystery slip
        </button>
        {mystery.code && (
          <button type="button" className="button button--small" onClick={end}>
            End the mystery
          </button>
        )}
      </div>
      {problem && (
        <p className="bl-problem" role="alert">
          {problem}
        </p>
      )}
      {mystery.code && answer && (
        <div className="bl-toolbar">
          <label>
            <span className="field__label">Which slip is it?</span>{' '}
            <select value={choice} onChange={(e) => setChoice(e.target.value as SlipId | '')} disabled={mystery.revealed}>
              <option value="">choose…</option>
              {mystery.choices.map((id) => (
                <option key={id} value={id}>
                  {SLIPS[id].name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--small button--primary" onClick={reveal} disabled={choice === '' || mystery.revealed}>
            Reveal
          </button>
        </div>
      )}
      {mystery.revealed && answer && (
        <div role="status" aria-label="Mystery answer" className="bl-mystery__answer">
          <p className="bl-result">
            {mystery.guess === mystery.slip ? 'Right: ' : `Not ${mystery.guess ? SLIPS[mystery.guess].name : 'that'}: `}it was <strong>{answer.name}</strong>.{' '}
            {answer.sentence}
          </p>
          <p className="bl-hint">
            The wrong line: <code>{answer.wrong}</code>; the fix: <code>{answer.fix}</code>.
          </p>
        </div>
      )}
    </section>
  );
}
