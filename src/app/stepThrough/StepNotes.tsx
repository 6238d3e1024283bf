/** Remarks on what the step-through shows: a run still training, and mini-batches (the pass is full-batch). */
import { useLabShallow, useLabStoreApi } from '../../store/hooks';
import { formatEpoch } from '../../views/format';

export function StepNotes({ shownEpoch }: { shownEpoch: number | null }) {
  const store = useLabStoreApi();
  const { running, batchSize, count } = useLabShallow((s) => ({ running: s.run.running, batchSize: s.config.batchSize, count: s.data?.count ?? 0 }));
  const miniBatches = batchSize > 0 && batchSize < count;
  if (!running && !miniBatches) return null;
  return (
    <div className="step-tab__notes">
      {running && (
        <p className="step-tab__note" role="status">
          The lab is training{shownEpoch === null ? '' : `; the step-through still shows the pass at epoch ${formatEpoch(shownEpoch)}`}. Pause to step through
          where the run has got to.
        </p>
      )}
      {miniBatches && (
        <p className="step-tab__note">
          The run trains in mini-batches of {batchSize} of the {count} samples. The step-through shows one pass over the whole batch (as <code>cli step</code>{' '}
          does), so its update is not the one the next epoch makes: Next epoch trains the run’s real epoch of {Math.ceil(count / batchSize)} smaller steps, and
          the next pass starts from there.{' '}
          <button type="button" className="link-button" onClick={() => store.getState().setConfig({ batchSize: 0 })}>
            Use the full batch
          </button>
        </p>
      )}
    </div>
  );
}
