/**
 * The Saturation view in Step through, on the pass the stepper shows: open from the start when the
 * tab was opened by "Inspect this epoch" (or the tour), folded otherwise. Only for sigmoid hidden layers.
 */
import { problemText } from '../../i18n/messageText';
import { useLab } from '../../store/hooks';
import type { InspectedPasses } from '../../worker/lab/inspectProtocol';
import { formatEpoch } from '../../views/format';
import { SaturationView } from '../../views/saturation/SaturationView';
import { useT } from '../../i18n/setup';

export function SaturationSection({ shown }: { shown: InspectedPasses | null }) {
  const t = useT();
  const sample = useLab((s) => s.stepThrough.sample);
  const inspecting = useLab((s) => s.story.inspecting);
  const inspected = inspecting !== null;
  if (inspecting?.status === 'training')
    return (
      <p className="step-tab__note" role="status">
        {t('step.saturation.training', { epoch: formatEpoch(inspecting.epoch) })}
      </p>
    );
  if (inspecting?.status === 'error')
    return (
      <p className="step-tab__note" role="alert">
        {t('step.saturation.inspectError', { error: problemText(inspecting.error) ?? '' })}
      </p>
    );
  if (!shown || shown.network.sizes.length < 3 || shown.network.activations[0] !== 'sigmoid') return null;
  const shownSample = sample === 'mean' ? 0 : sample;
  return (
    <details id="saturation-section" className="card saturation-section" open={inspected}>
      <summary>{t('step.saturation.summary', { epoch: formatEpoch(shown.epoch), mean: sample === 'mean' ? 'yes' : 'no' })}</summary>
      <SaturationView pass={shown.pass} otherPass={shown.otherPass} mode={shown.options.derivative} sample={shownSample} />
    </details>
  );
}
