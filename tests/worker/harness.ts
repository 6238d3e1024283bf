/**
 * A worker without a worker: the pure handler driven in Node with a virtual clock and a task
 * queue. Events pass through structuredClone with their transfer lists, exactly as postMessage
 * would pass them, so a buffer the handler still needs would show up detached here.
 */
import { afterEach, vi } from 'vitest';
import { type LabConfig, Trainer } from '../../src/engine';
import { type LabHandler, createLabHandler } from '../../src/worker/lab/handler';
import type { LabCommand, LabEvent, Speed, LabWorkerLike } from '../../src/worker/lab/protocol';

interface Task {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class FakeWorkerEnv {
  /** virtual milliseconds */
  time = 0;
  events: LabEvent[] = [];
  /** virtual start and end of every task the handler scheduled, in order */
  readonly taskLog: Array<{ start: number; end: number }> = [];
  readonly handler: LabHandler;
  private tasks: Task[] = [];
  private seq = 0;
  private listeners = new Set<(event: LabEvent) => void>();

  constructor() {
    this.handler = createLabHandler({
      post: (event, transfer) => {
        const copy = structuredClone(event, { transfer });
        this.events.push(copy);
        for (const listener of this.listeners) listener(copy);
      },
      now: () => this.time,
      schedule: (fn, ms) => {
        const task: Task = { at: this.time + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
        this.tasks.push(task);
        return () => {
          task.cancelled = true;
        };
      },
    });
  }

  send(command: LabCommand): void {
    this.handler.handle(structuredClone(command));
  }

  /** Runs the earliest scheduled task, moving the clock to its time; false when none is left. */
  runNext(): boolean {
    this.tasks = this.tasks.filter((t) => !t.cancelled);
    if (this.tasks.length === 0) return false;
    this.tasks.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const task = this.tasks.shift()!;
    this.time = Math.max(this.time, task.at);
    const start = this.time;
    task.fn();
    this.taskLog.push({ start, end: this.time });
    return true;
  }

  runUntilIdle(maxTasks = 1_000_000): number {
    let n = 0;
    while (n < maxTasks && this.runNext()) n++;
    return n;
  }

  get pending(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }

  of<T extends LabEvent['type']>(type: T): Extract<LabEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<LabEvent, { type: T }> => e.type === type);
  }

  last<T extends LabEvent['type']>(type: T): Extract<LabEvent, { type: T }> {
    const list = this.of(type);
    if (list.length === 0) throw new Error(`no ${type} event`);
    return list[list.length - 1];
  }

  /** All costs streamed for a run, checking that batches follow each other without gaps. */
  costsOf(runId: number): Float64Array {
    const batches = this.of('costs').filter((e) => e.runId === runId);
    const total = batches.reduce((n, b) => n + b.costs.length, 0);
    const out = new Float64Array(total);
    let next = batches.length ? batches[0].startEpoch : 0;
    let k = 0;
    for (const b of batches) {
      if (b.startEpoch !== next) throw new Error(`gap: batch starts at ${b.startEpoch}, expected ${next}`);
      out.set(b.costs, k);
      k += b.costs.length;
      next += b.costs.length;
    }
    return out;
  }

  onEvent(listener: (event: LabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A LabWorkerLike over this env: commands reach the handler at once, events come back synchronously. */
  worker(): LabWorkerLike {
    const wrapped = new Map<unknown, (event: LabEvent) => void>();
    return {
      postMessage: (command) => this.send(command),
      addEventListener: (_type, listener) => {
        const fn = (event: LabEvent) => listener({ data: event } as MessageEvent<LabEvent>);
        wrapped.set(listener, fn);
        this.listeners.add(fn);
      },
      removeEventListener: (_type, listener) => {
        const fn = wrapped.get(listener);
        if (fn) this.listeners.delete(fn);
        wrapped.delete(listener);
      },
      terminate: () => this.handler.dispose(),
    };
  }
}

/**
 * Makes the virtual clock advance as if each epoch took `msPerEpoch`, so slice lengths and
 * pacing are tested deterministically, whatever the machine's load.
 */
export function simulateEngineSpeed(env: FakeWorkerEnv, msPerEpoch: number): () => void {
  const original = Trainer.prototype.train;
  const spy = vi.spyOn(Trainer.prototype, 'train').mockImplementation(function (this: Trainer, ...args: Parameters<Trainer['train']>) {
    const result = original.apply(this, args);
    env.time += result.ran * msPerEpoch;
    return result;
  });
  return () => spy.mockRestore();
}

/**
 * For a test file: `start(config, speed?)` gives a handler configured with `config` whose clock runs
 * as if an epoch took 1 µs (optionally at `speed` first); the speed simulation is undone after each test.
 */
export function fastWorkerStarter(): (config: LabConfig, speed?: Speed) => FakeWorkerEnv {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });
  return (config, speed) => {
    restore?.(); // a second start in one test replaces the first's simulation
    const env = new FakeWorkerEnv();
    restore = simulateEngineSpeed(env, 0.001);
    if (speed !== undefined) env.send({ type: 'setSpeed', speed });
    env.send({ type: 'configure', config });
    return env;
  };
}
