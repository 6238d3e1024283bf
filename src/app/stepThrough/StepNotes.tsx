/**
 * Remarks on what the step-through shows: a run still training, mini-batches (the pass is
 * full-batch), and what a pass or check of a big network left out (built here from the records'
 * numbers, in the page's language).
 */
import type { ReactNode } from 'react';
import type { CheckedGradients, InspectedPasses } from '../../worker/lab/inspectProtocol';
import { useLabShallow, useLabStoreApi } from '../../store/hooks';
import { formatEpoch } from '../../views/format';
import { t, useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';

export function StepNotes({ shownEpoch }: { shownEpoch: number | null }) {
  const t = useT();
  const store = useLabStoreApi();
  const { running, batchSize, count } = useLabShallow((s) => ({ running: s.run.running, batchSize: s.config.batchSize, count: s.data?.count ?? 0 }));
  const miniBatches = batchSize > 0 && batchSize < count;
  if (!running && !miniBatches) return null;
  return (
    <div className="step-tab__notes">
      {running && (
        <p className="step-tab__note" role="status">
          {t('step.notes.running', { shown: shownEpoch === null ? 'no' : 'yes', epoch: formatEpoch(shownEpoch ?? 0) })}
        </p>
      )}
      {miniBatches && (
        <p className="step-tab__note">
          {withNodes((marks) => t('step.notes.miniBatches', { ...marks, size: batchSize, count, steps: Math.ceil(count / batchSize) }), {
            command: <code>cli step</code>,
          })}{' '}
          <button type="button" className="link-button" onClick={() => store.getState().setConfig({ batchSize: 0 })}>
            {t('step.notes.fullBatch')}
          </button>
        </p>
      )}
    </div>
  );
}

/** What a pass of a big network left out (each sample's gradient, later samples' values), or null when it kept everything. */
export function passesNote({ network, pass }: Pick<InspectedPasses, 'network' | 'pass'>): string | null {
  const gradients = pass.sampleGradients === null;
  const samples = pass.keptSamples < pass.count;
  if (!gradients && !samples) return null;
  return t('step.notes.bounded', {
    gradients: gradients ? 'dropped' : 'kept',
    samples: samples ? 'cut' : 'all',
    count: formatEpoch(pass.count),
    params: formatEpoch(network.params.length),
    kept: formatEpoch(pass.keptSamples),
  });
}

/** Why the gradient check used fewer samples than the data has, or none at all; null when it used them all. */
export function checkNote(checked: Pick<CheckedGradients, 'check' | 'samplesChecked' | 'sampleCount'>, parameters: number): ReactNode {
  const params = formatEpoch(parameters);
  if (checked.samplesChecked === 0)
    return withNodes((marks) => t('step.notes.checkTooBig', { ...marks, params }), {
      command: <code>npm run cli -- gradcheck --network FILE --force</code>,
    });
  if (checked.samplesChecked < checked.sampleCount)
    return t('step.notes.checkSubset', { checked: formatEpoch(checked.samplesChecked), count: formatEpoch(checked.sampleCount), params });
  return null;
}
