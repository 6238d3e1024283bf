/** `backprop-lab sweep`: the same configuration from many seeds; how often it solves the data. */
import { MAX_SEED, type StartResult } from '../../engine';
import { UsageError } from '../errors';
import { type FlagValues, parseFlags, readNumber } from '../flags';
import { count, describeConfig, duration, num } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp, without } from '../help';
import type { CliIo } from '../io';
import { ALL_FLAG_NAMES, CONFIG_FLAGS, type Setup, readSetup } from '../setup';
import { type SweepJob, coreCount, defaultThreads, runSweep } from '../sweepPool';

export const SWEEP_FLAGS = {
  ...without(CONFIG_FLAGS, 'network'),
  inits: { kind: 'string', value: 'N', help: 'number of starts, from seeds seed, seed+1, … (default 100)' },
  threads: { kind: 'string', value: 'N', help: 'worker threads (default: every core for large sweeps, 1 for small)' },
  ...COMMON_FLAGS,
} as const;

export const SWEEP_HELP = helpText(
  'backprop-lab sweep [flags]',
  'Trains the same configuration from --inits seeds and reports how many starts solve the data\nand the median final cost. Results do not depend on --threads.',
  SWEEP_FLAGS,
  [
    'examples:',
    '  backprop-lab sweep --preset question-and --inits 200',
    '  backprop-lab sweep --preset question-and --derivative correct --gradient-divisor samples --inits 200',
    '--json prints {inits, successes, successRate, medianFinalCost}; a diverged start counts as cost +∞ (null in JSON if it is the median).',
  ],
);

export const DEFAULT_INITS = 100;

export interface SweepSummary {
  inits: number;
  successes: number;
  successRate: number;
  medianFinalCost: number;
}

/** A non-finite final cost (a diverged start) sorts as +∞, the worst outcome. */
export function summarizeSweep(results: readonly StartResult[]): SweepSummary {
  const costs = results.map((r) => (Number.isNaN(r.finalCost) ? Infinity : r.finalCost)).sort((a, b) => a - b);
  const middle = costs.length >> 1;
  const median = costs.length === 0 ? NaN : costs.length % 2 === 1 ? costs[middle] : (costs[middle - 1] + costs[middle]) / 2;
  const successes = results.filter((r) => r.solved).length;
  return { inits: results.length, successes, successRate: results.length ? successes / results.length : 0, medianFinalCost: median };
}

export function readSweepJob(values: FlagValues): { setup: Setup; job: SweepJob; threads: number } {
  const setup = readSetup(values);
  const starts = values.inits === undefined ? DEFAULT_INITS : readNumber('inits', values.inits as string, { integer: true, min: 1, max: 1_000_000 });
  const { config, data } = setup;
  if (config.seed + starts - 1 > MAX_SEED) throw new UsageError(`--inits: seeds ${config.seed} … ${config.seed + starts - 1} pass the largest seed ${MAX_SEED}`);
  const job: SweepJob = { config, firstSeed: config.seed, starts, data: data.kind === 'custom' ? data : undefined };
  const threads = values.threads === undefined ? defaultThreads(job) : readNumber('threads', values.threads as string, { integer: true, min: 1, max: 256 });
  return { setup, job, threads };
}

export async function sweepCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(SWEEP_HELP);
    return 0;
  }
  const values = parseFlags('sweep', argv, SWEEP_FLAGS, ALL_FLAG_NAMES);
  const { setup, job, threads } = readSweepJob(values);
  const started = performance.now();
  const results = await runSweep(job, threads);
  const elapsedMs = performance.now() - started;
  const summary = summarizeSweep(results);
  if (values.json) {
    io.out(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  const diverged = results.filter((r) => r.diverged).length;
  const last = job.firstSeed + job.starts - 1;
  const usedThreads = Math.min(threads, job.starts);
  const lines = [
    describeConfig(setup.config, setup.data, job.starts === 1 ? `seed ${job.firstSeed}` : `seeds ${job.firstSeed}…${last}`),
    '',
    `solved ${summary.successes} of ${summary.inits} starts (${num(summary.successRate * 100, 3)}%)`,
    `median final cost ${num(summary.medianFinalCost, 6)}${diverged ? ` · ${diverged} start(s) diverged` : ''}`,
    `${count(job.config.epochs)} epochs per start on ${usedThreads} thread${usedThreads === 1 ? '' : 's'} (of ${coreCount()} cores) in ${duration(elapsedMs)}`,
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
