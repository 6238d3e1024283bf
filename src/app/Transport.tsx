/** Play/Pause, Step, Reset and Speed: the run's transport, above the views. */
import { useLab } from '../store/hooks';
import type { Speed } from '../worker/protocol';
import { SelectField } from './fields';
import { SPEED_OPTIONS } from './labels';
import { STATUS_MESSAGE_ID } from './StatusLine';

export function Transport() {
  const running = useLab((s) => s.run.running);
  const speed = useLab((s) => s.speed);
  const togglePlay = useLab((s) => s.togglePlay);
  const step = useLab((s) => s.step);
  const reset = useLab((s) => s.reset);
  const setSpeed = useLab((s) => s.setSpeed);
  // a worker given up on: Play, Step and Reset cannot work, and say why (the status line's message)
  const halted = useLab((s) => s.run.halted);
  const why = halted ? { disabled: true, title: halted, 'aria-describedby': STATUS_MESSAGE_ID } : {};
  return (
    <div className="transport" role="group" aria-label="Run">
      <button type="button" className="button button--primary button--play" onClick={togglePlay} aria-keyshortcuts="Space" title="Space" {...why}>
        <span aria-hidden="true" className="button__icon">{running ? '❚❚' : '▶'}</span>
        {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="button" onClick={step} aria-keyshortcuts="ArrowRight" title="One epoch (→)" {...why}>
        <span aria-hidden="true" className="button__icon">▶❘</span>
        Step
      </button>
      <button type="button" className="button" onClick={reset} title="Back to the initial weights of this seed" {...why}>
        <span aria-hidden="true" className="button__icon">↺</span>
        Reset
      </button>
      <div className="transport__speed">
        <SelectField<Speed> label="Speed" value={speed} options={SPEED_OPTIONS} onChange={setSpeed} />
      </div>
    </div>
  );
}
