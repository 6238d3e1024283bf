/**
 * The Saturation view in Step through, on the pass the stepper shows: open from the start when the
 * tab was opened by "Inspect this epoch" (or the tour), folded otherwise. Only for sigmoid hidden layers.
 */
import { problemText } from '../../i18n/messageText';
import { useLab } from '../../store/hooks';
import type { InspectedPasses } from '../../worker/lab/inspectProtocol';
import { formatEpoch } from '../../views/format';
import { SaturationView } from '../../views/saturation/SaturationView';

export function SaturationSection({ shown }: { shown: InspectedPasses | null }) {
  const sample = useLab((s) => s.stepThrough.sample);
  const inspecting = useLab((s) => s.story.inspecting);
  const inspected = inspecting !== null;
  if (inspecting?.status === 'training')
    return (
      <p className="step-tab__note" role="status">
        Training the run to epoch {formatEpoch(inspecting.epoch)}…
      </p>
    );
  if (inspecting?.status === 'error')
    return (
      <p className="step-tab__note" role="alert">
        Inspect this epoch: {problemText(inspecting.error)}
      </p>
    );
  if (!shown || shown.network.sizes.length < 3 || shown.network.activations[0] !== 'sigmoid') return null;
  const shownSample = sample === 'mean' ? 0 : sample;
  return (
    <details id="saturation-section" className="card saturation-section" open={inspected}>
      <summary>
        Saturation at epoch {formatEpoch(shown.epoch)}
        {sample === 'mean' ? ' (sample 1: the batch mean has no single z)' : ''}
      </summary>
      <SaturationView pass={shown.pass} otherPass={shown.otherPass} mode={shown.options.derivative} sample={shownSample} />
    </details>
  );
}
