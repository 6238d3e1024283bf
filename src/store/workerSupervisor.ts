/**
 * Keeps a training worker alive for the store. When the worker throws (an error outside the
 * handler's own try/catch), sends a message the page cannot read or use (connectWorker checks
 * each against the protocol's schema), stops answering a command, or goes silent while it
 * trains, the supervisor says so in a note, throws the worker away and starts a new one with the
 * user's settings (connectWorker sends config, speed and stop conditions), their own data if they
 * loaded some, and the run's initial network. A worker that keeps failing is given up on: the
 * lab is halted (Play and Step disabled) with a message to reload.
 */
import { type EngineMessage, type LabConfig, engineMessage, foreignErrorText, needsNewRun } from '../engine';
import type { LabCommand, LabEvent, LabWorkerLike } from '../worker/lab/protocol';
import { type Disconnect, type EventBatcher, connectWorker } from './connectWorker';
import { DEFAULT_ANSWER_TIMEOUT_MS, noWorker } from './pendingRequests';
import type { LabStore } from './labStore';

/** A Worker as the supervisor sees it (the DOM Worker has all of this). */
export interface SupervisedWorker extends LabWorkerLike {
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
  terminate(): void;
}

export interface SupervisorOptions {
  createWorker(): SupervisedWorker;
  /** how the bridge batches events (connectWorker's default when left out) */
  batch?: EventBatcher;
  /** give up after this many restarts within `windowMs` (a worker that fails at once would loop) */
  maxRestarts?: number;
  windowMs?: number;
  /** a worker that has not answered a command for this long is taken for dead (0 = never) */
  answerTimeoutMs?: number;
  /** a training worker that sends nothing for this long is taken for hung (0 = never); see silenceLimit */
  silenceMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Commands the handler always answers (with an event or an error), so silence means a dead worker. */
const ANSWERED: ReadonlySet<LabCommand['type']> = new Set([
  'configure',
  'reset',
  'newSeed',
  'play',
  'trainOneEpoch',
  'trainEpochs',
  'setSpeed',
  'loadData',
  'loadNetwork',
  'setParam',
]);

const DEFAULT_MAX_RESTARTS = 3;
const DEFAULT_RESTART_WINDOW_MS = 60_000;
/** A training worker sends costs every frame, so 2 s of silence is a hang (issue 16). */
const DEFAULT_SILENCE_MS = 2_000;
/** Silence allowed never grows past this, whatever the worker's slowest step so far. */
const MAX_SILENCE_MS = 60_000;
/** A check that fires this much later than due means the page itself was blocked, not the worker. */
const PAGE_STALL_MS = 500;

/**
 * How long a training worker may be silent: the base limit, or three times the longest gap it
 * has already come back from while training (one epoch plus one snapshot of the biggest network
 * on 10,000 rows takes seconds, and is no hang), at most MAX_SILENCE_MS.
 */
export function silenceLimit(baseMs: number, longestGapMs: number): number {
  return Math.min(MAX_SILENCE_MS, Math.max(baseMs, 3 * longestGapMs));
}

/** Starts a supervised worker joined to the store; returns the function that stops it for good. */
export function superviseWorker(store: LabStore, options: SupervisorOptions): () => void {
  const {
    createWorker,
    batch,
    maxRestarts = DEFAULT_MAX_RESTARTS,
    windowMs = DEFAULT_RESTART_WINDOW_MS,
    answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS,
    silenceMs = DEFAULT_SILENCE_MS,
    now = () => Date.now(),
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  } = options;
  let worker: SupervisedWorker | null = null;
  let disconnect: Disconnect | null = null;
  let watchdog: unknown = null;
  /** the silence check while the worker trains, when it is due, and what the worker last said */
  let silenceCheck: unknown = null;
  let silenceDueAt = 0;
  let heardAt = 0;
  let heardRunning = false;
  /** the longest gap between two messages of a training worker that did come back (over every worker: same network) */
  let longestGap = 0;
  let stopped = false;
  let restarts: number[] = [];
  /** the configuration of the last run the worker started (the store's may be newer) */
  let runConfig: LabConfig | null = null;

  const stopWatching = () => {
    if (watchdog !== null) clearTimer(watchdog);
    watchdog = null;
  };

  const stopSilenceCheck = () => {
    if (silenceCheck !== null) clearTimer(silenceCheck);
    silenceCheck = null;
  };

  /** While the worker trains, its next message is due within the silence limit. */
  const armSilenceCheck = () => {
    stopSilenceCheck();
    if (!heardRunning || silenceMs <= 0) return;
    const limit = silenceLimit(silenceMs, longestGap);
    silenceDueAt = now() + limit;
    silenceCheck = setTimer(checkSilence, limit);
  };

  const checkSilence = () => {
    silenceCheck = null;
    const late = now() - silenceDueAt;
    // the page was blocked (a long task, a sleeping tab): the worker's messages may be queued behind this check
    if (late > PAGE_STALL_MS) {
      heardAt = now(); // and the stall is no measure of the worker's pace
      return armSilenceCheck();
    }
    fail(engineMessage('workerSilent', { seconds: (silenceLimit(silenceMs, longestGap) / 1000).toFixed(1) }));
  };

  /** Every valid message: a sign of life, and what the worker is doing. */
  const heard = (event: LabEvent) => {
    stopWatching();
    const t = now();
    if (heardRunning) longestGap = Math.max(longestGap, t - heardAt);
    heardAt = t;
    if (event.type === 'runStarted') {
      runConfig = event.config;
      heardRunning = false;
    }
    if (event.type === 'status') heardRunning = event.status.running;
    armSilenceCheck();
  };

  /** Stops the worker; requests still waiting on it fail with `reason`. */
  const teardown = (reason?: EngineMessage) => {
    stopWatching();
    stopSilenceCheck();
    heardRunning = false;
    disconnect?.(reason);
    disconnect = null;
    if (worker) {
      worker.onerror = null;
      worker.onmessageerror = null;
      const dead = worker;
      worker = null;
      try {
        dead.terminate();
      } catch {
        // already gone
      }
    }
  };

  /** The worker is dead for the reason `why` (a coded part of the note: the page words it in its language). */
  const fail = (why: EngineMessage) => {
    if (stopped || !worker) return;
    teardown(engineMessage('workerFailedUnanswered', { why }));
    const t = now();
    restarts = restarts.filter((at) => t - at < windowMs);
    const state = store.getState();
    if (restarts.length >= maxRestarts) {
      // what to do comes first: a long reason is clipped in the status line
      const message = engineMessage('workerGivenUp', { why });
      state.addNotes([{ key: 'worker', message }]);
      // halted: the message stays, and Play and Step are disabled with it as their reason
      store.setState({ run: { ...state.run, running: false, epochsPerSecond: 0, error: message, halted: message }, send: () => {}, request: noWorker });
      return;
    }
    restarts.push(t);
    const custom = state.data?.kind === 'custom';
    state.addNotes([{ key: 'worker', message: engineMessage('workerRestarted', { why, data: custom ? 'yes' : 'no' }) }]);
    start(true);
  };

  /** Wraps the worker so the supervisor sees what goes out and what comes back. */
  const watched = (target: SupervisedWorker): LabWorkerLike => ({
    postMessage(command, transfer) {
      if (answerTimeoutMs > 0 && watchdog === null && ANSWERED.has(command.type))
        watchdog = setTimer(() => fail(engineMessage('workerNoAnswer')), answerTimeoutMs);
      target.postMessage(command, transfer);
    },
    addEventListener(type, listener) {
      target.addEventListener(type, listener);
    },
    removeEventListener(type, listener) {
      target.removeEventListener(type, listener);
    },
    terminate: () => target.terminate(),
  });

  const start = (restoring: boolean) => {
    // read before connecting: the new worker's first run replaces them in the store
    const { data, initialNetwork, config } = store.getState();
    // the data and network belong to the last run; a change of shape or seed since then starts afresh
    const sameRun = runConfig !== null && !needsNewRun(runConfig, config);
    const next = createWorker();
    worker = next;
    next.onerror = (event) => {
      event.preventDefault?.();
      fail(engineMessage('workerThrew', { error: event.message ? foreignErrorText(event.message) : engineMessage('workerNoDetail') }));
    };
    next.onmessageerror = () => fail(engineMessage('workerUnreadable'));
    heardAt = now();
    const link = watched(next);
    disconnect = connectWorker(store, link, batch, {
      onEvent: heard,
      onInvalid: (problem) => fail(engineMessage('workerInvalid', { problem })),
      timers: { timeoutMs: answerTimeoutMs, setTimer, clearTimer },
    });
    if (!restoring || !sameRun) return;
    if (data?.kind === 'custom') link.postMessage({ type: 'loadData', data });
    if (initialNetwork) link.postMessage({ type: 'loadNetwork', network: initialNetwork });
  };

  start(false);
  return () => {
    stopped = true;
    teardown();
  };
}
