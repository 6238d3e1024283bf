/** The status line: epoch, cost, speed, and for gates whether the network solves it; after a run stops, what happened. */
import { reluHealthMessage } from '../engine';
import { costAtEpoch } from '../store/historySlice';
import { useLabShallow } from '../store/hooks';
import type { LabStopReason } from '../worker/protocol';
import { formatEpoch, formatNumber } from '../views/format';

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e4) return `${Math.round(perSecond / 1e3)}k`;
  return perSecond.toFixed(perSecond < 10 ? 1 : 0);
}

/** The id of the status line's message: Play and Step name it as their reason when the lab is halted. */
export const STATUS_MESSAGE_ID = 'run-status-message';

/** Longer messages (a worker's error can be anything) show this much, with the whole text in a details element. */
export const MESSAGE_CLIP = 240;

/** Stops that end a run (Pause, Step and "run N epochs" only interrupt it). */
const FINISHED: ReadonlySet<LabStopReason> = new Set(['maxEpochs', 'targetCost', 'diverged']);

/** What happened, in words, once a run has stopped by itself: "Finished at epoch 60,000: not solved; reached the epoch limit (60,000)". */
export function finishedSentence(epoch: number, outcome: string | null, reason: string | null): string {
  return `Finished at epoch ${formatEpoch(epoch)}${outcome ? `: ${outcome}` : ''}${reason ? `; ${reason}` : ''}`;
}

export function StatusLine() {
  const s = useLabShallow((state) => ({
    epoch: state.run.epoch,
    running: state.run.running,
    rate: state.run.epochsPerSecond,
    message: state.run.message,
    error: state.run.error,
    stopReason: state.run.stopReason,
    limitOffer: state.run.limitOffer,
    carriedOver: state.run.carriedOver,
    derivative: state.config.derivative,
    learningRate: state.config.learningRate,
    maxEpochs: state.stop.maxEpochs,
    continuePastLimit: state.continuePastLimit,
    cost: costAtEpoch(state, state.run.epoch),
    solved: state.snapshot?.evaluation.solved ?? null,
    accuracy: state.snapshot?.evaluation.accuracy ?? null,
    kind: state.data?.kind ?? null,
    overflows: state.snapshot?.overflows ?? 0,
    relu: state.snapshot?.health ? reluHealthMessage(state.snapshot.health) : null,
  }));
  const finished = s.stopReason !== null && FINISHED.has(s.stopReason) && !s.running;
  const gate = s.kind === 'gate' && s.solved !== null;
  const verdict = gate ? (s.solved ? 'Solved' : finished ? 'Not solved' : 'Not solved yet') : s.accuracy !== null ? `Accuracy ${Math.round(s.accuracy * 100)}%` : null;
  const tone = s.error || s.stopReason === 'diverged' ? 'is-bad' : s.solved ? 'is-good' : '';
  const outcome = s.stopReason === 'diverged' ? null : gate ? (s.solved ? 'solved' : 'not solved') : s.accuracy !== null ? `accuracy ${Math.round(s.accuracy * 100)}%` : null;
  const carried =
    s.running && s.carriedOver !== null
      ? `Training on from the weights of epoch ${formatEpoch(s.carriedOver)} with the ${s.derivative === 'buggy' ? 'buggy derivative f′(a)' : 'correct derivative f′(z)'}, η = ${formatNumber(s.learningRate)} (settings changed mid-run; Reset starts again from the initial weights)`
      : null;
  const atLimit = s.limitOffer ? `Stopped at the epoch limit (${formatEpoch(s.maxEpochs)})` : null;
  const message = s.error ?? (finished ? finishedSentence(s.epoch, outcome, s.message) : (atLimit ?? carried ?? s.message));
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
      {message && (
        <div className="status__message" id={STATUS_MESSAGE_ID}>
          <ClippedText text={message} />
          {s.limitOffer && s.maxEpochs > 0 && (
            <button type="button" className="button button--small status__continue" onClick={s.continuePastLimit}>
              Continue to epoch {formatEpoch(s.epoch + s.maxEpochs)}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A message of any length: the first MESSAGE_CLIP characters, and the rest behind "Full message". */
function ClippedText({ text }: { text: string }) {
  if (text.length <= MESSAGE_CLIP) return <>{text}</>;
  return (
    <>
      {text.slice(0, MESSAGE_CLIP)}…{' '}
      <details className="status__details">
        <summary>Full message ({text.length.toLocaleString('en')} characters)</summary>
        <pre className="status__full">{text}</pre>
      </details>
    </>
  );
}
