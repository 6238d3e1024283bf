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
import { currentLanguage, t, useT } from '../../i18n/setup';
import { TwinView } from '../../views/twin/TwinView';
import { twinCostSource, twinSeriesLabels } from '../../views/twin/twinCostSource';
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
  const t = useT();
  const language = currentLanguage();
  const running = twin.status === 'running';
  const result = twin.result;
  // the series' names are in the page's language: a switch rebuilds the source
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read by twinSeriesLabels through t()
  const costs = useMemo(() => twinCostSource(result?.correct.costs ?? EMPTY, result?.buggy.costs ?? EMPTY, twinSeriesLabels()), [result, language]);

  return (
    <section className="card bl-section" aria-labelledby="bl-twin-title">
      <h2 id="bl-twin-title" className="bl-heading">
        {t('bl.twin.title')}
      </h2>
      <div className="bl-toolbar">
        <button type="button" className="button button--primary" disabled={running} onClick={() => void runTwin()}>
          {t('bl.twin.run')}
        </button>
        {running && (
          <button type="button" className="button" onClick={cancelTwin}>
            {t('bl.cancel')}
          </button>
        )}
        <span className="bl-hint">{t('bl.twin.hint', { seed, count: epochs, n: formatEpoch(epochs) })}</span>
      </div>
      {running && twin.progress && <TwinProgressBar job={twin} />}
      {twin.status === 'cancelled' && <p className="bl-hint">{t('bl.twin.cancelled')}</p>}
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
        twin.status === 'idle' && <p className="bl-hint">{t('bl.twin.none')}</p>
      )}
    </section>
  );
}

function TwinProgressBar({ job }: { job: TwinJob }) {
  const { epoch, epochs, timeLeftMs } = job.progress!;
  const text = useT()('bl.twin.progress', { epoch: formatEpoch(epoch), epochs: formatEpoch(epochs), timeLeft: formatTimeLeft(timeLeftMs) });
  return (
    <div className="bl-progress">
      <div
        role="progressbar"
        aria-label={t('bl.twin.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={epochs}
        aria-valuenow={epoch}
        aria-valuetext={text}
        className="bl-progress__track"
      >
        <div className="bl-progress__fill" style={{ width: `${epochs > 0 ? (100 * epoch) / epochs : 0}%` }} />
      </div>
      <span>{text}</span>
    </div>
  );
}

/** How each twin ended, then what ran. */
function TwinVerdict({ job }: { job: TwinJob }) {
  const t = useT();
  const result = job.result!;
  const names = twinSeriesLabels();
  const side = (mode: 'correct' | 'buggy') => {
    const r = result[mode];
    return t('bl.twin.side', {
      name: names[mode],
      state: r.divergence ? 'diverged' : r.solved ? 'solved' : 'notSolved',
      epoch: r.divergence ? formatEpoch(r.divergence.epoch) : '',
      cost: formatNumber(r.finalCost),
    });
  };
  const largest = result.largestDifference;
  const label = largest ? result.labels.find((l) => l.index === largest.index) : undefined;
  return (
    <div>
      <InspectGap job={job} />
      <p className="bl-result" aria-live="polite">
        {t('bl.twin.verdict', {
          correct: side('correct'),
          buggy: side('buggy'),
          largest: label && largest ? 'yes' : 'no',
          name: label?.name ?? '',
          value: largest ? formatSigned(largest.value) : '',
        })}
      </p>
      <p className="bl-hint">
        {t('bl.twin.ran', {
          setup: describeSetup(job.config!),
          seed: job.config!.seed,
          count: job.config!.epochs,
          n: formatEpoch(job.config!.epochs),
          time: formatSeconds(job.elapsedMs),
        })}
      </p>
    </div>
  );
}

/** Opens the f′(a) twin in Step through at the epoch where the two cost curves are furthest apart. */
function InspectGap({ job }: { job: TwinJob }) {
  const t = useT();
  const inspectEpoch = useLab((s) => s.inspectEpoch);
  const gap = useMemo(() => (job.result ? largestCostGap(job.result.correct.costs, job.result.buggy.costs) : null), [job.result]);
  if (!gap || !job.config) return null;
  return (
    <p className="bl-toolbar">
      <button type="button" className="button button--small" onClick={() => void inspectEpoch({ ...job.config!, derivative: 'buggy' }, gap.epoch)}>
        {t('bl.twin.inspect')}
      </button>
      <span className="bl-hint">
        {t('bl.twin.inspectHint', { epoch: formatEpoch(gap.epoch), buggy: formatNumber(gap.buggyCost), correct: formatNumber(gap.correctCost) })}
      </span>
    </p>
  );
}
