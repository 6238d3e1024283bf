/** `backprop-lab step`: one inspectable full-batch pass (engine inspectPass), every number of it. */
import { type Network, type PassRecord, buildRun, inspectPass, sizesOf } from '../../engine';
import { type NetworkFile, toNetworkFile } from '../../engine/networkFile';
import { checkStepBudget } from '../budgets';
import { FORCE_FLAG, parseFlags } from '../flags';
import { checkWritable, writeTextFile } from '../files';
import { INDEX_NOTE, deadReluNote, num, rowsOf, shownIndex, table } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp, without } from '../help';
import { type CliIo, progressOn } from '../io';
import { ALL_FLAG_NAMES, CONFIG_FLAGS, type Setup, describeSetup, readSetup } from '../setup';

const STEP_FLAGS = {
  ...without(CONFIG_FLAGS, 'epochs', 'batch-size'),
  out: { kind: 'string', value: 'FILE', help: 'write the network after the update to FILE' },
  ...FORCE_FLAG,
  ...COMMON_FLAGS,
} as const;

const STEP_HELP = helpText(
  'backprop-lab step [flags]',
  'Runs one forward and backward pass over the whole dataset and one gradient-descent update,\nand prints z^l, a^l, δ^l per sample and ∂C/∂W^l, ∂C/∂b^l per layer (BP1–BP4).',
  STEP_FLAGS,
  [
    'examples:',
    '  backprop-lab step --preset question-xor --seed 1',
    '  backprop-lab step --network trained.json --derivative buggy --json',
    '--json prints {cost, layers: [{z, a, delta, gradWeights, gradBiases}], network}: z, a, delta are [sample][neuron],',
    'gradWeights is [j][i] (into neuron j from neuron i), and network holds the parameters after the update.',
    "The readable tables count samples and neurons j, i from 1 (Nielsen's w^l_ji); the JSON arrays count from 0.",
    "Data whose per-sample values are over the step-through's budget is refused unless --force.",
  ],
);

interface StepLayerReport {
  z: number[][];
  a: number[][];
  delta: number[][];
  gradWeights: number[][];
  gradBiases: number[];
}

export interface StepReport {
  cost: number;
  layers: StepLayerReport[];
  network: NetworkFile;
}

interface StepOutcome {
  /** the network before the update */
  net: Network;
  record: PassRecord;
}

/** The pass, keeping every sample's z, a, δ (the caller has checked the budget) but not each sample's gradient, which step never prints. */
function stepSetup(setup: Setup): StepOutcome {
  const { net, trainer, data } = buildRun(setup.config, setup.data, setup.fileNetwork ?? undefined);
  return { net, record: inspectPass(net, data, trainer.options, { sampleGradients: false }) };
}

function layerReport({ net, record }: StepOutcome, k: number): StepLayerReport {
  const layer = record.layers[k];
  return {
    z: rowsOf(layer.z, layer.size),
    a: rowsOf(layer.a, layer.size),
    delta: rowsOf(layer.delta, layer.size),
    gradWeights: rowsOf(layer.gradWeights, net.sizes[layer.layer - 1]),
    gradBiases: Array.from(layer.gradBiases),
  };
}

const networkAfter = ({ net, record }: StepOutcome): NetworkFile => toNetworkFile({ ...net, params: record.paramsAfter });

/** The StepReport as JSON, written an array at a time so a large pass never becomes one giant string. */
function writeJson(io: CliIo, outcome: StepOutcome): void {
  const { record, net } = outcome;
  const progress = progressOn(io, 'step: layers written', record.layers.length);
  io.out(`{"cost":${JSON.stringify(record.cost)},"layers":[`);
  record.layers.forEach((layer, k) => {
    const array = (key: string, values: Float64Array, width: number): void => io.out(`"${key}":${JSON.stringify(rowsOf(values, width))},`);
    io.out(k > 0 ? ',{' : '{');
    array('z', layer.z, layer.size);
    array('a', layer.a, layer.size);
    array('delta', layer.delta, layer.size);
    array('gradWeights', layer.gradWeights, net.sizes[layer.layer - 1]);
    io.out(`"gradBiases":${JSON.stringify(Array.from(layer.gradBiases))}}`);
    progress.tick(k + 1);
  });
  io.out(`],"network":${JSON.stringify(networkAfter(outcome))}}\n`);
  progress.end();
}

/** A vector as [ … ] with each entry padded, so columns of vectors line up. */
const vector = (values: readonly number[]): string => `[${values.map((v) => num(v).padStart(9)).join(' ')} ]`;

/** The readable report, written a layer at a time (with --force a pass can be hundreds of megabytes of tables). */
function writeReadable(setup: Setup, outcome: StepOutcome, io: CliIo): void {
  const { data } = setup;
  const { record } = outcome;
  const inputs = rowsOf(data.inputs, data.inputSize);
  const after = networkAfter(outcome);
  io.out(
    [
      describeSetup(setup),
      '',
      `one pass over all ${record.count} samples: cost C = ${num(record.cost, 6)} before the update; gradients divided by ${record.divisor}, η = ${record.learningRate}`,
      INDEX_NOTE,
      '',
    ].join('\n'),
  );
  const progress = progressOn(io, 'step: layers written', record.layers.length);
  record.layers.forEach((_, k) => {
    const layer = layerReport(outcome, k);
    const l = k + 1;
    const activation = outcome.net.activations[k];
    const sampleRows = layer.z.map((z, s) => [shownIndex(s), vector(inputs[s]), vector(z), vector(layer.a[s]), vector(layer.delta[s])]);
    // row j of W^l holds the weights w^l_ji into neuron j, i = 1 … n_(l−1)
    const gradientRows = layer.gradWeights.map((row, j) => [
      shownIndex(j),
      vector(row),
      num(layer.gradBiases[j]),
      vector(after.weights[k][j]),
      num(after.biases[k][j]),
    ]);
    io.out(
      [
        '',
        `layer ${l} (${activation}, ${layer.gradBiases.length} neuron${layer.gradBiases.length === 1 ? '' : 's'})`,
        table(['sample', 'x', `z^${l}`, `a^${l}`, `δ^${l}`], sampleRows, [1, 2, 3, 4]),
        '',
        table(['j', `∂C/∂w^${l}_ji`, `∂C/∂b^${l}_j`, `w^${l}_ji after`, `b^${l}_j after`], gradientRows, [1, 3]),
        '',
      ].join('\n'),
    );
    progress.tick(k + 1);
  });
  progress.end();
  const dead = deadReluNote(outcome.net, record);
  if (dead) io.out(`\n${dead}\n`);
}

export async function stepCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(STEP_HELP);
    return 0;
  }
  const values = parseFlags('step', argv, STEP_FLAGS, ALL_FLAG_NAMES);
  const setup = readSetup(values);
  const outPath = values.out as string | undefined;
  if (outPath !== undefined) checkWritable('out', outPath);
  checkStepBudget(sizesOf(setup.config, setup.data), setup.data.count, values.force === true);
  const outcome = stepSetup(setup);
  if (outPath !== undefined) writeTextFile('out', outPath, JSON.stringify(networkAfter(outcome), null, 2));
  if (!values.json) {
    writeReadable(setup, outcome, io);
    return 0;
  }
  writeJson(io, outcome);
  const dead = deadReluNote(outcome.net, outcome.record);
  if (dead) io.err(`backprop-lab step: ${dead}\n`);
  return 0;
}
