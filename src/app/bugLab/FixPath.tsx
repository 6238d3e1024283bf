/**
 * The bug lab's starting points: the question's preset on OR, AND or XOR, the answer's network,
 * and the fix path from the question's XOR to a network that solves XOR reliably; each step says what it changes.
 */
import { problemText } from '../../i18n/messageText';
import { useState } from 'react';
import { PRESETS } from '../../engine';
import { useLab } from '../../store/hooks';
import { FIX_STEPS, currentFixStep } from './fixPath';

const QUICK_PRESETS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'question-or', label: 'OR' },
  { id: 'question-and', label: 'AND' },
  { id: 'question-xor', label: 'XOR' },
];

export function FixPath() {
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
          Start from
        </h2>
        <div className="bl-start__presets" role="group" aria-label="Bug lab presets">
          <span className="bl-start__label">The question on</span>
          {QUICK_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className="chip"
              aria-pressed={presetId === p.id}
              title={PRESETS.find((x) => x.id === p.id)?.description}
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
              title={answer.description}
              onClick={() => setProblem(problemText(applyPreset('answer')))}
            >
              The answer (2-4-1 ReLU)
            </button>
          )}
        </div>
      </div>
      <h3 className="bl-subheading">Fix path: from the question’s XOR to a network that solves it</h3>
      <ol className="bl-fix" aria-label="Fix path">
        {FIX_STEPS.map((step, k) => (
          <li key={step.id} className={`bl-fix__step${k === current ? ' is-current' : ''}${current >= 0 && k < current ? ' is-done' : ''}`}>
            <button type="button" className="bl-fix__button" aria-pressed={k === current} onClick={() => takeStep(k)}>
              {step.title}
            </button>
            <p className="bl-fix__change">{step.change}</p>
          </li>
        ))}
      </ol>
      <p className="bl-hint">Each step keeps the current seed and starts the live run again; press Twin run or Run sweep to see what the step changed.</p>
      {problem && (
        <p className="bl-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
