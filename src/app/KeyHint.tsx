/** The header's one-line keyboard hint; → follows the mode: the Step button (one epoch), or the step-through's Next step. */
import { useLab } from '../store/hooks';

export function KeyHint() {
  const stepping = useLab((s) => s.ui.mode === 'step');
  // the worker was given up on: the keys would do nothing, so the hint says so instead of offering them
  const halted = useLab((s) => s.run.halted !== null);
  if (halted) return <p className="app__keys">Training is stopped: reload the page · <kbd>?</kbd> keys</p>;
  return (
    <p className="app__keys">
      <kbd>Space</kbd> play/pause · <kbd>→</kbd> {stepping ? 'next step' : 'step'} · <kbd>?</kbd> keys
    </p>
  );
}
