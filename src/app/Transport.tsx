/** Play/Pause, Step, Reset and Speed: the run's transport, above the views. */
import { useLab } from '../store/hooks';
import type { Speed } from '../worker/lab/protocol';
import { SelectField } from './fields';
import { speedOptions } from './labels';
import { useT } from '../i18n/setup';
import { STATUS_MESSAGE_ID } from './StatusLine';
import { problemText } from '../i18n/messageText';
import { atEpochLimit } from '../store/runSlice';
import { formatEpoch } from '../views/format';

export function Transport() {
  const running = useLab((s) => s.run.running);
  const speed = useLab((s) => s.speed);
  const togglePlay = useLab((s) => s.togglePlay);
  const step = useLab((s) => s.trainOneEpoch);
  const reset = useLab((s) => s.reset);
  const setSpeed = useLab((s) => s.setSpeed);
  // a worker given up on: Play, Step and Reset cannot work, and say why (the status line's message)
  const halted = useLab((s) => s.run.halted);
  // at the epoch limit Play trains on past it (runSlice.play): its tooltip says to which epoch
  const onwardsTo = useLab((s) => (atEpochLimit(s) ? s.run.epoch + s.stop.maxEpochs : null));
  const t = useT();
  const why = halted ? { disabled: true, title: problemText(halted), 'aria-describedby': STATUS_MESSAGE_ID } : {};
  return (
    <div className="transport" role="group" aria-label={t('transport.label')}>
      <button
        type="button"
        className="button button--primary button--play"
        onClick={togglePlay}
        aria-keyshortcuts="Space"
        title={
          onwardsTo === null ? t('transport.playTitle') : `${t('runstate.playContinues', { epoch: formatEpoch(onwardsTo) })} (${t('transport.playTitle')})`
        }
        {...why}
      >
        <span aria-hidden="true" className="button__icon">
          {running ? '❚❚' : '▶'}
        </span>
        {running ? t('transport.pause') : t('transport.play')}
      </button>
      <button type="button" className="button" onClick={step} aria-keyshortcuts="ArrowRight" title={t('transport.stepTitle')} {...why}>
        <span aria-hidden="true" className="button__icon">
          ▶❘
        </span>
        {t('transport.step')}
      </button>
      <button type="button" className="button" onClick={reset} title={t('transport.resetTitle')} {...why}>
        <span aria-hidden="true" className="button__icon">
          ↺
        </span>
        {t('transport.reset')}
      </button>
      <div className="transport__speed">
        <SelectField<Speed> label={t('transport.speed')} value={speed} options={speedOptions(t)} onChange={setSpeed} />
      </div>
    </div>
  );
}
