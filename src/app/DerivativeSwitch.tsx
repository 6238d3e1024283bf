/** The Derivative switch (BP2 with f′(z) or the question's f′(a)), beside Play: one click, always in view. */
import { CONFIG_SETTINGS, type DerivativeMode } from '../engine';
import { useConfigFields, useLab } from '../store/hooks';
import { Segmented } from './fields';

const OPTIONS = [
  { value: 'correct', label: 'Correct' },
  { value: 'buggy', label: 'Buggy' },
] as const;

export function DerivativeSwitch() {
  const { derivative } = useConfigFields('derivative');
  const setConfig = useLab((s) => s.setConfig);
  const meaning = derivative === 'correct' ? 'BP2 uses f′(zˡ), the derivative at the pre-activation.' : 'BP2 uses f′(aˡ): the question’s slip, the derivative evaluated at the activation.';
  return (
    <div className="derivative-switch" title={meaning}>
      <Segmented<DerivativeMode> label={CONFIG_SETTINGS.derivative.label} value={derivative} options={OPTIONS} onChange={(v) => setConfig({ derivative: v })} />
      <span className="visually-hidden" aria-live="polite">
        {meaning}
      </span>
    </div>
  );
}
