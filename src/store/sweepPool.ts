/**
 * A pool of bug-lab workers (one per core) that runs a sweep's chunks, reports progress with an
 * estimate of time left, and cancels by terminating its workers (the next sweep starts fresh ones).
 * Workers come from a factory, so Node tests pass in-process fakes and the benchmark worker_threads.
 * A twin run gets a worker of its own, so it can run while a sweep is going.
 */
import { type Dataset, type LabConfig, type Problem, type SeedChunk, type SweepSummary, type TwinResult, engineMessage, planChunks } from '../engine';
import { SweepCollector, type SweepProgress, estimateTimeLeftMs } from '../worker/sweep/sweepPlan';
import { type SweepCommand, type SweepEvent, type SweepRequest, type TwinGrids, sweepRequestError } from '../worker/sweep/sweepProtocol';

/** What the pool needs of a worker: a browser Worker fits, and so do test fakes. */
export interface SweepWorkerLike {
  postMessage(command: SweepCommand): void;
  terminate(): void;
  onmessage: ((event: { data: SweepEvent }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export type SweepOutcome =
  | { status: 'done'; summary: SweepSummary; elapsedMs: number; workers: number }
  | { status: 'cancelled'; progress: SweepProgress }
  | { status: 'error'; message: Problem };

export type TwinOutcome =
  | { status: 'done'; result: TwinResult; grids: TwinGrids; elapsedMs: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: Problem };

export interface SweepPoolOptions {
  createWorker: () => SweepWorkerLike;
  /** default: one per core (navigator.hardwareConcurrency), at least 1 */
  workerCount?: number;
  now?: () => number;
  /** progress events at most this often, apart from the last (default 100 ms) */
  progressIntervalMs?: number;
}

export interface TwinOptions {
  /** default config.epochs */
  epochs?: number;
  resolution?: number;
  neuronResolution?: number;
  /** the user's own data (default: the config's named dataset) */
  data?: Dataset;
  /** called about 100 times while the twins train */
  onProgress?: (progress: TwinProgress) => void;
}

export interface TwinProgress {
  /** epochs both twins have run */
  epoch: number;
  epochs: number;
  elapsedMs: number;
  /** null until the first report */
  timeLeftMs: number | null;
}

function defaultWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  return Math.max(1, Math.min(16, Number.isInteger(cores) && cores! > 0 ? cores! : 2));
}

interface ActiveSweep {
  jobId: number;
  queue: SeedChunk[];
  config: LabConfig;
  data?: Dataset;
  collector: SweepCollector;
  onProgress?: (progress: SweepProgress) => void;
  lastProgressAt: number;
  settle: (outcome: SweepOutcome) => void;
}

interface ActiveTwin {
  jobId: number;
  startedAt: number;
  onProgress?: (progress: TwinProgress) => void;
  settle: (outcome: TwinOutcome) => void;
}

export class SweepPool {
  readonly workerCount: number;
  private readonly createWorker: () => SweepWorkerLike;
  private readonly now: () => number;
  private readonly progressIntervalMs: number;
  private workers: SweepWorkerLike[] = [];
  private sweep: ActiveSweep | null = null;
  private twinWorker: SweepWorkerLike | null = null;
  private twinJob: ActiveTwin | null = null;
  private nextJobId = 1;

  constructor(options: SweepPoolOptions) {
    this.createWorker = options.createWorker;
    this.workerCount = Math.max(1, Math.floor(options.workerCount ?? defaultWorkerCount()));
    this.now = options.now ?? (() => performance.now());
    this.progressIntervalMs = options.progressIntervalMs ?? 100;
  }

  /** Whether a sweep is running. */
  get running(): boolean {
    return this.sweep !== null;
  }

  /** Runs the sweep; never rejects (bad requests and worker failures come back as status 'error'). */
  run(request: SweepRequest, onProgress?: (progress: SweepProgress) => void): Promise<SweepOutcome> {
    const problem = sweepRequestError(request);
    if (problem) return Promise.resolve({ status: 'error', message: problem });
    if (this.sweep) return Promise.resolve({ status: 'error', message: engineMessage('sweepRunning') });
    const firstSeed = request.firstSeed ?? request.config.seed;
    const queue = planChunks(firstSeed, request.starts, this.workerCount);
    const startedAt = this.now();
    return new Promise<SweepOutcome>((resolve) => {
      const job: ActiveSweep = {
        jobId: this.nextJobId++,
        queue,
        config: request.config,
        data: request.data,
        collector: new SweepCollector(request.starts, startedAt),
        onProgress,
        lastProgressAt: -Infinity,
        settle: resolve,
      };
      this.sweep = job;
      const count = Math.min(this.workerCount, queue.length);
      while (this.workers.length < count) this.workers.push(this.spawn(this.workers.length));
      for (let w = 0; w < count; w++) this.dispatch(w);
    });
  }

  /** Stops the running sweep at once: its workers are terminated and its promise resolves 'cancelled'. */
  cancel(): boolean {
    const job = this.sweep;
    if (!job) return false;
    this.terminateWorkers();
    this.sweep = null;
    job.settle({ status: 'cancelled', progress: job.collector.progress(this.now()) });
    return true;
  }

  /** A twin run on the pool's twin worker; a second call cancels a twin still running. */
  twin(config: LabConfig, options: TwinOptions = {}): Promise<TwinOutcome> {
    this.cancelTwin();
    const jobId = this.nextJobId++;
    if (!this.twinWorker) {
      const worker = this.createWorker();
      worker.onmessage = (event) => this.onTwinEvent(event.data);
      worker.onerror = (event) => this.failTwin(engineMessage('twinWorkerFailed', { error: event.message ?? engineMessage('workerNoDetail') }));
      this.twinWorker = worker;
    }
    return new Promise<TwinOutcome>((resolve) => {
      this.twinJob = { jobId, startedAt: this.now(), onProgress: options.onProgress, settle: resolve };
      this.twinWorker!.postMessage({
        type: 'twin',
        jobId,
        config,
        epochs: options.epochs ?? config.epochs,
        resolution: options.resolution ?? 100,
        neuronResolution: options.neuronResolution ?? 32,
        data: options.data,
        progress: options.onProgress !== undefined,
      });
    });
  }

  cancelTwin(): boolean {
    const job = this.twinJob;
    if (!job) return false;
    this.twinWorker?.terminate();
    this.twinWorker = null;
    this.twinJob = null;
    job.settle({ status: 'cancelled' });
    return true;
  }

  /** Cancels everything and terminates every worker. */
  dispose(): void {
    this.cancel();
    this.cancelTwin();
    this.terminateWorkers();
    this.twinWorker?.terminate();
    this.twinWorker = null;
  }

  private spawn(index: number): SweepWorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (event) => this.onSweepEvent(index, event.data);
    worker.onerror = (event) =>
      this.failSweep(engineMessage('sweepWorkerFailed', { worker: index + 1, error: event.message ?? engineMessage('workerNoDetail') }));
    return worker;
  }

  private dispatch(index: number): void {
    const job = this.sweep;
    const chunk = job?.queue.shift();
    if (!job || !chunk) return;
    this.workers[index].postMessage({ type: 'starts', jobId: job.jobId, config: job.config, first: chunk.first, count: chunk.count, data: job.data });
  }

  private onSweepEvent(index: number, event: SweepEvent): void {
    const job = this.sweep;
    if (!job || event.jobId !== job.jobId) return; // a message from a cancelled sweep
    if (event.type === 'error') {
      this.failSweep(event.message);
      return;
    }
    if (event.type === 'chunkDone') {
      this.dispatch(index);
      return;
    }
    if (event.type !== 'start') return;
    job.collector.add(event.record);
    const now = this.now();
    const progress = job.collector.progress(now);
    const complete = job.collector.complete;
    if (job.onProgress && (complete || now - job.lastProgressAt >= this.progressIntervalMs)) {
      job.lastProgressAt = now;
      job.onProgress(progress);
    }
    if (complete) {
      this.sweep = null;
      job.settle({ status: 'done', summary: job.collector.summary(), elapsedMs: progress.elapsedMs, workers: this.workers.length });
    }
  }

  private failSweep(message: Problem): void {
    const job = this.sweep;
    if (!job) return;
    this.terminateWorkers();
    this.sweep = null;
    job.settle({ status: 'error', message });
  }

  private onTwinEvent(event: SweepEvent): void {
    const job = this.twinJob;
    if (!job || event.jobId !== job.jobId) return;
    if (event.type === 'twinProgress') {
      const elapsedMs = this.now() - job.startedAt;
      job.onProgress?.({ epoch: event.epoch, epochs: event.epochs, elapsedMs, timeLeftMs: estimateTimeLeftMs(event.epoch, event.epochs, elapsedMs) });
      return;
    }
    this.twinJob = null;
    if (event.type === 'twin') job.settle({ status: 'done', result: event.result, grids: event.grids, elapsedMs: this.now() - job.startedAt });
    else if (event.type === 'error') job.settle({ status: 'error', message: event.message });
  }

  private failTwin(message: Problem): void {
    const job = this.twinJob;
    this.twinWorker?.terminate();
    this.twinWorker = null;
    this.twinJob = null;
    job?.settle({ status: 'error', message });
  }

  private terminateWorkers(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }
}

/** The browser's pool: module workers built by Vite as their own chunk, one per core. */
export function createBrowserSweepPool(workerCount = defaultWorkerCount()): SweepPool {
  return new SweepPool({
    workerCount,
    createWorker: () => new Worker(new URL('../worker/sweep/sweep.worker.ts', import.meta.url), { type: 'module' }) as unknown as SweepWorkerLike,
  });
}
