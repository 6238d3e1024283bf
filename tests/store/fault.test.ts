/**
 * A training worker that dies, hangs or sends what the page cannot use: the supervisor says so and
 * restarts it with the user's settings, or, when it keeps failing, halts the lab with a message.
 * Also what the page does after a run stops (issue 11).
 */
import { said } from '../englishText';
import { problemText } from '../../src/i18n/messageText';
import { switchLanguage } from '../../src/i18n/setup';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EngineError, DEFAULT_CONFIG, problemOf, buildRun, trainOptionsOf } from '../../src/engine';
import { parseDatasetCsv } from '../../src/engine/csv';
import { type LabStore, applyEvent, createLabStore } from '../../src/store/labStore';
import { type SupervisedWorker, type SupervisorOptions, silenceLimit, superviseWorker } from '../../src/store/workerSupervisor';
import { labEventProblem } from '../../src/worker/lab/labEvents';
import type { LabCommand, LabEvent } from '../../src/worker/lab/protocol';
import { FakeWorkerEnv } from '../worker/harness';
import { malformedEvent, realEvents } from './malformedEvents';

/** A fake worker over a FakeWorkerEnv that can crash (onerror) or go silent. */
class DyingWorker implements SupervisedWorker {
  onerror: SupervisedWorker['onerror'] = null;
  onmessageerror: SupervisedWorker['onmessageerror'] = null;
  readonly env = new FakeWorkerEnv();
  private readonly inner = this.env.worker();
  terminated = false;
  silent = false;
  readonly commands: LabCommand[] = [];
  postMessage(command: LabCommand, transfer?: Transferable[]) {
    this.commands.push(command);
    if (!this.silent && !this.terminated) this.inner.postMessage(command, transfer);
  }
  private readonly listeners = new Set<(event: MessageEvent<LabEvent>) => void>();
  addEventListener: SupervisedWorker['addEventListener'] = (type, listener) => {
    this.listeners.add(listener);
    this.inner.addEventListener(type, listener);
  };
  removeEventListener: SupervisedWorker['removeEventListener'] = (type, listener) => {
    this.listeners.delete(listener);
    this.inner.removeEventListener(type, listener);
  };
  /** Delivers `message` to the page as if the worker had posted it (whatever it is). */
  inject(message: unknown) {
    for (const listener of [...this.listeners]) listener({ data: message } as MessageEvent<LabEvent>);
  }
  terminate() {
    this.terminated = true;
    this.inner.terminate?.();
  }
  crash(message = 'boom') {
    this.onerror?.({ message, preventDefault: () => {} });
  }
}

let stopSupervisor: (() => void) | null = null;
afterEach(() => {
  stopSupervisor?.();
  stopSupervisor = null;
  vi.useRealTimers();
});

function supervised(options: Partial<Pick<SupervisorOptions, 'answerTimeoutMs' | 'maxRestarts' | 'silenceMs' | 'now' | 'setTimer' | 'clearTimer'>> = {}): {
  store: LabStore;
  workers: DyingWorker[];
} {
  const store = createLabStore();
  const workers: DyingWorker[] = [];
  stopSupervisor = superviseWorker(store, {
    createWorker: () => {
      const worker = new DyingWorker();
      workers.push(worker);
      return worker;
    },
    batch: (flush) => flush(),
    ...options,
    answerTimeoutMs: options.answerTimeoutMs ?? 0,
  });
  return { store, workers };
}

/** Why a request failed, worded as the CLI words it ('' when it did not fail). */
const rejection = (answer: Promise<unknown>) =>
  answer.then(
    () => '',
    (error) => said(problemOf(error)),
  );

const notes = (store: LabStore) => store.getState().share.notes.map((note) => said(note.message));

