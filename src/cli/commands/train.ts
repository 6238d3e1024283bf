/** `backprop-lab train`: one training run, its predictions, cost, success and speed. */
import { type Divergence, type Evaluation, type Trainer, buildRun, evaluate, inspectPass } from '../../engine';
import { type NetworkFile, toNetworkFile } from '../../engine/networkFile';
import { englishText } from '../english';
import { type FlagValues, parseFlags } from '../flags';
import { checkWritable, writeTextFile } from '../files';
import { count, deadReluNote, duration, num, rowsOf, table } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp } from '../help';
import { type CliIo, progressOn } from '../io';
import { ALL_FLAG_NAMES, CONFIG_FLAGS, type Setup, describeSetup, readSetup } from '../setup';

const TRAIN_FLAGS = {
  ...CONFIG_FLAGS,
  out: { kind: 'string', value: 'FILE', help: 'write the trained network to FILE (the network-file format)' },
  ...COMMON_FLAGS,
} as const;

const TRAIN_HELP = helpText(
  'backprop-lab train [flags]',
  'Trains one network and prints its predictions, final cost, whether it solved the data, and its speed.',
  TRAIN_FLAGS,
  [
    'examples:',
    '  backprop-lab train --preset question-and --seed 3',
    '  backprop-lab train --dataset XOR --layers 2,4,1 --derivative correct --learning-rate 1 --epochs 10000 --out xor.json',
    '  backprop-lab train --network xor.json --epochs 1000 --json',
    '--json prints {epochs, finalCost, predictions, success, elapsedMs, epochsPerSecond, network}; a non-finite cost prints as null.',
    "finalCost is the cost at the last epoch: the whole dataset's cost with the trained weights (what the lab's status and curve show at that epoch).",
  ],
);

/** Exactly the JSON the issue specifies. */
export interface TrainReport {
  epochs: number;
  finalCost: number;
  /** a^L per sample, [sample][output] */
  predictions: number[][];
  success: boolean;
  elapsedMs: number;
  epochsPerSecond: number;
  network: NetworkFile;
}

interface TrainOutcome {
  report: TrainReport;
  evaluation: Evaluation;
  divergence: Divergence | null;
  /** the page's dead-ReLU warning for the trained network, or null */
  deadRelus: string | null;
}

/** Epochs in chunks that grow while a chunk takes under this, so progress can be shown between them. */
const CHUNK_MS = 100;

/**
 * Trains `epochs` epochs exactly as one train(epochs) call would (the chunks only pause between
 * epochs), telling `onEpochs` the count so far after each chunk. Returns the epochs run.
 */
function trainInChunks(trainer: Trainer, epochs: number, now: () => number, onEpochs: (done: number) => void): number {
  let ran = 0;
  let chunk = 1;
  while (ran < epochs) {
    const started = now();
    const result = trainer.train(Math.min(chunk, epochs - ran));
    ran += result.ran;
    onEpochs(ran);
    if (result.reason !== 'epochs') break;
    if (now() - started < CHUNK_MS) chunk *= 2;
  }
  return ran;
}

function trainSetup(setup: Setup, io?: CliIo): TrainOutcome {
  const { config, data } = setup;
  const run = buildRun(config, data, setup.fileNetwork ?? undefined);
  const started = performance.now();
  let ran: number;
  if (io?.errIsTty) {
    const progress = progressOn(io, 'training: epochs', config.epochs);
    ran = trainInChunks(run.trainer, config.epochs, io.now ?? (() => performance.now()), (done) => progress.tick(done));
    progress.end();
  } else {
    ran = run.trainer.train(config.epochs).ran;
  }
  const elapsedMs = performance.now() - started;
  const evaluation = evaluate(run.net, data, run.trainer.options);
  // one more pass, for the dead-ReLU check, only where there are hidden ReLUs to die
  const hasHiddenRelu = run.net.activations.slice(0, -1).includes('relu');
  const pass = hasHiddenRelu ? inspectPass(run.net, data, run.trainer.options, { sampleGradients: false }) : null;
  return {
    report: {
      epochs: ran,
      finalCost: evaluation.cost,
      predictions: rowsOf(evaluation.outputs, data.outputSize),
      success: evaluation.solved,
      elapsedMs,
      epochsPerSecond: ran / (Math.max(elapsedMs, 1e-6) / 1000),
      network: toNetworkFile(run.net),
    },
    evaluation,
    divergence: run.trainer.divergence,
    deadRelus: pass ? deadReluNote(run.net, pass) : null,
  };
}

/** Rows shown in the readable table before it says how many more there are. */
const SHOWN_SAMPLES = 12;

function readable(setup: Setup, outcome: TrainOutcome, outPath: string | undefined): string {
  const { data } = setup;
  const { report, evaluation, divergence } = outcome;
  const shown = Math.min(data.count, SHOWN_SAMPLES);
  const inputs = rowsOf(data.inputs, data.inputSize, shown);
  const targets = rowsOf(data.targets, data.outputSize, shown);
  const integral = data.inputs.every(Number.isInteger);
  const rows = inputs.map((x, s) => {
    const ok = report.predictions[s].every((a, j) => (a >= 0.5 ? 1 : 0) === targets[s][j]);
    return [
      x.map((v) => (integral ? String(v) : v.toFixed(3))).join(' '),
      targets[s].map((v) => num(v)).join(' '),
      report.predictions[s].map((v) => v.toFixed(4)).join(' '),
      ok ? 'yes' : 'no',
    ];
  });
  const lines = [describeSetup(setup), '', table(['input x', 'target y', 'output a^L', 'right'], rows, [3])];
  if (data.count > shown) lines.push(`… and ${data.count - shown} more samples (--json lists them all)`);
  lines.push('');
  if (divergence) lines.push(englishText(divergence.message));
  // the cost at epoch N: the whole dataset's cost with the weights after N epochs (README, Notation)
  lines.push(`final cost ${num(report.finalCost, 6)}${Number.isFinite(report.finalCost) ? '' : ' (not finite)'} at epoch ${count(report.epochs)}`);
  lines.push(`solved: ${report.success ? 'yes' : 'no'} (${evaluation.correct} of ${data.count} samples rounded to their targets)`);
  if (outcome.deadRelus) lines.push(outcome.deadRelus);
  lines.push(`speed: ${count(report.epochs)} epochs in ${duration(report.elapsedMs)} = ${count(report.epochsPerSecond)} epochs/s`);
  if (outPath) lines.push(`network written to ${outPath}`);
  return `${lines.join('\n')}\n`;
}

export async function trainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(TRAIN_HELP);
    return 0;
  }
  const values: FlagValues = parseFlags('train', argv, TRAIN_FLAGS, ALL_FLAG_NAMES);
  const setup = readSetup(values);
  const outPath = values.out as string | undefined;
  if (outPath !== undefined) checkWritable('out', outPath);
  const outcome = trainSetup(setup, io);
  if (outPath) writeTextFile('out', outPath, JSON.stringify(outcome.report.network, null, 2));
  io.out(values.json ? `${JSON.stringify(outcome.report)}\n` : readable(setup, outcome, outPath));
  if (values.json && outcome.deadRelus) io.err(`backprop-lab train: ${outcome.deadRelus}\n`);
  return 0;
}
