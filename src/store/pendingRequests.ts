import { EngineError, type Problem, engineMessage } from '../engine';

/**
 * The commands a connection to the worker is waiting on, by request id. Each settles once: with
 * its 'answered' event (after the events before it are applied), or with a reason when no answer
 * comes in time or the worker goes away.
 */
export interface PendingRequests {
  /** a fresh id and the promise its answer settles */
  open(): { requestId: number; answer: Promise<void> };
  /** the worker's answer: done (null) or refused (a coded message rejects with an EngineError) */
  settle(requestId: number, error: Problem | null): void;
  /** every open request fails with `reason` (the worker was stopped or restarted) */
  rejectAll(reason: Problem): void;
}

export interface RequestTimers {
  /** an answer later than this rejects the request (0 = wait for ever) */
  timeoutMs: number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** What the store's `request` does with no worker joined to it. */
export const noWorker = (): Promise<void> => Promise.reject(new EngineError(engineMessage('noWorker')));

/** A refusal as a request's rejection: a coded message rejects with an EngineError, words with an Error. */
const problemError = (problem: Problem) => (typeof problem === 'string' ? new Error(problem) : new EngineError(problem));

/** How long an answer may take before the request fails (the supervisor's answer timeout). */
export const DEFAULT_ANSWER_TIMEOUT_MS = 15_000;

const DEFAULT_TIMERS: RequestTimers = {
  timeoutMs: DEFAULT_ANSWER_TIMEOUT_MS,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** Ids count on from the last connection's, so a late answer from an old worker settles nothing new. */
let lastRequestId = 0;

export function pendingRequests(timers: RequestTimers = DEFAULT_TIMERS): PendingRequests {
  const open = new Map<number, { resolve(): void; reject(error: Error): void; timer: unknown }>();
  const close = (requestId: number) => {
    const entry = open.get(requestId);
    if (!entry) return null;
    open.delete(requestId);
    if (entry.timer !== null) timers.clearTimer(entry.timer);
    return entry;
  };
  return {
    open() {
      const requestId = ++lastRequestId;
      const answer = new Promise<void>((resolve, reject) => {
        const timer =
          timers.timeoutMs > 0
            ? timers.setTimer(
                () => close(requestId)?.reject(new EngineError(engineMessage('workerLate', { seconds: Math.round(timers.timeoutMs / 1000) }))),
                timers.timeoutMs,
              )
            : null;
        open.set(requestId, { resolve, reject, timer });
      });
      return { requestId, answer };
    },
    settle(requestId, error) {
      const entry = close(requestId);
      if (!entry) return;
      if (error === null) entry.resolve();
      else entry.reject(problemError(error));
    },
    rejectAll(reason) {
      for (const requestId of [...open.keys()]) close(requestId)?.reject(problemError(reason));
    },
  };
}
