/** `backprop-lab sweep`: the same configuration from many seeds; how often it solves the data. */
import { MAX_SEED, type ModeSummary, type SweepJob, resultsOf, summarizeMode } from '../../engine';
import { UsageError } from '../errors';
import { type FlagValues, parseFlags, readNumber } from '../flags';
import { count, describeConfig, duration, num } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp, without } from '../help';
import type { CliIo } from '../io';
import { ALL_FLAG_NAMES, CONFIG_FLAGS, type Setup, readSetup } from '../setup';
import { coreCount, defaultThreads, runSweep } from '../sweepPool';

const SWEEP_FLAGS = {
  ...without(CONFIG_FLAGS, 'network'),
  inits: { kind: 'string', value: 'N', help: 'number of starts, from seeds seed, seed+1, … (default 100)' },
  threads: { kind: 'string', value: 'N', help: 'worker threads (default: every core for large sweeps, 1 for small)' },
  ...COMMON_FLAGS,
} as const;

const SWEEP_HELP = helpText(
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

const DEFAULT_INITS = 100;

/** What `sweep --json` prints: the engine's summary of the one mode swept, in the CLI's names. */
export interface SweepReport {
  inits: number;
  successes: number;
  successRate: number;
  medianFinalCost: number;
}

/** A diverged start's cost sorts as +∞ in the median, the worst outcome. */
export function sweepReport(summary: ModeSummary): SweepReport {
  return { inits: summary.trials, successes: summary.successes, successRate: summary.trials ? summary.rate : 0, medianFinalCost: summary.medianFinalCost };
}

function readSweepJob(values: FlagValues): { setup: Setup; job: SweepJob; threads: number } {
  const setup = readSetup(values);
  const starts = values.inits === undefined ? DEFAULT_INITS : readNumber('inits', values.inits as string, { integer: true, min: 1, max: 1_000_000 });
  const { config, data } = setup;
  if (config.seed + starts - 1 > MAX_SEED)
    throw new UsageError(`--inits: seeds ${config.seed} … ${config.seed + starts - 1} pass the largest seed ${MAX_SEED}`);
  const job: SweepJob = { config, firstSeed: config.seed, starts, derivatives: [config.derivative], data: data.kind === 'custom' ? data : undefined };
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
  const results = resultsOf(await runSweep(job, threads), job.config.derivative);
  const elapsedMs = performance.now() - started;
  const mode = summarizeMode(results, job.config.derivative);
  const summary = sweepReport(mode);
  if (values.json) {
    io.out(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  const last = job.firstSeed + job.starts - 1;
  const usedThreads = Math.min(threads, job.starts);
  const lines = [
    describeConfig(setup.config, setup.data, job.starts === 1 ? `seed ${job.firstSeed}` : `seeds ${job.firstSeed}…${last}`),
    '',
    `solved ${summary.successes} of ${summary.inits} starts (${num(summary.successRate * 100, 3)}%)`,
    `median final cost ${num(summary.medianFinalCost, 6)}${mode.diverged ? ` · ${mode.diverged} start(s) diverged` : ''}`,
    `${count(job.config.epochs)} epochs per start on ${usedThreads} thread${usedThreads === 1 ? '' : 's'} (of ${coreCount()} cores) in ${duration(elapsedMs)}`,
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