describe('requests and a failing worker', () => {
  test('a restart rejects the requests the dead worker held, with the reason', async () => {
    const { store, workers } = supervised();
    workers[0].silent = true;
    const answer = store.getState().setParam(0, 0.5);
    workers[0].crash('boom');
    expect(await rejection(answer)).toMatch(/the training worker failed \(it stopped with an error: boom\) before it answered/);
    // the new worker answers
    await expect(store.getState().setParam(0, 0.5)).resolves.toBeUndefined();
  });

  test("an answer that never comes rejects after the supervisor's answer timeout", async () => {
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const { store, workers } = supervised({ answerTimeoutMs: 5000, setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => {} });
    workers[0].silent = true;
    const armed = timers.length;
    const answer = store.getState().loadData(parseCsvOrThrow('x1,y1\n0,0\n1,1\n'));
    // the request's timer is armed first, then the supervisor's watchdog, both at 5 s
    expect(timers.slice(armed).map((t) => t.ms)).toEqual([5000, 5000]);
    timers[armed].fn();
    expect(await rejection(answer)).toBe('the training worker did not answer within 5 s; try again');
  });

  test('a halted lab rejects a request at once', async () => {
    const { store, workers } = supervised({ maxRestarts: 0 });
    workers[0].crash();
    expect(store.getState().run.halted).not.toBeNull();
    expect(await rejection(store.getState().setParam(0, 1))).toMatch(/no training worker/);
  });
});

function parseCsvOrThrow(text: string) {
  const csv = parseDatasetCsv(text);
  if (!csv.ok) throw new EngineError(csv.error);
  return csv.value;
}

describe("a worker that fails is restarted with the user's settings", () => {
  test('a crash: a note says so, a new worker gets the config, speed and stop conditions, and the lab works', () => {
    const { store, workers } = supervised();
    const state = store.getState();
    expect(state.setConfig({ learningRate: 1.5, hidden: [3] })).toBeNull();
    state.setSpeed('max');
    expect(state.setStop({ maxEpochs: 40 })).toBeNull();
    state.trainEpochs(25);
    workers[0].env.runUntilIdle();
    expect(store.getState().run.epoch).toBe(25);

    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(notes(store)).toEqual([
      expect.stringMatching(/training worker failed \(it stopped with an error: out of memory\)\. It was restarted with your settings/),
    ]);
    const sent = workers[1].commands;
    expect(sent).toContainEqual({ type: 'setSpeed', speed: 'max' });
    expect(sent).toContainEqual({ type: 'setStop', stop: { maxEpochs: 40, targetCost: 0 } });
    expect(sent).toContainEqual({ type: 'configure', config: expect.objectContaining({ learningRate: 1.5, hidden: [3] }) });

    // the new worker trains the same run from its initial weights, to the stop condition
    store.getState().play();
    workers[1].env.runUntilIdle();
    const reference = buildRun({ ...DEFAULT_CONFIG, learningRate: 1.5, hidden: [3] });
    reference.trainer.train(40);
    expect(store.getState().run).toMatchObject({ epoch: 40, stopReason: 'maxEpochs', error: null });
    expect(store.getState().snapshot?.network.params).toEqual(reference.net.params);
    // the old worker hears nothing more
    const before = workers[0].commands.length;
    store.getState().trainOneEpoch();
    expect(workers[0].commands.length).toBe(before);
  });

  test("the user's own data and a loaded network come back after a restart", () => {
    const { store, workers } = supervised();
    const csv = parseDatasetCsv('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n2,2,0\n');
    if (!csv.ok) throw new EngineError(csv.error);
    store.getState().send({ type: 'loadData', data: csv.value });
    const loaded = buildRun({ ...DEFAULT_CONFIG, seed: 77 }, csv.value).net;
    store.getState().send({ type: 'loadNetwork', network: loaded });
    expect(store.getState().data?.count).toBe(5);
    workers[0].crash();
    expect(notes(store)[0]).toMatch(/restarted with your settings and your data/);
    expect(store.getState().data).toMatchObject({ kind: 'custom', count: 5 });
    expect(store.getState().initialNetwork?.params).toEqual(loaded.params);
    expect(store.getState().snapshot?.network.params).toEqual(loaded.params);
  });

  test('a message that cannot be read counts as a failure too', () => {
    const { store, workers } = supervised();
    workers[0].onmessageerror?.({});
    expect(workers).toHaveLength(2);
    expect(notes(store)[0]).toMatch(/a message from it could not be read/);
    expect(store.getState().snapshot?.epoch).toBe(0);
  });

  test('a worker that stops answering is replaced once the answer is overdue', () => {
    vi.useFakeTimers();
    const { store, workers } = supervised({ answerTimeoutMs: 5000 });
    workers[0].silent = true;
    store.getState().trainOneEpoch();
    vi.advanceTimersByTime(4999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    expect(notes(store)[0]).toMatch(/it stopped answering/);
    // the new one answers: no further restart
    store.getState().trainOneEpoch();
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(2);
    expect(store.getState().run.epoch).toBe(1);
  });

  test('a worker that keeps failing is given up on, with a message to reload', () => {
    const { store, workers } = supervised({ maxRestarts: 2 });
    workers[0].crash();
    workers[1].crash();
    workers[2].crash();
    expect(workers).toHaveLength(3);
    expect(said(store.getState().run.error)).toMatch(/failed again .* Reload the page/);
    expect(notes(store).at(-1)).toMatch(/was not restarted/);
    // nothing is sent to a dead worker
    store.getState().play();
    expect(workers[2].commands.at(-1)?.type).not.toBe('play');
  });

  test('stopping the supervisor ends the worker and ignores its late errors', () => {
    const { store, workers } = supervised();
    stopSupervisor?.();
    stopSupervisor = null;
    expect(workers[0].terminated).toBe(true);
    workers[0].crash();
    expect(workers).toHaveLength(1);
    expect(notes(store)).toEqual([]);
  });
});

/** A clock and timers the test moves by hand; `stall` is a page blocked by a long task (timers fire late, all at once). */
class ManualClock {
  t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 0;
  readonly now = () => this.t;
  readonly setTimer = (fn: () => void, ms: number) => {
    this.timers.set(++this.nextId, { at: this.t + ms, fn });
    return this.nextId;
  };
  readonly clearTimer = (id: unknown) => {
    this.timers.delete(id as number);
  };
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
  stall(ms: number) {
    this.t += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at > this.t) continue;
      this.timers.delete(id);
      timer.fn();
    }
  }
}

