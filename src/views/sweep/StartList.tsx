/** A list of a sweep's starts as buttons; a click opens that seed in the lab with the chosen derivative. */
import { useState } from 'react';
import type { DerivativeMode, SweepStartRecord } from '../../engine';
import { formatNumber } from '../format';
import { t as translate, useT } from '../../i18n/setup';

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

const state = (r: SweepStartRecord, mode: DerivativeMode) => (r[mode].diverged ? 'diverged' : r[mode].solved ? 'solved' : 'notSolved');

/** "seed 7: final cost correct 0.01 (solved), buggy 0.48 (not solved)" */
const seedTitle = (r: SweepStartRecord) =>
  translate('bl.list.seedTitle', {
    seed: r.seed,
    correct: formatNumber(r.correct.finalCost),
    correctState: state(r, 'correct'),
    buggy: formatNumber(r.buggy.finalCost),
    buggyState: state(r, 'buggy'),
  });

export function StartList({ title, indices, records, derivative, onDerivativeChange, onOpenStart, onInspectStart }: StartListProps) {
  const t = useT();
  const [inspect, setInspect] = useState(false);
  const open = inspect && onInspectStart ? onInspectStart : onOpenStart;
  return (
    <section className="bl-sweep__starts" aria-label={t('bl.list.label')}>
      <div className="bl-sweep__starts-bar">
        <span className="bl-sweep__starts-title">{title}</span>
        <span className="bl-sweep__open-with">
          {t('bl.list.openWith')}
          <span className="bl-toggle" role="group" aria-label={t('bl.list.openWithLabel')}>
            {(['correct', 'buggy'] as const).map((mode) => (
              <button key={mode} type="button" aria-pressed={derivative === mode} onClick={() => onDerivativeChange(mode)}>
                {t(mode === 'correct' ? 'bl.mode.correct' : 'bl.mode.buggy')}
              </button>
            ))}
          </span>
        </span>
        {onInspectStart && (
          <span className="bl-sweep__open-with">
            {t('bl.list.in')}
            <span className="bl-toggle" role="group" aria-label={t('bl.list.inLabel')}>
              <button type="button" aria-pressed={!inspect} onClick={() => setInspect(false)}>
                {t('tabs.live')}
              </button>
              <button type="button" aria-pressed={inspect} onClick={() => setInspect(true)}>
                {t('bl.list.lastEpoch')}
              </button>
            </span>
          </span>
        )}
      </div>
      {indices.length === 0 ? (
        <p className="bl-sweep__hint">{t('bl.list.none')}</p>
      ) : (
        <ul className="bl-sweep__seeds">
          {indices.map((k) => {
            const r = records[k];
            return (
              <li key={r.seed}>
                <button
                  type="button"
                  className={r[derivative].solved ? 'is-solved' : 'is-unsolved'}
                  aria-label={t(inspect && onInspectStart ? 'bl.list.inspect' : 'bl.list.open', { seed: r.seed, mode: derivative })}
                  title={seedTitle(r)}
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
