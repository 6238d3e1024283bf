/**
 * The sweep panel: how many starts, Run sweep / Cancel, a progress bar with the time left, then the
 * success rates of the correct and the buggy derivative with 95% intervals, a log-scale histogram
 * of final costs, and the starts behind any bar (a click opens that seed in the lab).
 *
 * Props (all numbers come from the engine's sweep summary; this view only lays them out):
 * - status: 'idle' | 'running' | 'done' | 'cancelled' | 'error'
 * - progress: { done, total, timeLeftMs (null until known) } while running (the pool's SweepProgress fits)
 * - summary: SweepSummary (engine summarizeSweep / the pool's outcome) or null
 * - error: a message to show (status 'error'), e.g. from the pool
 * - defaultStarts (100), maxStarts (1000): the starts input; its text is validated here
 * - epochs: epochs per start, for the caption
 * - onRun(starts), onCancel(), onOpenStart(seed, derivative)
 */
import { useState } from 'react';
import { Caption } from '../Caption';
import type { DerivativeMode, StartOutcome, SweepSummary } from '../../engine';
import { formatEpoch, formatNumber } from '../format';
import { SERIES_COLORS } from '../palette';
import { StartList } from './StartList';
import { StartsInput } from './StartsInput';
import { type BinPick, SweepHistogram, binRangeText } from './SweepHistogram';
import { formatRateInterval, formatTimeLeft } from './sweepFormat';
import '../views.css';
import './sweep.css';
import { type MessageKey, useT } from '../../i18n/setup';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface SweepProgressView {
  done: number;
  total: number;
  timeLeftMs: number | null;
}

export interface SweepPanelProps {
  status: SweepStatus;
  progress: SweepProgressView | null;
  summary: SweepSummary | null;
  error?: string | null;
  defaultStarts?: number;
  maxStarts?: number;
  epochs?: number;
  onRun(starts: number): void;
  onCancel(): void;
  onOpenStart(seed: number, derivative: DerivativeMode): void;
  /** opens a start at its last epoch in Step through */
  onInspectStart?(seed: number, derivative: DerivativeMode): void;
}

const COLORS: readonly [string, string] = [SERIES_COLORS[0], SERIES_COLORS[1]];

const OUTCOMES: ReadonlyArray<{ id: StartOutcome; derivative: DerivativeMode }> = [
  { id: 'correctOnly', derivative: 'buggy' },
  { id: 'buggyOnly', derivative: 'correct' },
  { id: 'neither', derivative: 'correct' },
  { id: 'both', derivative: 'buggy' },
];
const outcomeKey = (id: StartOutcome): MessageKey => `bl.sweep.outcome.${id}`;

type Pick = { kind: 'bin'; bin: BinPick } | { kind: 'outcome'; outcome: StartOutcome };

