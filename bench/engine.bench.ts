/**
 * `npm run bench`: the engine's speed on the issue's three cases, then a table to paste.
 *   1. the question's experiment: XOR, [2,2,1], sigmoid, cross-entropy, full batch, 60,000 epochs,
 *      in both derivative modes, side by side with the plain flat-array reference (bench/reference.ts)
 *      run by run, whose final weights must equal the engine's bit for bit (a line says so if not)
 *   2. 2-8-8-1 tanh on the 200-point spiral, mini-batches of 10
 *   3. a 1,000-start sweep of experiment 1 on the command line's worker_threads pool
 * Flags: --quick (smaller, for a smoke run), --json (one object), --threads N for case 3 (default 2).
 * --against DIR: cases 1 and 2 also on the engine of another checkout (e.g. a
 * `git worktree add /tmp/old <commit>`), in turn run by run so that all see the same load; no case 3.
 */
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { sweepReport } from '../src/cli/commands/sweep';
import { runSweep } from '../src/cli/sweepPool';
import { type LabConfig, buildRun, questionConfig, resultsOf, summarizeMode } from '../src/engine';
import { machine, median, timeOnce } from './measure';
import { type ReferenceRun, referenceTrain } from './reference';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, threads: { type: 'string' }, against: { type: 'string' } } });
const quick = values.quick === true;
const threads = Number(values.threads ?? 2);

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
const other = values.against ? await otherEngine(join(resolve(values.against), 'src/engine/index.ts')) : null;
if (values.against) log(`old = the engine of ${resolve(values.against)}, in a worker thread of its own`);

/** The other checkout's engine in a worker thread (bench/otherEngine.mjs): times one fresh run per call. */
async function otherEngine(entry: string): Promise<{ time: (config: LabConfig, epochs: number) => Promise<{ wall: number; cpu: number }>; stop: () => void }> {
  const worker = new Worker(new URL('./otherEngine.mjs', import.meta.url), { workerData: { entry } });
  await once(worker, 'message');
  return {
    time: async (config, epochs) => {
      worker.postMessage({ config, epochs });
      const [figures] = (await once(worker, 'message')) as [{ wall: number; cpu: number }];
      return figures;
    },
    stop: () => void worker.terminate(),
  };
}

type Contender = 'engine' | 'reference' | 'old';
interface Figures {
  /** median epochs per wall second and per CPU second of this process */
  wall: number;
  cpu: number;
  runs: number[];
}
interface CaseResult {
  name: string;
  figures: Partial<Record<Contender, Figures>>;
  /** runs whose final weights and cost equal the reference's bit for bit, of all runs compared */
  identical?: [number, number];
}

/**
 * Times the contenders on fresh runs of `config` (seed 1000 + repeat), in turn, the order rotating
 * run by run so that none always runs first or on a quieter moment; medians after the warm-ups.
 */
async function race(name: string, config: LabConfig, epochs: number, warmups: number, repeats: number, withReference: boolean): Promise<CaseResult> {
  const contenders: Contender[] = ['engine'];
  if (withReference) contenders.push('reference');
  if (other) contenders.push('old');
  const timed = new Map<Contender, Array<{ wall: number; cpu: number }>>(contenders.map((c) => [c, []]));
  let identical = 0;
  for (let k = -warmups; k < repeats; k++) {
    const seed = 1000 + k;
    const run = buildRun({ ...config, seed });
    const initial = run.net.params.slice();
    let reference: ReferenceRun | null = null;
    const work: Record<Exclude<Contender, 'old'>, () => number> = {
      engine: () => run.trainer.train(epochs).ran,
      reference: () => {
        const divisor = config.gradientDivisor === 'features' ? run.data.inputSize : run.data.count;
        reference = referenceTrain(
          run.net.sizes,
          initial,
          run.data.inputs,
          run.data.targets,
          run.data.count,
          epochs,
          config.learningRate,
          config.derivative === 'buggy',
          divisor,
        );
        return epochs;
      },
    };
    for (let c = 0; c < contenders.length; c++) {
      const contender = contenders[(c + k + warmups) % contenders.length];
      const figures = contender === 'old' && other ? await other.time({ ...config, seed }, epochs) : timeOnce(work[contender as Exclude<Contender, 'old'>]);
      if (k >= 0) timed.get(contender)?.push(figures);
    }
    if (reference && k >= 0) {
      const { params, lastCost } = reference as ReferenceRun;
      if (params.every((v, i) => Object.is(v, run.net.params[i])) && Object.is(lastCost, run.trainer.lastCost)) identical++;
      else log(`   !! seed ${seed}: the reference's final weights or cost differ from the engine's (cost ${lastCost} against ${run.trainer.lastCost})`);
    }
  }
  const figures: CaseResult['figures'] = {};
  for (const [contender, all] of timed)
    figures[contender] = { wall: median(all.map((f) => f.wall)), cpu: median(all.map((f) => f.cpu)), runs: all.map((f) => f.wall) };
  const result: CaseResult = { name, figures, identical: withReference ? [identical, repeats] : undefined };
  report(result, epochs, repeats);
  return result;
}

