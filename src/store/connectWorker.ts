/**
 * Joins a store to a worker (or anything shaped like one): commands go out through the store's
 * `send` (or `request`, for a command whose answer the store waits on, by request id), events
 * come back through `receive`. The worker first gets the store's settings.
 *
 * In a browser the events of one frame are applied together, in one store update just before
 * the frame is drawn, so React renders at most once a frame however many messages arrive.
 */
import { type Problem, engineMessage } from '../engine';
import { type RunShape, labEventProblem, runMisfit, runShapeOf } from '../worker/lab/labEvents';
import type { LabEvent, LabWorkerLike } from '../worker/lab/protocol';
import type { LabStore } from './labStore';
import { type RequestTimers, noWorker, pendingRequests } from './pendingRequests';

/** Told about a message that is not a LabEvent (it never reaches the store); the supervisor restarts the worker. */
type InvalidMessageHandler = (problem: string) => void;

/** Calls `flush` later (or at once); the bridge applies everything that arrived in between. */
export type EventBatcher = (flush: () => void) => void;

/** Next animation frame, or 100 ms when no frame comes (a hidden tab has none), whichever is first. */
const frameBatcher: EventBatcher = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 100);
};

const immediately: EventBatcher = (flush) => flush();

/** Without a supervisor, a message the page cannot use is reported in the status line. */
const reportInStatus =
  (store: LabStore): InvalidMessageHandler =>
  (problem) =>
    store.setState({ run: { ...store.getState().run, error: engineMessage('workerIgnored', { problem }) } });

export interface BridgeHooks {
  /** a message that is not a LabEvent (default: a line in the status) */
  onInvalid?: InvalidMessageHandler;
  /** every valid event as it arrives, before the batch applies it */
  onEvent?: (event: LabEvent) => void;
  /** how long a request waits for its answer (pendingRequests' defaults when left out) */
  timers?: RequestTimers;
}

/** Stops the bridge; requests still waiting fail with `reason`. */
export type Disconnect = (reason?: Problem) => void;

export function connectWorker(
  store: LabStore,
  worker: LabWorkerLike,
  batch: EventBatcher = typeof requestAnimationFrame === 'function' ? frameBatcher : immediately,
  hooks: BridgeHooks = {},
): Disconnect {
  const { onInvalid = reportInStatus(store), onEvent } = hooks;
  const requests = pendingRequests(hooks.timers);
  let queue: LabEvent[] = [];
  let pending = false;
  let connected = true;
  /** the latest run the worker started, which its snapshots must fit */
  let run: RunShape | null = null;
  const flush = () => {
    pending = false;
    const events = queue;
    queue = [];
    if (!connected || events.length === 0) return;
    store.getState().receiveAll(events);
    // an answer settles once the events before it are in the store
    for (const event of events) if (event.type === 'answered') requests.settle(event.requestId, event.error);
    // the history has copied the costs: their buffers go back to the worker for reuse
    for (const event of events) {
      if (event.type !== 'costs') continue;
      try {
        worker.postMessage({ type: 'recycle', buffer: event.costs.buffer as ArrayBuffer }, [event.costs.buffer]);
      } catch {
        // a buffer that cannot be handed back (already moved, or shared) is simply not reused
      }
    }
  };
  const listener = (event: MessageEvent<unknown>) => {
    // the boundary: only a message that fits the protocol reaches the store (and React)
    const problem = labEventProblem(event.data);
    if (problem !== null) return onInvalid(problem);
    const data = event.data as LabEvent;
    const misfit = runMisfit(run, data);
    if (misfit !== null) return onInvalid(misfit);
    if (data.type === 'runStarted' && (run === null || data.runId >= run.runId)) run = runShapeOf(data);
    onEvent?.(data);
    if (!connected) return;
    queue.push(data);
    if (!pending) {
      pending = true;
      batch(flush);
    }
  };
  worker.addEventListener('message', listener);
  // a new worker numbers its runs from 1 again
  store.setState({
    send: (command) => worker.postMessage(command),
    request: (command) => {
      const { requestId, answer } = requests.open();
      worker.postMessage({ ...command, requestId });
      return answer;
    },
    run: { ...store.getState().run, runId: 0 },
  });
  const { config, speed, stop } = store.getState();
  worker.postMessage({ type: 'setSpeed', speed });
  worker.postMessage({ type: 'setStop', stop });
  worker.postMessage({ type: 'configure', config });
  return (reason: Problem = engineMessage('workerStopped')) => {
    connected = false;
    worker.removeEventListener('message', listener);
    requests.rejectAll(reason);
    store.setState({ send: () => {}, request: noWorker });
  };
}
