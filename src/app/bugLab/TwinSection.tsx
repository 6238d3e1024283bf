/**
 * The twin run: one control trains the current configuration twice in lockstep (correct f′(z) and
 * buggy f′(a), the same initial weights and data) on a worker of its own; progress and Cancel
 * while it runs, then both cost curves, both decision boundaries and the per-weight difference.
 */
import { problemText } from '../../i18n/messageText';
import { useMemo, useState } from 'react';
import { bugLabEpochs } from '../../store/bugLabSlice';
import { useLab } from '../../store/hooks';
import type { TwinJob } from '../../store/bugLabSlice';
import type { CostScale } from '../../views/costCurve/frame';
import { formatEpoch, formatNumber, formatSigned } from '../../views/format';
import { formatTimeLeft } from '../../views/sweep/sweepFormat';
import { TwinView } from '../../views/twin/TwinView';
import { TWIN_SERIES_LABELS, twinCostSource } from '../../views/twin/twinCostSource';
import { describeSetup, formatSeconds } from './describe';
import { largestCostGap } from '../tour/largestCostGap';

const EMPTY = new Float64Array(0);

export function TwinSection() {
  const twin = useLab((s) => s.bugLab.twin);
  const epochs = useLab(bugLabEpochs);
  const seed = useLab((s) => s.config.seed);
  const runTwin = useLab((s) => s.runTwin);
  const cancelTwin = useLab((s) => s.cancelTwin);
  const [rounded, setRounded] = useState(false);
  const [scale, setScale] = useState<CostScale>('log');
  const running = twin.status === 'running';
  const result = twin.result;
  const costs = useMemo(() => twinCostSource(result?.correct.costs ?? EMPTY, result?.buggy.costs ?? EMPTY), [result]);

  return (
    <section className="card bl-section" aria-labelledby="bl-twin-title">
      <h2 id="bl-twin-title" className="bl-heading">
        Twin run
      </h2>
      <div className="bl-toolbar">
        <button type="button" className="button button--primary" disabled={running} onClick={() => void runTwin()}>
          Twin run
        </button>
        {running && (
          <button type="button" className="button" onClick={cancelTwin}>
            Cancel
          </button>
        )}
        <span className="bl-hint">
          seed {seed}, {formatEpoch(epochs)} epochs: the current configuration trained twice in lockstep, with f′(z) and with f′(a), from the same weights and
          data
        </span>
      </div>
      {running && twin.progress && <TwinProgressBar job={twin} />}
      {twin.status === 'cancelled' && <p className="bl-hint">Twin run cancelled.</p>}
      {twin.status === 'error' && (
        <p className="bl-problem" role="alert">
          {problemText(twin.error)}
        </p>
      )}
      {result && twin.config && <TwinVerdict job={twin} />}
      {result && twin.config ? (
        <TwinView
          costs={costs}
          data={twin.data}
          grids={{ correct: twin.grids?.correct ?? null, buggy: twin.grids?.buggy ?? null }}
          outputs={{ correct: result.correct.outputs, buggy: result.buggy.outputs }}
          labels={result.labels}
          params={{ correct: result.correct.params, buggy: result.buggy.params }}
          difference={result.difference}
          largest={result.largestDifference}
          epoch={Math.max(result.correct.costs.length, result.buggy.costs.length)}
          rounded={rounded}
          onRoundedChange={setRounded}
          scale={scale}
          onScaleChange={setScale}
        />
      ) : (
        twin.status === 'idle' && <p className="bl-hint">No twin run yet: press Twin run.</p>
      )}
    </section>
  );
}

function TwinProgressBar({ job }: { job: TwinJob }) {
  const { epoch, epochs, timeLeftMs } = job.progress!;
  return (
    <div className="bl-progress">
      <div
        role="progressbar"
        aria-label="Twin run progress"
        aria-valuemin={0}
        aria-valuemax={epochs}
        aria-valuenow={epoch}
        aria-valuetext={`epoch ${formatEpoch(epoch)} of ${formatEpoch(epochs)}, ${formatTimeLeft(timeLeftMs)}`}
        className="bl-progress__track"
      >
        <div className="bl-progress__fill" style={{ width: `${epochs > 0 ? (100 * epoch) / epochs : 0}%` }} />
      </div>
      <span>
        epoch {formatEpoch(epoch)} of {formatEpoch(epochs)} · {formatTimeLeft(timeLeftMs)}
      </span>
    </div>
  );
}

/** How each twin ended, then what ran. */
function TwinVerdict({ job }: { job: TwinJob }) {
  const result = job.result!;
  const side = (mode: 'correct' | 'buggy') => {
    const r = result[mode];
    const state = r.divergence ? `diverged at epoch ${formatEpoch(r.divergence.epoch)}` : r.solved ? 'solved' : 'not solved';
    return `${TWIN_SERIES_LABELS[mode]} ${state} (cost ${formatNumber(r.finalCost)})`;
  };
  const largest = result.largestDifference;
  const label = largest ? result.labels.find((l) => l.index === largest.index) : undefined;
  return (
    <div>
      <InspectGap job={job} />
      <p className="bl-result" aria-live="polite">
        {side('correct')} · {side('buggy')}
        {label && largest && ` · largest difference ${label.name}: ${formatSigned(largest.value)}`}
      </p>
      <p className="bl-hint">
        {describeSetup(job.config!)}, seed {job.config!.seed}, {formatEpoch(job.config!.epochs)} epochs; {formatSeconds(job.elapsedMs)} in the worker
      </p>
    </div>
  );
}

/** Opens the f′(a) twin in Step through at the epoch where the two cost curves are furthest apart. */
function InspectGap({ job }: { job: TwinJob }) {
  const inspectEpoch = useLab((s) => s.inspectEpoch);
  const gap = useMemo(() => (job.result ? largestCostGap(job.result.correct.costs, job.result.buggy.costs) : null), [job.result]);
  if (!gap || !job.config) return null;
  return (
    <p className="bl-toolbar">
      <button type="button" className="button button--small" onClick={() => void inspectEpoch({ ...job.config!, derivative: 'buggy' }, gap.epoch)}>
        Inspect this epoch
      </button>
      <span className="bl-hint">
        epoch {formatEpoch(gap.epoch)}, where the costs differ most ({formatNumber(gap.buggyCost)} with f′(a), {formatNumber(gap.correctCost)} with f′(z)): the
        f′(a) run in Step through
      </span>
    </p>
  );
}
