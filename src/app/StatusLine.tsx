/** The status line: epoch, cost, speed, and for gates whether the network solves it. */
import { reluHealthMessage } from '../engine';
import { costAtEpoch } from '../store/historySlice';
import { useLabShallow } from '../store/hooks';
import { formatEpoch, formatNumber } from '../views/format';

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e4) return `${Math.round(perSecond / 1e3)}k`;
  return perSecond.toFixed(perSecond < 10 ? 1 : 0);
}

export function StatusLine() {
  const s = useLabShallow((state) => ({
    epoch: state.run.epoch,
    running: state.run.running,
    rate: state.run.epochsPerSecond,
    message: state.run.message,
    error: state.run.error,
    stopReason: state.run.stopReason,
    cost: costAtEpoch(state, state.run.epoch),
    solved: state.snapshot?.evaluation.solved ?? null,
    accuracy: state.snapshot?.evaluation.accuracy ?? null,
    kind: state.data?.kind ?? null,
    overflows: state.snapshot?.overflows ?? 0,
    relu: state.snapshot?.health ? reluHealthMessage(state.snapshot.health) : null,
  }));
  const verdict =
    s.kind === 'gate' && s.solved !== null ? (s.solved ? 'Solved' : 'Not solved yet') : s.accuracy !== null ? `Accuracy ${Math.round(s.accuracy * 100)}%` : null;
  const tone = s.error || s.stopReason === 'diverged' ? 'is-bad' : s.solved ? 'is-good' : '';
  return (
    // announced when the run settles, not sixty times a second while it trains
    <div className={`status ${tone}`} role="status" aria-live={s.running ? 'off' : 'polite'} aria-label="Run status">
      <span className="status__item">
        <span className="status__key">Epoch</span> <strong>{formatEpoch(s.epoch)}</strong>
      </span>
      <span className="status__item">
        <span className="status__key" title="The cost at this epoch: the whole dataset's cost with the weights after its update">Cost</span>{' '}
        <strong>{s.cost === null ? '–' : formatNumber(s.cost)}</strong>
      </span>
      <span className="status__item">
        <span className="status__key">Speed</span> <strong>{s.running ? `${formatRate(s.rate)} epochs/s` : s.stopReason && s.stopReason !== 'paused' ? 'stopped' : 'paused'}</strong>
      </span>
      {verdict && (
        <span className={`status__item status__verdict ${s.solved ? 'is-solved' : ''}`}>
          <span aria-hidden="true">{s.kind === 'gate' ? (s.solved ? '✓ ' : '○ ') : ''}</span>
          {verdict}
        </span>
      )}
      {s.overflows > 0 && <span className="status__item status__warn">naive sigmoid overflowed {s.overflows}× last epoch</span>}
      {s.relu && <span className="status__message status__warn">{s.relu}</span>}
      {(s.error ?? s.message) && <span className="status__message">{s.error ?? s.message}</span>}
    </div>
  );
}
