/** A list of a sweep's starts as buttons; a click opens that seed in the lab with the chosen derivative. */
import { useState } from 'react';
import type { DerivativeMode, SweepStartRecord } from '../../engine';
import { formatNumber } from '../format';

export interface StartListProps {
  title: string;
  /** the starts to list, as indices into `records` */
  indices: readonly number[];
  records: readonly SweepStartRecord[];
  derivative: DerivativeMode;
  onDerivativeChange(derivative: DerivativeMode): void;
  onOpenStart(seed: number, derivative: DerivativeMode): void;
  /** opens the start at its last epoch in Step through instead (shown as a choice when given) */
  onInspectStart?(seed: number, derivative: DerivativeMode): void;
}

const outcome = (r: SweepStartRecord, mode: DerivativeMode): string =>
  `${mode} ${formatNumber(r[mode].finalCost)} (${r[mode].diverged ? 'diverged' : r[mode].solved ? 'solved' : 'not solved'})`;

export function StartList({ title, indices, records, derivative, onDerivativeChange, onOpenStart, onInspectStart }: StartListProps) {
  const [inspect, setInspect] = useState(false);
  const open = inspect && onInspectStart ? onInspectStart : onOpenStart;
  return (
    <section className="bl-sweep__starts" aria-label="Starts">
      <div className="bl-sweep__starts-bar">
        <span className="bl-sweep__starts-title">{title}</span>
        <span className="bl-sweep__open-with">
          open with
          <span className="bl-toggle" role="group" aria-label="Open starts with">
            {(['correct', 'buggy'] as const).map((mode) => (
              <button key={mode} type="button" aria-pressed={derivative === mode} onClick={() => onDerivativeChange(mode)}>
                {mode === 'correct' ? 'Correct' : 'Buggy'}
              </button>
            ))}
          </span>
        </span>
        {onInspectStart && (
          <span className="bl-sweep__open-with">
            in
            <span className="bl-toggle" role="group" aria-label="Open starts in">
              <button type="button" aria-pressed={!inspect} onClick={() => setInspect(false)}>
                Live lab
              </button>
              <button type="button" aria-pressed={inspect} onClick={() => setInspect(true)}>
                Step through, last epoch
              </button>
            </span>
          </span>
        )}
      </div>
      {indices.length === 0 ? (
        <p className="bl-sweep__hint">No starts here.</p>
      ) : (
        <ul className="bl-sweep__seeds">
          {indices.map((k) => {
            const r = records[k];
            return (
              <li key={r.seed}>
                <button
                  type="button"
                  className={r[derivative].solved ? 'is-solved' : 'is-unsolved'}
                  aria-label={`${inspect && onInspectStart ? 'Inspect the last epoch of' : 'Open'} seed ${r.seed} with the ${derivative} derivative`}
                  title={`seed ${r.seed}: final cost ${outcome(r, 'correct')}, ${outcome(r, 'buggy')}`}
                  onClick={() => open(r.seed, derivative)}
                >
                  {r.seed}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