function report({ name, figures, identical }: CaseResult, epochs: number, repeats: number): void {
  const { engine, reference, old } = figures;
  if (!engine) return;
  const parts = [`engine ${fmt(engine.wall)} epochs/s (${fmt(engine.cpu)} per CPU s; range ${fmt(Math.min(...engine.runs))}–${fmt(Math.max(...engine.runs))})`];
  if (reference)
    parts.push(
      `reference ${fmt(reference.wall)} (${fmt(reference.cpu)} per CPU s), engine/reference ${ratio(engine.wall, reference.wall)} (per CPU s ${ratio(engine.cpu, reference.cpu)})`,
    );
  if (old) parts.push(`old ${fmt(old.wall)} (${fmt(old.cpu)} per CPU s), engine/old ${ratio(engine.wall, old.wall)} (per CPU s ${ratio(engine.cpu, old.cpu)})`);
  if (identical) parts.push(`final weights equal to the reference's bit for bit in ${identical[0]}/${identical[1]} runs`);
  log(`${name} (median of ${repeats} × ${fmt(epochs)} epochs): ${parts.join('; ')}`);
}

const cases: CaseResult[] = [];
cases.push(await race('1. question XOR [2,2,1] sigmoid CE full batch η 0.35, buggy δ, ÷n₀', question, 60_000, quick ? 2 : 5, quick ? 3 : 15, true));
cases.push(await race('1. the same, correct δ, mean gradient', correct, 60_000, quick ? 2 : 5, quick ? 3 : 15, true));
cases.push(await race('2. spiral (200 points) 2-8-8-1 tanh → sigmoid CE, batch 10', spiral, quick ? 200 : 1000, quick ? 1 : 2, quick ? 3 : 7, false));

let sweepLine: Record<string, unknown> | null = null;
if (!other) {
  const starts = quick ? 100 : 1000;
  const sweepCpu = process.cpuUsage();
  const sweepStarted = performance.now();
  const results = resultsOf(await runSweep({ config: question, firstSeed: 1, starts, derivatives: [question.derivative] }, threads), question.derivative);
  const sweepSeconds = (performance.now() - sweepStarted) / 1000;
  const sweepCpuSeconds = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(sweepCpu));
  const sweep = sweepReport(summarizeMode(results, question.derivative));
  const totalEpochs = results.reduce((sum, r) => sum + r.epochs, 0);
  log(
    `3. sweep of ${starts} starts × 60,000 epochs (question XOR) on ${threads} threads: ${sweepSeconds.toFixed(2)} s wall ` +
      `(${fmt(totalEpochs / sweepSeconds)} epochs/s in all; ${sweepCpuSeconds.toFixed(1)} CPU seconds of this process, its worker threads included = ${fmt(totalEpochs / sweepCpuSeconds)} epochs per CPU s; ` +
      `solved ${sweep.successes}/${starts}, median final cost ${sweep.medianFinalCost.toPrecision(4)})`,
  );
  sweepLine = { starts, threads, wallSeconds: sweepSeconds, cpuSeconds: sweepCpuSeconds, ...sweep };
}

other?.stop();
const end = machine();
log(`load average at the end: ${end.load} (other work on the cores lowers the wall-clock figures; the per-CPU-second ones move less)`);
log('');
log(`${host.date.slice(0, 16)} UTC, ${host.cpu}, ${host.cores} cores, Node ${host.node}, load average ${host.load} → ${end.load}`);
log('');
log(`| case | engine epochs/s (per CPU s) | reference (per CPU s) | engine/reference wall (CPU) |${other ? ' old (per CPU s) | engine/old wall (CPU) |' : ''}`);
log(`|---|---|---|---|${other ? '---|---|' : ''}`);
for (const { name, figures } of cases) {
  const { engine, reference, old } = figures;
  if (!engine) continue;
  const cell = (f: Figures | undefined) => (f ? `${fmt(f.wall)} (${fmt(f.cpu)})` : '–');
  const versus = (f: Figures | undefined) => (f ? `**${ratio(engine.wall, f.wall)}** (${ratio(engine.cpu, f.cpu)})` : '–');
  log(`| ${name.replace(/^\d\. /, '')} | ${cell(engine)} | ${cell(reference)} | ${versus(reference)} |${other ? ` ${cell(old)} | ${versus(old)} |` : ''}`);
}

if (values.json) console.log(JSON.stringify({ machine: host, loadAtEnd: end.load, cases, sweep: sweepLine }));

function ratio(a: number, b: number): string {
  return (a / b).toFixed(3);
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function log(line: string): void {
  (values.json ? console.error : console.log)(line);
}
