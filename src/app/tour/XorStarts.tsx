/** Step 6's starts: the question's [2,2,1] on XOR with the correct derivative, stuck and solved, and the stuck seed with four hidden units. */
import type { LabConfig } from '../../engine';
import { useLab, useLabStoreApi } from '../../store/hooks';
import { liveRunIsAt } from '../../store/storySlice';
import { XOR_SOLVED, XOR_STUCK, XOR_STUCK_FOUR_UNITS } from './tourRuns';
import { type MessageKey, useT } from '../../i18n/setup';

const STARTS: ReadonlyArray<{ label: MessageKey; config: LabConfig }> = [
  { label: 'tour.xorStuck', config: XOR_STUCK },
  { label: 'tour.xorSolved', config: XOR_SOLVED },
  { label: 'tour.xorFour', config: XOR_STUCK_FOUR_UNITS },
];

export function XorStarts() {
  const store = useLabStoreApi();
  const t = useT();
  const shown = useLab((s) =>
    STARTS.findIndex((start) => liveRunIsAt(s, start.config, start.config.epochs) || JSON.stringify(s.config) === JSON.stringify(start.config)),
  );
  const open = (config: LabConfig) => {
    store.getState().setStepStatus('running');
    void store
      .getState()
      .openRun(config, config.epochs)
      .then((problem) => store.getState().setStepStatus(problem ? 'error' : 'done', problem));
  };
  return (
    <div className="tour__choices" role="group" aria-label={t('tour.xorStarts')}>
      {STARTS.map((start, k) => (
        <button key={start.label} type="button" className="button button--small" aria-pressed={shown === k} onClick={() => open(start.config)}>
          {t(start.label, { seed: start.config.seed })}
        </button>
      ))}
    </div>
  );
}
