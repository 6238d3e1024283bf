/** The Derivative switch (BP2 with f′(z) or the question's f′(a)), beside Play: one click, always in view. */
import type { DerivativeMode } from '../engine';
import { useConfigFields, useLab } from '../store/hooks';
import { Segmented } from './fields';
import { useT } from '../i18n/setup';

export function DerivativeSwitch() {
  const { derivative } = useConfigFields('derivative');
  const setConfig = useLab((s) => s.setConfig);
  const t = useT();
  const options = [
    { value: 'correct', label: t('training.correct') },
    { value: 'buggy', label: t('training.buggy') },
  ] as const;
  const meaning = t(derivative === 'correct' ? 'training.hintCorrect' : 'training.hintBuggy');
  return (
    <div className="derivative-switch" title={meaning}>
      <Segmented<DerivativeMode> label={t('setting.derivative.label')} value={derivative} options={options} onChange={(v) => setConfig({ derivative: v })} />
      <span className="visually-hidden" aria-live="polite">
        {meaning}
      </span>
    </div>
  );
}