function clocked(options: { silenceMs?: number; maxRestarts?: number } = {}) {
  const clock = new ManualClock();
  const { store, workers } = supervised({ silenceMs: 2000, ...options, now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
  return { clock, store, workers };
}

/** Plays at 10 epochs/s and lets the worker deliver `slices` of training, `gapMs` apart on the page's clock. */
function playFor(store: LabStore, worker: DyingWorker, clock: ManualClock, slices: number, gapMs = 100) {
  store.getState().setSpeed(10);
  store.getState().play();
  for (let k = 0; k < slices; k++) {
    clock.advance(gapMs);
    worker.env.runNext();
  }
}

describe('a worker that hangs while it trains (issue 16, defect 3)', () => {
  test('silent for 2 s while running: taken for hung, restarted with the settings', () => {
    const { clock, store, workers } = clocked();
    expect(store.getState().setConfig({ learningRate: 1.5 })).toBeNull();
    playFor(store, workers[0], clock, 5);
    expect(store.getState().run).toMatchObject({ running: true });
    expect(store.getState().run.epoch).toBeGreaterThan(0);
    // the worker stops posting (an endless loop): nothing more arrives
    clock.advance(1999);
    expect(workers).toHaveLength(1);
    clock.advance(1);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(notes(store).at(-1)).toMatch(/training worker failed \(it went silent for 2\.0 s while training\)\. It was restarted with your settings/);
    expect(workers[1].commands).toContainEqual({ type: 'configure', config: expect.objectContaining({ learningRate: 1.5 }) });
    expect(workers[1].commands).toContainEqual({ type: 'setSpeed', speed: 10 });
    expect(store.getState().run).toMatchObject({ running: false, epoch: 0 });
  });

  test('a paused or idle worker may be silent for as long as it likes', () => {
    const { clock, store, workers } = clocked();
    playFor(store, workers[0], clock, 3);
    store.getState().pause();
    expect(store.getState().run.running).toBe(false);
    clock.advance(10 * 60_000);
    expect(workers).toHaveLength(1);
    expect(notes(store)).toEqual([]);
  });

  test('a page blocked by a long task does not blame the worker, and a real hang is still caught after it', () => {
    const { clock, store, workers } = clocked();
    playFor(store, workers[0], clock, 3);
    // the check fires 3 s late: the worker's messages may be waiting behind it
    clock.stall(5000);
    expect(workers).toHaveLength(1);
    workers[0].env.runNext();
    clock.advance(100);
    workers[0].env.runNext();
    expect(workers).toHaveLength(1);
    clock.advance(2000);
    expect(workers).toHaveLength(2);
  });

  test('a worker that came back from a long step gets three times that long (at most a minute)', () => {
    expect(silenceLimit(2000, 0)).toBe(2000);
    expect(silenceLimit(2000, 1500)).toBe(4500);
    expect(silenceLimit(2000, 10 * 60_000)).toBe(60_000);
    const { clock, store, workers } = clocked();
    playFor(store, workers[0], clock, 2);
    playFor(store, workers[0], clock, 1, 1500); // one slow epoch and snapshot: 1.5 s, and it came back
    clock.advance(4499);
    expect(workers).toHaveLength(1);
    clock.advance(1);
    expect(workers).toHaveLength(2);
    expect(notes(store).at(-1)).toMatch(/went silent for 4\.5 s while training/);
  });
});

describe('a message the page cannot use (issue 16, defect 1)', () => {
  test('a snapshot {} for the current run, or an error whose message is not a string, is a fault: note, restart, nothing applied', () => {
    const { store, workers } = supervised();
    store.getState().trainOneEpoch();
    const runId = store.getState().run.runId;
    const before = store.getState().snapshot;
    workers[0].inject({ type: 'snapshot', runId, snapshot: {} });
    expect(workers).toHaveLength(2);
    expect(notes(store).at(-1)).toMatch(
      /training worker failed \(it sent a message the page could not use: a “snapshot” message at snapshot\.\w+: .+\)\. It was restarted with your settings/,
    );
    expect(before?.network.params.length).toBe(store.getState().snapshot?.network.params.length);
    workers[1].inject({ type: 'error', message: { text: 'not a string' } });
    expect(workers).toHaveLength(3);
    expect(notes(store).at(-1)).toMatch(/a “error” message at message/);
    expect(typeof store.getState().run.error === 'string' || store.getState().run.error === null).toBe(true);
  });

  test('a valid snapshot of another network or other data, for the current run, is a fault too (it would draw a lie)', () => {
    const { store, workers } = supervised();
    const foreign = new FakeWorkerEnv();
    foreign.send({ type: 'configure', config: { ...DEFAULT_CONFIG, dataset: 'spiral', hidden: [3, 3] } });
    const snapshot = foreign.last('snapshot');
    expect(labEventProblem(snapshot)).toBeNull();
    workers[0].inject(snapshot);
    expect(workers).toHaveLength(2);
    expect(notes(store).at(-1)).toMatch(/a “snapshot” message of a 2-3-3-1 network for run 1, whose network is 2-4-1/);
    expect(store.getState().snapshot?.network.sizes).toEqual([2, 4, 1]);
    // same shape, other data: 200 samples where the run has 4
    const sameShape = new FakeWorkerEnv();
    sameShape.send({ type: 'configure', config: { ...DEFAULT_CONFIG, dataset: 'circle' } });
    const runId = store.getState().run.runId;
    workers[1].inject({ ...sameShape.last('snapshot'), runId });
    expect(workers).toHaveLength(3);
    expect(notes(store).at(-1)).toMatch(new RegExp(`over 200 samples for run ${runId}, whose data has 4`));
  });

  test('every event of a real run fits the schema (the other direction: nothing valid is refused)', () => {
    const configs = [
      DEFAULT_CONFIG,
      { ...DEFAULT_CONFIG, hidden: [3, 2], hiddenActivation: 'relu' as const, dataset: 'spiral' as const },
      { ...DEFAULT_CONFIG, sigmoidForm: 'naive' as const, learningRate: 1e5 },
    ];
    for (const config of configs) {
      const events = realEvents(config);
      expect(new Set(events.map((event) => event.type))).toEqual(new Set(['runStarted', 'status', 'snapshot', 'costs', 'configured', 'error', 'inspected']));
      for (const event of events) expect(labEventProblem(event)).toBeNull();
    }
    const env = new FakeWorkerEnv();
    env.send({ type: 'configure', config: DEFAULT_CONFIG });
    env.send({ type: 'gradientCheck' });
    expect(labEventProblem(env.last('gradientChecked'))).toBeNull();
  });

  test('fuzz: 3,000 real events broken in one place, and non-events: the check never throws, and what it lets through the store applies', () => {
    const events = realEvents();
    const { store } = supervised();
    store.getState().trainOneEpoch();
    const state = store.getState();
    let refused = 0;
    fc.assert(
      fc.property(malformedEvent(events), (message) => {
        const problem = labEventProblem(message);
        if (problem !== null) {
          refused++;
          expect(problem).toMatch(/^a /);
          return;
        }
        expect(() => applyEvent(state, message as LabEvent)).not.toThrow();
      }),
      { seed: 1616, numRuns: 3_000 },
    );
    expect(refused).toBeGreaterThan(2_000);
  });

  test('fuzz: 60 malformed messages into a supervised store: the page never throws, every refused one restarts the worker with a whole run', () => {
    const events = realEvents();
    fc.assert(
      fc.property(malformedEvent(events), (message) => {
        const { store, workers } = supervised({ maxRestarts: 1_000 });
        try {
          const problem = labEventProblem(message);
          expect(() => workers[0].inject(message)).not.toThrow();
          // refused: everything the schema refuses, and valid events that do not fit their run
          if (problem !== null) expect(workers).toHaveLength(2);
          if (workers.length === 1) return;
          expect(notes(store).at(-1)).toMatch(/could not use/);
          // the new worker's run is whole: a snapshot that fits its network
          expect(labEventProblem({ type: 'snapshot', runId: 1, snapshot: store.getState().snapshot })).toBeNull();
        } finally {
          stopSupervisor?.();
          stopSupervisor = null;
        }
      }),
      { seed: 1617, numRuns: 60 },
    );
  });
});

describe('a worker given up on (issue 16, defect 11)', () => {
  test('Play, Step and Reset keep the reload message and send nothing; the lab is halted', () => {
    const { store, workers } = supervised({ maxRestarts: 1 });
    workers[0].crash();
    workers[1].crash();
    const message = store.getState().run.error;
    expect(said(message)).toMatch(/Reload the page/);
    expect(store.getState().run.halted).toBe(message);
    const sent = workers.map((worker) => worker.commands.length);
    for (const action of ['play', 'trainOneEpoch', 'reset', 'newSeed', 'togglePlay', 'continuePastLimit', 'resetWithCorrectDerivative'] as const)
      store.getState()[action]();
    store.getState().trainEpochs(5);
    expect(store.getState().run.error).toBe(message);
    expect(workers.map((worker) => worker.commands.length)).toEqual(sent);
  });

  test('the notes and the halt are kept coded, so the page words them in the language it shows them in', async () => {
    const { store, workers } = supervised({ maxRestarts: 1 });
    workers[0].crash();
    const restarted = store.getState().share.notes.at(-1)?.message ?? null;
    workers[1].crash();
    const halted = store.getState().run.halted;
    expect(typeof restarted).toBe('object');
    expect(typeof halted).toBe('object');
    await switchLanguage('zh-CN');
    try {
      expect(problemText(restarted)).toBe('训练线程出错（它因错误而停止：boom），已用你的设置重启；训练从初始权重重新开始。');
      expect(problemText(halted)).toMatch(/^训练线程再次出错，没有再重启。.*（出错原因：它因错误而停止：boom。）$/);
    } finally {
      await switchLanguage('en');
    }
    expect(problemText(restarted)).toMatch(/^The training worker failed \(it stopped with an error: boom\)\. It was restarted/);
  });
});

describe('after a run stops (issue 11)', () => {
  test('Step at the epoch limit never trains past it: like Play it raises "Stop after" first, then trains that one epoch', () => {
    const { store, workers } = supervised();
    store.getState().setSpeed('max');
    expect(store.getState().setStop({ maxEpochs: 30 })).toBeNull();
    store.getState().play();
    workers[0].env.runUntilIdle();
    expect(store.getState().run).toMatchObject({ epoch: 30, stopReason: 'maxEpochs', running: false });
    const sent = workers[0].commands.length;
    store.getState().trainOneEpoch();
    expect(workers[0].commands.slice(sent, sent + 2).map((command) => command.type)).toEqual(['setStop', 'trainOneEpoch']);
    expect(store.getState().stop.maxEpochs).toBe(60);
    expect(store.getState().run.raisedLimit).toEqual({ from: 30, to: 60 });
    workers[0].env.runUntilIdle();
    expect(store.getState().run.epoch).toBe(31);
  });

  test('Play at the epoch limit raises "Stop after" by its span and trains on from the same weights (it used to only offer a button)', () => {
    const { store, workers } = supervised();
    const state = store.getState();
    state.setSpeed('max');
    expect(state.setStop({ maxEpochs: 30 })).toBeNull();
    state.play();
    workers[0].env.runUntilIdle();
    expect(store.getState().run).toMatchObject({ epoch: 30, stopReason: 'maxEpochs', running: false });
    const sent = workers[0].commands.length;
    store.getState().play();
    expect(workers[0].commands.slice(sent).map((command) => command.type)).toEqual(['setStop', 'play']);
    expect(store.getState().stop.maxEpochs).toBe(60);
    expect(store.getState().run.raisedLimit).toEqual({ from: 30, to: 60 });
    workers[0].env.runUntilIdle();
    expect(store.getState().run).toMatchObject({ epoch: 60, stopReason: 'maxEpochs', raisedLimit: null });
    const reference = buildRun(DEFAULT_CONFIG);
    reference.trainer.train(60);
    expect(store.getState().snapshot?.network.params).toEqual(reference.net.params);
  });

  test('switching the derivative mid-run and pressing Play trains on from the current weights, and the run says from which epoch', () => {
    const { store, workers } = supervised();
    const state = store.getState();
    state.setSpeed('max');
    expect(state.setStop({ maxEpochs: 20 })).toBeNull();
    state.trainEpochs(7);
    workers[0].env.runUntilIdle();
    expect(store.getState().run.epoch).toBe(7);
    expect(store.getState().run.carriedOver).toBeNull();
    expect(store.getState().setConfig({ derivative: 'buggy' })).toBeNull();
    expect(store.getState().run.carriedOver).toBe(7);
    store.getState().play();
    expect(store.getState().run).toMatchObject({ running: true, carriedOver: 7 });
    workers[0].env.runUntilIdle();
    expect(store.getState().run).toMatchObject({ epoch: 20, stopReason: 'maxEpochs', carriedOver: null });
    const reference = buildRun(DEFAULT_CONFIG);
    reference.trainer.train(7);
    reference.trainer.setOptions(trainOptionsOf({ ...DEFAULT_CONFIG, derivative: 'buggy' }));
    reference.trainer.train(13);
    expect(store.getState().snapshot?.network.params).toEqual(reference.net.params);
    // a new run forgets it
    store.getState().reset();
    expect(store.getState().run.carriedOver).toBeNull();
  });
});
