/**
 * One sweep, whatever runs it: the plan (seeds into chunks), the per-seed record and the summary
 * (rates with Wilson intervals, medians, the histogram of final costs, paired outcomes). The CLI's
 * worker_threads pool and the page's Web Worker pool only carry chunks and records; every start
 * depends on (config, seed) alone, so the summary is the same for any pool, size or arrival order.
 */
import { type LabConfig, type StartResult, questionConfig, runStart } from './config';
import { type Dataset, type GateName, namedDataset } from './datasets';
import { lockstepLanes, lockstepSupports, runLockstep } from './lockstep/lockstep';
import { DERIVATIVE_MODES, type DerivativeMode } from './options';
import { type LogHistogram, type LogHistogramOptions, type RateInterval, logHistogram, median, wilsonInterval } from './stats';

/** A sweep: `config` from seeds firstSeed … firstSeed + starts − 1, each with the listed derivative modes. */
export interface SweepJob {
  config: LabConfig;
  firstSeed: number;
  starts: number;
  /** the modes each start trains (config.derivative is ignored) */
  derivatives: readonly DerivativeMode[];
  /** the user's own data; named datasets are rebuilt from the config */
  data?: Dataset;
}

/** Consecutive seeds handed to one worker at a time. */
export interface SeedChunk {
  first: number;
  count: number;
}

/** The per-seed record: each requested mode's outcome, trained from the same seed and data. */
export type SweepRecord = { seed: number } & Partial<Record<DerivativeMode, StartResult>>;

/** A record of a start run with both modes (what the bug lab sweeps). */
export type SweepStartRecord = { seed: number } & Record<DerivativeMode, StartResult>;

/** Chunks per worker: enough that no worker idles long at the end, even when some starts diverge early. */
const CHUNKS_PER_WORKER = 8;
/** No chunk holds more seeds than this, so progress and cancelling stay prompt (a chunk's starts train side by side, up to 16). */
const MAX_CHUNK = 16;

/** The seeds of a sweep split into chunks, in order, for `workerCount` workers. */
export function planChunks(firstSeed: number, starts: number, workerCount: number): SeedChunk[] {
  const workers = Math.max(1, Math.floor(workerCount));
  const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(starts / (workers * CHUNKS_PER_WORKER))));
  const chunks: SeedChunk[] = [];
  for (let offset = 0; offset < starts; offset += size) chunks.push({ first: firstSeed + offset, count: Math.min(size, starts - offset) });
  return chunks;
}

/**
 * A chunk's records, in seed order, on this thread: each mode's starts train side by side where
 * lockstep can train the configuration (the same bits as runStart), else one by one with runStart.
 */
export function runSweepChunk(job: Omit<SweepJob, 'firstSeed' | 'starts'>, chunk: SeedChunk): SweepRecord[] {
  const data = job.data ?? namedDataset(job.config.dataset, job.config.dataSeed);
  const records: SweepRecord[] = Array.from({ length: chunk.count }, (_, k) => ({ seed: chunk.first + k }));
  for (const mode of job.derivatives) {
    const config: LabConfig = { ...job.config, derivative: mode };
    const lockstep = lockstepSupports(config, data.count);
    const group = lockstep ? lockstepLanes(config, data) : chunk.count;
    for (let offset = 0; offset < chunk.count; offset += group) {
      const seeds = Array.from({ length: Math.min(group, chunk.count - offset) }, (_, k) => chunk.first + offset + k);
      const results = lockstep ? runLockstep(config, seeds, data) : seeds.map((seed) => runStart(config, seed, data));
      results.forEach((result, k) => {
        records[offset + k][mode] = result;
      });
    }
  }
  return records;
}

/** Both modes of one start (what a click on a sweep's start reopens in the lab). */
export function runStartPair(config: LabConfig, seed: number, data?: Dataset): SweepStartRecord {
  return runSweepChunk({ config, derivatives: DERIVATIVE_MODES, data }, { first: seed, count: 1 })[0] as SweepStartRecord;
}

