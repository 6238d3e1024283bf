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
import { useMemo, useState } from 'react';
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

const OUTCOMES: ReadonlyArray<{ id: StartOutcome; label: string; derivative: DerivativeMode }> = [
  { id: 'correctOnly', label: 'only correct solved', derivative: 'buggy' },
  { id: 'buggyOnly', label: 'only buggy solved', derivative: 'correct' },
  { id: 'neither', label: 'neither solved', derivative: 'correct' },
  { id: 'both', label: 'both solved', derivative: 'buggy' },
];

type Pick = { kind: 'bin'; bin: BinPick } | { kind: 'outcome'; outcome: StartOutcome };

function resultText(summary: SweepSummary): string {
  return `Correct: ${formatRateInterval(summary.correct)} · Buggy: ${formatRateInterval(summary.buggy)}`;
}

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
  const [pick, setPick] = useState<Pick | null>(null);
  const [openWith, setOpenWith] = useState<DerivativeMode>('buggy');
  const running = status === 'running';

  // a new summary starts with nothing picked
  const [shownSummary, setShownSummary] = useState(summary);
  if (shownSummary !== summary) {
    setShownSummary(summary);
    setPick(null);
  }

  const listed = useMemo(() => {
    if (!summary || !pick) return null;
    if (pick.kind === 'bin') {
      const bin = summary.histogram.bins[pick.bin.bin];
      if (!bin) return null;
      const s = pick.bin.derivative === 'correct' ? 0 : 1;
      return { title: `${pick.bin.derivative === 'correct' ? 'Correct' : 'Buggy'}, ${binRangeText(bin)}: ${bin.counts[s]} starts`, indices: bin.members[s] };
    }
    const seeds = summary.outcomes[pick.outcome];
    const label = OUTCOMES.find((o) => o.id === pick.outcome)!.label;
    return { title: `Starts ${label}: ${seeds.length}`, indices: seeds.map((seed) => seed - summary.firstSeed) };
  }, [summary, pick]);

  return (
    <figure className="bl-view bl-sweep" aria-label="Sweep">
      <StartsInput label="Starts" runLabel="Run sweep" defaultStarts={defaultStarts} maxStarts={maxStarts} running={running} onRun={onRun} onCancel={onCancel}>
        <span className="bl-sweep__note">
          seeds from the current seed on; each start trains {epochs ? `${formatEpoch(epochs)} epochs ` : ''}with both derivatives
        </span>
      </StartsInput>
      {running && progress && (
        <div className="bl-sweep__progress">
          <div
            role="progressbar"
            aria-label="Sweep progress"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={`${progress.done} of ${progress.total} starts, ${formatTimeLeft(progress.timeLeftMs)}`}
            className="bl-sweep__track"
          >
            <div className="bl-sweep__fill" style={{ width: `${progress.total > 0 ? (100 * progress.done) / progress.total : 0}%` }} />
          </div>
          <span>
            {progress.done} / {progress.total} starts · {formatTimeLeft(progress.timeLeftMs)}
          </span>
        </div>
      )}
      {status === 'cancelled' && <p className="bl-sweep__hint">Sweep cancelled{progress ? ` after ${progress.done} of ${progress.total} starts` : ''}.</p>}
      {status === 'error' && error && (
        <p className="bl-sweep__error" role="alert">
          {error}
        </p>
      )}
      <p className="bl-sweep__result" aria-live="polite">
        {summary ? resultText(summary) : ''}
      </p>
      {summary && (
        <>
          <p className="bl-sweep__details">
            {summary.starts} start{summary.starts === 1 ? '' : 's'} (seeds {summary.firstSeed}–{summary.firstSeed + summary.starts - 1}) · median final cost:
            correct {formatNumber(summary.correct.medianFinalCost)}, buggy {formatNumber(summary.buggy.medianFinalCost)}
            {summary.correct.diverged + summary.buggy.diverged > 0 && ` · diverged: correct ${summary.correct.diverged}, buggy ${summary.buggy.diverged}`}
          </p>
          <ul className="bl-cost__legend bl-sweep__legend">
            {(['Correct f′(z)', 'Buggy f′(a)'] as const).map((name, s) => (
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
          <div className="bl-sweep__outcomes" role="group" aria-label="Starts by outcome">
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
                {o.label} ({summary.outcomes[o.id].length})
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
            <p className="bl-sweep__hint">Pick a bar or an outcome to list its starts; click a start to open that seed in the lab.</p>
          )}
        </>
      )}
      <Caption>
        Success = every rounded output equals its target. Intervals are Wilson 95% intervals; both derivatives train from the same seed and weights in each
        start.
      </Caption>
    </figure>
  );
}
