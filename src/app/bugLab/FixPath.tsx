/**
 * The bug lab's starting points: the question's preset on OR, AND or XOR, the answer's network,
 * and the fix path from the question's XOR to a network that solves XOR reliably; each step says what it changes.
 */
import { problemText } from '../../i18n/messageText';
import { useState } from 'react';
import { PRESETS } from '../../engine';
import { useLab } from '../../store/hooks';
import { FIX_STEPS, currentFixStep } from './fixPath';
import { useT } from '../../i18n/setup';

const QUICK_PRESETS = [
  { id: 'question-or', label: 'OR' },
  { id: 'question-and', label: 'AND' },
  { id: 'question-xor', label: 'XOR' },
] as const;

export function FixPath() {
  const t = useT();
  const config = useLab((s) => s.config);
  const presetId = useLab((s) => s.presetId);
  const applyPreset = useLab((s) => s.applyPreset);
  const loadConfig = useLab((s) => s.loadConfig);
  const [problem, setProblem] = useState<string | null>(null);
  const current = currentFixStep(config);
  const answer = PRESETS.find((p) => p.id === 'answer');

  const takeStep = (k: number) => {
    const step = FIX_STEPS[k];
    // the current seed stays, so each step can be compared on the same start
    const next = { ...step.config, seed: config.seed };
    setProblem(problemText(loadConfig(next, step.presetId && next.seed === step.config.seed ? step.presetId : null)));
  };

  return (
    <section className="card bl-start" aria-labelledby="bl-start-title">
      <div className="bl-start__bar">
        <h2 id="bl-start-title" className="bl-heading">
          {t('bl.start.title')}
        </h2>
        <div className="bl-start__presets" role="group" aria-label={t('bl.start.presets')}>
          <span className="bl-start__label">{t('bl.start.questionOn')}</span>
          {QUICK_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className="chip"
              aria-pressed={presetId === p.id}
              title={t(`preset.${p.id}.description`)}
              onClick={() => setProblem(problemText(applyPreset(p.id)))}
            >
              {p.label}
            </button>
          ))}
          {answer && (
            <button
              type="button"
              className="chip"
              aria-pressed={presetId === 'answer'}
              title={t('preset.answer.description')}
              onClick={() => setProblem(problemText(applyPreset('answer')))}
            >
              {t('bl.start.answer')}
            </button>
          )}
        </div>
      </div>
      <h3 className="bl-subheading">{t('bl.fix.title')}</h3>
      <ol className="bl-fix" aria-label={t('bl.fix.label')}>
        {FIX_STEPS.map((step, k) => (
          <li key={step.id} className={`bl-fix__step${k === current ? ' is-current' : ''}${current >= 0 && k < current ? ' is-done' : ''}`}>
            <button type="button" className="bl-fix__button" aria-pressed={k === current} onClick={() => takeStep(k)}>
              {t(`bl.fix.${step.id}.title`)}
            </button>
            <p className="bl-fix__change">{t(`bl.fix.${step.id}.change`)}</p>
          </li>
        ))}
      </ol>
      <p className="bl-hint">{t('bl.fix.hint')}</p>
      {problem && (
        <p className="bl-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