export type StartOutcome = 'both' | 'correctOnly' | 'buggyOnly' | 'neither';

export interface ModeSummary extends RateInterval {
  derivative: DerivativeMode;
  /** median final cost (diverged runs count as +∞) */
  medianFinalCost: number;
  diverged: number;
}

export interface SweepSummary {
  starts: number;
  /** the seeds are firstSeed … firstSeed + starts − 1 (records sorted by seed) */
  firstSeed: number;
  records: SweepStartRecord[];
  correct: ModeSummary;
  buggy: ModeSummary;
  /** paired outcomes: the seeds solved by both modes, only by one, or by neither (ascending) */
  outcomes: Record<StartOutcome, number[]>;
  /** final costs; series 0 = correct, 1 = buggy; members are indices into records */
  histogram: LogHistogram;
}

/** One mode's success rate (Wilson 95%), median final cost and divergences over its starts. */
export function summarizeMode(results: readonly StartResult[], derivative: DerivativeMode): ModeSummary {
  const solved = results.filter((r) => r.solved).length;
  return {
    derivative,
    ...wilsonInterval(solved, results.length),
    medianFinalCost: median(results.map((r) => r.finalCost)),
    diverged: results.filter((r) => r.diverged).length,
  };
}

/** One mode's results from records, in seed order (records without that mode are skipped). */
export function resultsOf(records: readonly SweepRecord[], mode: DerivativeMode): StartResult[] {
  return [...records].sort((p, q) => p.seed - q.seed).flatMap((r) => (r[mode] ? [r[mode]] : []));
}

/** The paired sweep's result from its per-start records (in any order; the summary sorts them by seed). */
export function summarizeSweep(records: readonly SweepStartRecord[], options: LogHistogramOptions = {}): SweepSummary {
  const sorted = [...records].sort((p, q) => p.seed - q.seed);
  const outcomes: Record<StartOutcome, number[]> = { both: [], correctOnly: [], buggyOnly: [], neither: [] };
  for (const r of sorted) {
    const outcome: StartOutcome = r.correct.solved ? (r.buggy.solved ? 'both' : 'correctOnly') : r.buggy.solved ? 'buggyOnly' : 'neither';
    outcomes[outcome].push(r.seed);
  }
  return {
    starts: sorted.length,
    firstSeed: sorted.length > 0 ? sorted[0].seed : 0,
    records: sorted,
    correct: summarizeMode(resultsOf(sorted, 'correct'), 'correct'),
    buggy: summarizeMode(resultsOf(sorted, 'buggy'), 'buggy'),
    outcomes,
    histogram: logHistogram([sorted.map((r) => r.correct.finalCost), sorted.map((r) => r.buggy.finalCost)], options),
  };
}

/**
 * What a sweep's result is kept under: every setting but the seed (a sweep's first seed, shown with
 * its result) and the derivative (a sweep runs both), key order aside; for the user's own data also
 * a hash of its numbers. A sweep from another first seed replaces the configuration's result.
 */
export function sweepKey(config: LabConfig, data?: Dataset): string {
  const entries = Object.entries(config).filter(([name]) => name !== 'seed' && name !== 'derivative');
  const settings = JSON.stringify(Object.fromEntries(entries.sort(([p], [q]) => (p < q ? -1 : 1))));
  if (data?.kind !== 'custom') return settings;
  // FNV-1a over the bytes of the inputs and targets
  let hash = 0x811c9dc5;
  for (const values of [data.inputs, data.targets]) {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    for (let k = 0; k < bytes.length; k++) hash = Math.imul(hash ^ bytes[k], 0x01000193) >>> 0;
  }
  return `${settings}|${data.name}|${data.count}|${hash.toString(16)}`;
}

/** The gates the gate comparison runs, in its rows' order. */
export const COMPARED_GATES: readonly GateName[] = ['OR', 'AND', 'XOR'];

/** The gate comparison's configuration for a gate: the question's [2,2,1] preset on it, as `cli sweep --preset question-…` runs it. */
export function gateComparisonConfig(gate: GateName): LabConfig {
  return questionConfig(gate);
}
