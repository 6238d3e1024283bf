/** The header's one-line keyboard hint; → follows the mode: the Step button (one epoch), or the step-through's Next step. */
import { useLab } from '../store/hooks';

export function KeyHint() {
  const stepping = useLab((s) => s.ui.mode === 'step');
  return (
    <p className="app__keys">
      <kbd>Space</kbd> play/pause · <kbd>→</kbd> {stepping ? 'next step' : 'step'} · <kbd>?</kbd> keys
    </p>
  );
}