export function SweepPanel({
  status,
  progress,
  summary,
  error = null,
  defaultStarts = 100,
  maxStarts = 1000,
  epochs,
  onRun,
  onCancel,
  onOpenStart,
  onInspectStart,
}: SweepPanelProps) {
  const t = useT();
  const [pick, setPick] = useState<Pick | null>(null);
  const [openWith, setOpenWith] = useState<DerivativeMode>('buggy');
  const running = status === 'running';

  // a new summary starts with nothing picked
  const [shownSummary, setShownSummary] = useState(summary);
  if (shownSummary !== summary) {
    setShownSummary(summary);
    setPick(null);
  }

  // computed each render: cheap, and its title follows a language switch
  const listed = (() => {
    if (!summary || !pick) return null;
    if (pick.kind === 'bin') {
      const bin = summary.histogram.bins[pick.bin.bin];
      if (!bin) return null;
      const s = pick.bin.derivative === 'correct' ? 0 : 1;
      const title = t('bl.sweep.binTitle', { mode: pick.bin.derivative, range: binRangeText(bin), count: bin.counts[s], n: formatEpoch(bin.counts[s]) });
      return { title, indices: bin.members[s] };
    }
    const seeds = summary.outcomes[pick.outcome];
    const title = t('bl.sweep.outcomeTitle', { label: t(outcomeKey(pick.outcome)), n: formatEpoch(seeds.length) });
    return { title, indices: seeds.map((seed) => seed - summary.firstSeed) };
  })();

  return (
    <figure className="bl-view bl-sweep" aria-label={t('bl.sweep.figure')}>
      <StartsInput
        label={t('bl.sweep.starts')}
        runLabel={t('bl.sweep.run')}
        defaultStarts={defaultStarts}
        maxStarts={maxStarts}
        running={running}
        onRun={onRun}
        onCancel={onCancel}
      >
        <span className="bl-sweep__note">{epochs ? t('bl.sweep.noteEpochs', { count: epochs, n: formatEpoch(epochs) }) : t('bl.sweep.note')}</span>
      </StartsInput>
      {running && progress && (
        <div className="bl-sweep__progress">
          <div
            role="progressbar"
            aria-label={t('bl.sweep.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={progressText(t, progress, 'bl.sweep.progressValue')}
            className="bl-sweep__track"
          >
            <div className="bl-sweep__fill" style={{ width: `${progress.total > 0 ? (100 * progress.done) / progress.total : 0}%` }} />
          </div>
          <span>{progressText(t, progress)}</span>
        </div>
      )}
      {status === 'cancelled' && (
        <p className="bl-sweep__hint">
          {progress
            ? t('bl.sweep.cancelledAfter', { done: formatEpoch(progress.done), count: progress.total, total: formatEpoch(progress.total) })
            : t('bl.sweep.cancelled')}
        </p>
      )}
      {status === 'error' && error && (
        <p className="bl-sweep__error" role="alert">
          {error}
        </p>
      )}
      <p className="bl-sweep__result" aria-live="polite">
        {summary ? t('bl.sweep.result', { correct: formatRateInterval(summary.correct), buggy: formatRateInterval(summary.buggy) }) : ''}
      </p>
      {summary && (
        <>
          <p className="bl-sweep__details">{detailsText(t, summary)}</p>
          <ul className="bl-cost__legend bl-sweep__legend">
            {[t('gates.correct'), t('gates.buggy')].map((name, s) => (
              <li key={name}>
                <span className="bl-sweep__swatch" style={{ background: COLORS[s] }} />
                {name}
              </li>
            ))}
          </ul>
          <SweepHistogram
            histogram={summary.histogram}
            colors={COLORS}
            selected={pick?.kind === 'bin' ? pick.bin : null}
            onSelect={(bin) => {
              setPick({ kind: 'bin', bin });
              setOpenWith(bin.derivative);
            }}
          />
          <div className="bl-sweep__outcomes" role="group" aria-label={t('bl.sweep.outcomes')}>
            {OUTCOMES.map((o) => (
              <button
                key={o.id}
                type="button"
                aria-pressed={pick?.kind === 'outcome' && pick.outcome === o.id}
                disabled={summary.outcomes[o.id].length === 0}
                onClick={() => {
                  setPick({ kind: 'outcome', outcome: o.id });
                  setOpenWith(o.derivative);
                }}
              >
                {t('bl.sweep.outcomeButton', { label: t(outcomeKey(o.id)), n: formatEpoch(summary.outcomes[o.id].length) })}
              </button>
            ))}
          </div>
          {listed ? (
            <StartList
              title={listed.title}
              indices={listed.indices}
              records={summary.records}
              derivative={openWith}
              onDerivativeChange={setOpenWith}
              onOpenStart={onOpenStart}
              onInspectStart={onInspectStart}
            />
          ) : (
            <p className="bl-sweep__hint">{t('bl.sweep.pickHint')}</p>
          )}
        </>
      )}
      <Caption>{t('bl.sweep.caption')}</Caption>
    </figure>
  );
}

/** "3 / 100 starts · about 12 s left" (or, for a screen reader, "3 of 100 starts, about 12 s left") */
function progressText(
  t: ReturnType<typeof useT>,
  progress: SweepProgressView,
  key: 'bl.sweep.progress' | 'bl.sweep.progressValue' = 'bl.sweep.progress',
): string {
  return t(key, {
    done: formatEpoch(progress.done),
    count: progress.total,
    total: formatEpoch(progress.total),
    timeLeft: formatTimeLeft(progress.timeLeftMs),
  });
}

/** "100 starts (seeds 1–100) · median final cost: correct …, buggy …", and the diverged counts when there are any. */
function detailsText(t: ReturnType<typeof useT>, summary: SweepSummary): string {
  const details = t('bl.sweep.details', {
    count: summary.starts,
    n: formatEpoch(summary.starts),
    first: summary.firstSeed,
    last: summary.firstSeed + summary.starts - 1,
    correct: formatNumber(summary.correct.medianFinalCost),
    buggy: formatNumber(summary.buggy.medianFinalCost),
  });
  if (summary.correct.diverged + summary.buggy.diverged === 0) return details;
  return t('bl.sweep.diverged', { details, correct: formatEpoch(summary.correct.diverged), buggy: formatEpoch(summary.buggy.diverged) });
}
