/** The status line: epoch, cost, speed, and for gates whether the network solves it; after a run stops, what happened. */
import { engineMessage, type Problem, reluHealthMessage } from '../engine';
import { messageText, problemText } from '../i18n/messageText';
import { costAtEpoch } from '../store/historySlice';
import { atEpochLimit } from '../store/runSlice';
import { CURVE_WORDS } from './curveWords';
import { useLabShallow } from '../store/hooks';
import type { LabStopReason } from '../worker/lab/protocol';
import { gateOf } from './gateData';
import { formatEpoch, formatNumber } from '../views/format';
import { t, useT } from '../i18n/setup';

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
function finishedSentence(epoch: number, outcome: string | null, reason: string | null): string {
  const finished = t('status.finished', { epoch: formatEpoch(epoch) });
  const withOutcome = outcome ? t('status.withOutcome', { sentence: finished, outcome }) : finished;
  return reason ? t('status.withReason', { sentence: withOutcome, reason }) : withOutcome;
}

export function StatusLine() {
  const s = useLabShallow((state) => ({
    epoch: state.run.epoch,
    running: state.run.running,
    rate: state.run.epochsPerSecond,
    message: state.run.message,
    error: state.run.error,
    stopReason: state.run.stopReason,
    raisedLimit: state.run.raisedLimit,
    carriedOver: state.run.carriedOver,
    atLimit: atEpochLimit(state),
    // the last mid-run change of a training setting: from which epoch it applies
    lastChange: state.costMarkers[state.costMarkers.length - 1] ?? null,
    derivative: state.config.derivative,
    learningRate: state.config.learningRate,
    maxEpochs: state.stop.maxEpochs,
    cost: costAtEpoch(state, state.run.epoch),
    solved: state.snapshot?.evaluation.solved ?? null,
    accuracy: state.snapshot?.evaluation.accuracy ?? null,
    // a gate's truth table loaded as a file or a worked example is still judged solved or not
    kind: state.data ? (gateOf(state.data) ? 'gate' : state.data.kind) : null,
    overflows: state.snapshot?.overflows ?? 0,
    // the health itself (the snapshot's own object): a message built here would be a new object on every read, and the selector would never settle
    health: state.snapshot?.health ?? null,
  }));
  useT();
  const relu = s.health ? reluHealthMessage(s.health) : null;
  // stopped at the limit is finished whatever stopped it (the tour's "run N epochs" too): Play trains on past it
  const finished = !s.running && ((s.stopReason !== null && FINISHED.has(s.stopReason)) || s.atLimit);
  const gate = s.kind === 'gate' && s.solved !== null;
  const verdict = gate
    ? t(s.solved ? 'status.solved' : finished ? 'status.notSolved' : 'status.notSolvedYet')
    : s.accuracy !== null
      ? t('status.accuracy', { percent: Math.round(s.accuracy * 100) })
      : null;
  const tone = s.error || s.stopReason === 'diverged' ? 'is-bad' : s.solved ? 'is-good' : '';
  const outcome =
    s.stopReason === 'diverged'
      ? null
      : gate
        ? t(s.solved ? 'status.outcomeSolved' : 'status.outcomeNotSolved')
        : s.accuracy !== null
          ? t('status.outcomeAccuracy', { percent: Math.round(s.accuracy * 100) })
          : null;
  const raised =
    s.running && s.raisedLimit
      ? t('runstate.raised', {
          unlimited: s.raisedLimit.to === 0 ? 'yes' : 'no',
          from: formatEpoch(s.raisedLimit.from),
          to: formatEpoch(s.raisedLimit.to),
          epoch: formatEpoch(s.raisedLimit.from),
        })
      : null;
  const carried =
    s.running && s.carriedOver !== null
      ? t('status.carried', { epoch: formatEpoch(s.carriedOver), derivative: s.derivative, eta: formatNumber(s.learningRate) })
      : null;
  // the worker's reasons and refusals come coded (or as a fault's own words): said here in the page's language
  const said = (problem: Problem | null) => problem && problemText(problem);
  const limitReason = s.atLimit ? messageText(engineMessage('stopEpochLimit', { limit: s.maxEpochs.toLocaleString('en') })) : null;
  const reason = said(s.message) ?? limitReason;
  const since =
    s.lastChange && !s.running ? t('runstate.since', { changes: CURVE_WORDS.changes(s.lastChange.changes), epoch: formatEpoch(s.lastChange.epoch) }) : null;
  const onwards = s.atLimit && s.maxEpochs > 0 ? t('runstate.playContinues', { epoch: formatEpoch(s.epoch + s.maxEpochs) }) : null;
  const error = said(s.error);
  // a change nothing has trained with yet is the news: it leads
  const pending = s.lastChange !== null && s.lastChange.epoch >= s.epoch;
  const stopped = finished
    ? (pending ? [since, finishedSentence(s.epoch, outcome, reason)] : [finishedSentence(s.epoch, outcome, reason), since]).filter(Boolean).join(' · ')
    : null;
  const message = error ?? stopped ?? raised ?? carried ?? since ?? reason;
  // what Play does next stays whole at the line's end; the sentence before it gives way
  const tail = !error && stopped && onwards ? onwards : null;
  const whole = tail ? `${message} · ${tail}` : message;
  return (
    // announced when the run settles, not sixty times a second while it trains
    <div className={`status ${tone}`} role="status" aria-live={s.running ? 'off' : 'polite'} aria-label={t('status.label')}>
      <span className="status__item">
        <span className="status__key">{t('status.epoch')}</span> <strong>{formatEpoch(s.epoch)}</strong>
      </span>
      <span className="status__item">
        <span className="status__key" title={t('status.costTitle')}>
          {t('status.cost')}
        </span>{' '}
        <strong>{s.cost === null ? '–' : formatNumber(s.cost)}</strong>
      </span>
      <span className="status__item">
        <span className="status__key">{t('status.speed')}</span>{' '}
        <strong>
          {s.running ? t('status.rate', { rate: formatRate(s.rate) }) : t(s.stopReason && s.stopReason !== 'paused' ? 'status.stopped' : 'status.paused')}
        </strong>
      </span>
      {verdict && (
        <span className={`status__item status__verdict ${s.solved ? 'is-solved' : ''}`}>
          <span aria-hidden="true">{s.kind === 'gate' ? (s.solved ? '✓ ' : '○ ') : ''}</span>
          {verdict}
        </span>
      )}
      {s.overflows > 0 && <span className="status__item status__warn">{t('status.overflow', { count: s.overflows })}</span>}
      {relu && <span className="status__message status__warn">{messageText(relu)}</span>}
      {message && (
        // one line: the whole sentence in the tooltip when the line cuts it short
        <div
          className={tail ? 'status__message status__message--tail' : 'status__message'}
          id={STATUS_MESSAGE_ID}
          title={whole && whole.length <= MESSAGE_CLIP ? whole : undefined}
        >
          <span className="status__text">
            <ClippedText text={message} />
          </span>
          {tail && <span className="status__tail"> · {tail}</span>}
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
        <summary>{t('status.fullMessage', { count: text.length.toLocaleString('en') })}</summary>
        <pre className="status__full">{text}</pre>
      </details>
    </>
  );
}
