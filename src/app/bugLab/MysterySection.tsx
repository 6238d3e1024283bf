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
import { slipName, slipSentence } from './slipText';
import { useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';

function writeAddress(): void {
  if (typeof location !== 'undefined') replaceQuery(withMystery(new URLSearchParams(location.search)));
}

export function MysterySection() {
  const t = useT();
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
        {t('bl.mystery.title')}
      </h2>
      <p className="bl-hint">{t('bl.mystery.hint')}</p>
      <div className="bl-toolbar">
        <button type="button" className="button button--small" onClick={start}>
          {t('bl.mystery.start')}
        </button>
        {mystery.code && (
          <button type="button" className="button button--small" onClick={end}>
            {t('bl.mystery.end')}
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
            <span className="field__label">{t('bl.mystery.which')}</span>{' '}
            <select value={choice} onChange={(e) => setChoice(e.target.value as SlipId | '')} disabled={mystery.revealed}>
              <option value="">{t('bl.mystery.choose')}</option>
              {mystery.choices.map((id) => (
                <option key={id} value={id}>
                  {slipName(id)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--small button--primary" onClick={reveal} disabled={choice === '' || mystery.revealed}>
            {t('bl.mystery.reveal')}
          </button>
        </div>
      )}
      {mystery.revealed && answer && (
        <div role="status" aria-label={t('bl.mystery.answer')} className="bl-mystery__answer">
          <p className="bl-result">
            {withNodes(
              (marks) =>
                t('bl.then', {
                  before:
                    mystery.guess === mystery.slip || mystery.guess === null
                      ? t('bl.mystery.right', marks)
                      : t('bl.mystery.wrong', { ...marks, guess: slipName(mystery.guess) }),
                  after: slipSentence(answer.id),
                }),
              { answer: <strong>{slipName(answer.id)}</strong> },
            )}
          </p>
          <p className="bl-hint">
            {withNodes((marks) => t('bl.mystery.lines', marks), { wrong: <code>{answer.wrong}</code>, fix: <code>{answer.fix}</code> })}
          </p>
        </div>
      )}
    </section>
  );
}
