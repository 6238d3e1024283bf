/** The header's one-line keyboard hint; → follows the mode: the Step button (one epoch), or the step-through's Next step. */
import { useLab } from '../store/hooks';
import { useT } from '../i18n/setup';
import { withNodes } from '../i18n/Rich';

export function KeyHint() {
  const stepping = useLab((s) => s.ui.mode === 'step');
  // the worker was given up on: the keys would do nothing, so the hint says so instead of offering them
  const halted = useLab((s) => s.run.halted !== null);
  const t = useT();
  const help = <kbd>?</kbd>;
  if (halted) return <p className="app__keys">{withNodes((slots) => t('keys.halted', slots), { help })}</p>;
  return (
    <p className="app__keys">
      {withNodes((slots) => t(stepping ? 'keys.hintStepping' : 'keys.hint', slots), { space: <kbd>{t('keys.space')}</kbd>, right: <kbd>→</kbd>, help })}
    </p>
  );
}
