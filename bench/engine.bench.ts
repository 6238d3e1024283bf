/**
 * `npm run bench`: the engine's speed on the three cases, printed as a table.
 *   1. the question's experiment: XOR, [2,2,1], sigmoid, cross-entropy, full batch, 60,000 epochs
 *   2. 2-8-8-1 tanh on the 200-point spiral, mini-batches of 10
 *   3. a 1,000-start sweep of experiment 1 on the command line's worker_threads pool
 * Flags: --quick (smaller, for a smoke run), --json (one object), --threads N for case 3 (default 2).
 */
import { parseArgs } from 'node:util';
import { sweepReport } from '../src/cli/commands/sweep';
import { runSweep } from '../src/cli/sweepPool';
import { type LabConfig, buildRun, questionConfig, resultsOf, summarizeMode } from '../src/engine';
import { type Rates, machine, rates } from './measure';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, threads: { type: 'string' } } });
const quick = values.quick === true;
const threads = Number(values.threads ?? 2);

/** Epochs per second of `config`, each timed repeat a fresh run from a new seed. */
function epochsPerSecond(config: LabConfig, epochs: number, warmups: number, repeats: number): Rates {
  return rates((repeat) => {
    const run = buildRun({ ...config, seed: 1000 + repeat });
    return run.trainer.train(epochs).ran;
  }, warmups, repeats);
}

const question = questionConfig('XOR');
const correct: LabConfig = { ...question, derivative: 'correct', gradientDivisor: 'samples' };
const spiral: LabConfig = {
  ...question,
  dataset: 'spiral',
  hidden: [8, 8],
  hiddenActivation: 'tanh',
  outputActivation: 'sigmoid',
  derivative: 'correct',
  gradientDivisor: 'samples',
  learningRate: 0.03,
  batchSize: 10,
  init: 'xavier',
};

const host = machine();
log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}, load average ${host.load}`);

const questionRate = epochsPerSecond(question, 60_000, quick ? 2 : 5, quick ? 3 : 15);
log(`1. question XOR [2,2,1] sigmoid CE full batch (buggy δ, ÷n₀): ${fmt(questionRate.median)} epochs/s (median of ${questionRate.all.length} runs of 60,000 epochs; range ${fmt(Math.min(...questionRate.all))}–${fmt(Math.max(...questionRate.all))}; ${fmt(questionRate.perCpuSecond)} per CPU second)`);
const correctRate = epochsPerSecond(correct, 60_000, quick ? 1 : 3, quick ? 3 : 9);
log(`   same network, correct δ and mean gradient: ${fmt(correctRate.median)} epochs/s (${fmt(correctRate.perCpuSecond)} per CPU second)`);

const spiralRate = epochsPerSecond(spiral, quick ? 200 : 1000, quick ? 1 : 2, quick ? 3 : 7);
log(`2. spiral (200 points) 2-8-8-1 tanh → sigmoid, batch 10: ${fmt(spiralRate.median)} epochs/s = ${fmt(spiralRate.median * 200)} samples/s (median of ${spiralRate.all.length}; ${fmt(spiralRate.perCpuSecond)} epochs per CPU second)`);

const starts = quick ? 100 : 1000;
const sweepCpu = process.cpuUsage();
const sweepStarted = performance.now();
const results = resultsOf(await runSweep({ config: question, firstSeed: 1, starts, derivatives: [question.derivative] }, threads), question.derivative);
const sweepSeconds = (performance.now() - sweepStarted) / 1000;
const sweepCpuSeconds = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(sweepCpu));
const sweep = sweepReport(summarizeMode(results, question.derivative));
const totalEpochs = results.reduce((sum, r) => sum + r.epochs, 0);
const serialEstimate = totalEpochs / questionRate.median;
log(
  `3. sweep of ${starts} starts × 60,000 epochs (question XOR) on ${threads} threads: ${sweepSeconds.toFixed(2)} s wall ` +
    `(${fmt(totalEpochs / sweepSeconds)} epochs/s in all; ${sweepCpuSeconds.toFixed(1)} CPU seconds; one thread at the rate of case 1 would take ${serialEstimate.toFixed(1)} s; ` +
    `solved ${sweep.successes}/${starts}, median final cost ${sweep.medianFinalCost.toPrecision(4)})`,
);

log(`load average at the end: ${machine().load} (other work on the cores lowers every figure)`);

if (values.json) {
  console.log(
    JSON.stringify({
      machine: host,
      questionEpochsPerSecond: questionRate.median,
      questionRuns: questionRate.all,
      questionEpochsPerCpuSecond: questionRate.perCpuSecond,
      correctEpochsPerSecond: correctRate.median,
      spiralEpochsPerSecond: spiralRate.median,
      spiralEpochsPerCpuSecond: spiralRate.perCpuSecond,
      sweep: { starts, threads, wallSeconds: sweepSeconds, cpuSeconds: sweepCpuSeconds, ...sweep },
    }),
  );
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function log(line: string): void {
  (values.json ? console.error : console.log)(line);
}
