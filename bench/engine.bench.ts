/**
 * `npm run bench`: the engine's speed on the three cases, printed as a table.
 *   1. the question's experiment: XOR, [2,2,1], sigmoid, cross-entropy, full batch, 60,000 epochs
 *   2. 2-8-8-1 tanh on the 200-point spiral, mini-batches of 10
 *   3. a 1,000-start sweep of experiment 1 on the command line's worker_threads pool
 * Flags: --quick (smaller, for a smoke run), --json (one object), --threads N for case 3 (default 2).
 * --against DIR: cases 1 and 2 side by side with the engine of another checkout (e.g. a
 * `git worktree add /tmp/old <commit>`), alternating old and new run by run so that both see the
 * same load; prints each median and the ratio new/old, then stops.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sweepReport } from '../src/cli/commands/sweep';
import { runSweep } from '../src/cli/sweepPool';
import { type LabConfig, buildRun, questionConfig, resultsOf, summarizeMode } from '../src/engine';
import { type Rates, machine, median, rates } from './measure';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, threads: { type: 'string' }, against: { type: 'string' } } });
const quick = values.quick === true;
const threads = Number(values.threads ?? 2);

/** Epochs per second of `config`, each timed repeat a fresh run from a new seed. */
function epochsPerSecond(config: LabConfig, epochs: number, warmups: number, repeats: number): Rates {
  return rates(
    (repeat) => {
      const run = buildRun({ ...config, seed: 1000 + repeat });
      return run.trainer.train(epochs).ran;
    },
    warmups,
    repeats,
  );
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

if (values.against) {
  await sideBySide(resolve(values.against));
  process.exit(0);
}

const questionRate = epochsPerSecond(question, 60_000, quick ? 2 : 5, quick ? 3 : 15);
log(
  `1. question XOR [2,2,1] sigmoid CE full batch (buggy δ, ÷n₀): ${fmt(questionRate.median)} epochs/s (median of ${questionRate.all.length} runs of 60,000 epochs; range ${fmt(Math.min(...questionRate.all))}–${fmt(Math.max(...questionRate.all))}; ${fmt(questionRate.perCpuSecond)} per CPU second)`,
);
const correctRate = epochsPerSecond(correct, 60_000, quick ? 1 : 3, quick ? 3 : 9);
log(`   same network, correct δ and mean gradient: ${fmt(correctRate.median)} epochs/s (${fmt(correctRate.perCpuSecond)} per CPU second)`);

const spiralRate = epochsPerSecond(spiral, quick ? 200 : 1000, quick ? 1 : 2, quick ? 3 : 7);
log(
  `2. spiral (200 points) 2-8-8-1 tanh → sigmoid, batch 10: ${fmt(spiralRate.median)} epochs/s = ${fmt(spiralRate.median * 200)} samples/s (median of ${spiralRate.all.length}; ${fmt(spiralRate.perCpuSecond)} epochs per CPU second)`,
);

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

/** Cases 1 and 2 on this engine and on the one under `dir`, alternating run by run. */
async function sideBySide(dir: string): Promise<void> {
  const other = (await import(pathToFileURL(join(dir, 'src/engine/index.ts')).href)) as { buildRun: typeof buildRun };
  const cases: Array<{ name: string; config: LabConfig; epochs: number; repeats: number }> = [
    { name: '1. question XOR [2,2,1] sigmoid CE full batch (buggy δ, ÷n₀)', config: question, epochs: 60_000, repeats: quick ? 3 : 15 },
    { name: '   same network, correct δ and mean gradient', config: correct, epochs: 60_000, repeats: quick ? 3 : 9 },
    { name: '2. spiral 2-8-8-1 tanh → sigmoid, batch 10', config: spiral, epochs: quick ? 200 : 1000, repeats: quick ? 3 : 7 },
  ];
  log(`side by side: new = ${process.cwd()}, old = ${dir}; each run alternates old, new`);
  for (const c of cases) {
    const time = (build: typeof buildRun, repeat: number): [number, number] => {
      const run = build({ ...c.config, seed: 1000 + repeat });
      const cpu = process.cpuUsage();
      const started = performance.now();
      const ran = run.trainer.train(c.epochs).ran;
      const wall = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      return [ran / wall, ran / ((used.user + used.system) / 1e6)];
    };
    for (let k = 0; k < 3; k++) {
      time(other.buildRun, -1 - k);
      time(buildRun, -1 - k);
    }
    const oldRuns: [number, number][] = [];
    const newRuns: [number, number][] = [];
    for (let k = 0; k < c.repeats; k++) {
      // alternate which goes first, so neither always runs on a warmer or a quieter machine
      if (k % 2 === 0) {
        oldRuns.push(time(other.buildRun, k));
        newRuns.push(time(buildRun, k));
      } else {
        newRuns.push(time(buildRun, k));
        oldRuns.push(time(other.buildRun, k));
      }
    }
    const wallOld = median(oldRuns.map((r) => r[0]));
    const wallNew = median(newRuns.map((r) => r[0]));
    const cpuOld = median(oldRuns.map((r) => r[1]));
    const cpuNew = median(newRuns.map((r) => r[1]));
    log(
      `${c.name}: old ${fmt(wallOld)}, new ${fmt(wallNew)} epochs/s (median of ${c.repeats}), new/old ${(wallNew / wallOld).toFixed(3)}; per CPU second old ${fmt(cpuOld)}, new ${fmt(cpuNew)}, new/old ${(cpuNew / cpuOld).toFixed(3)}`,
    );
  }
  log(`load average at the end: ${machine().load}`);
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function log(line: string): void {
  (values.json ? console.error : console.log)(line);
}
