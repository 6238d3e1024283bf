/** `backprop-lab step`: one inspectable full-batch pass (engine inspectPass), every number of it. */
import { type NetworkFile, type PassRecord, buildRun, inspectPass, toNetworkFile } from '../../engine';
import { parseFlags } from '../flags';
import { checkWritable, writeTextFile } from '../files';
import { INDEX_NOTE, num, rowsOf, shownIndex, table } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp, without } from '../help';
import type { CliIo } from '../io';
import { ALL_FLAG_NAMES, CONFIG_FLAGS, type Setup, describeSetup, readSetup } from '../setup';

export const STEP_FLAGS = {
  ...without(CONFIG_FLAGS, 'epochs', 'batch-size'),
  out: { kind: 'string', value: 'FILE', help: 'write the network after the update to FILE' },
  ...COMMON_FLAGS,
} as const;

export const STEP_HELP = helpText(
  'backprop-lab step [flags]',
  'Runs one forward and backward pass over the whole dataset and one gradient-descent update,\nand prints z^l, a^l, δ^l per sample and ∂C/∂W^l, ∂C/∂b^l per layer (BP1–BP4).',
  STEP_FLAGS,
  [
    'examples:',
    '  backprop-lab step --preset question-xor --seed 1',
    '  backprop-lab step --network trained.json --derivative buggy --json',
    '--json prints {cost, layers: [{z, a, delta, gradWeights, gradBiases}], network}: z, a, delta are [sample][neuron],',
    'gradWeights is [j][i] (into neuron j from neuron i), and network holds the parameters after the update.',
    'The readable tables count samples and neurons j, i from 1 (Nielsen\'s w^l_ji); the JSON arrays count from 0.',
  ],
);

export interface StepLayerReport {
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

export function stepSetup(setup: Setup): { record: PassRecord; report: StepReport } {
  const { net, trainer, data } = buildRun(setup.config, setup.data, setup.fileNetwork ?? undefined);
  const record = inspectPass(net, data, trainer.options);
  const layers = record.layers.map((layer) => ({
    z: rowsOf(layer.z, layer.size),
    a: rowsOf(layer.a, layer.size),
    delta: rowsOf(layer.delta, layer.size),
    gradWeights: rowsOf(layer.gradWeights, net.sizes[layer.layer - 1]),
    gradBiases: Array.from(layer.gradBiases),
  }));
  const after = toNetworkFile({ ...net, params: record.paramsAfter });
  return { record, report: { cost: record.cost, layers, network: after } };
}

/** A vector as [ … ] with each entry padded, so columns of vectors line up. */
const vector = (values: readonly number[]): string => `[${values.map((v) => num(v).padStart(9)).join(' ')} ]`;

function readable(setup: Setup, record: PassRecord, report: StepReport): string {
  const { data } = setup;
  const inputs = rowsOf(data.inputs, data.inputSize);
  const lines = [
    describeSetup(setup),
    '',
    `one pass over all ${record.count} samples: cost C = ${num(record.cost, 6)} before the update; gradients divided by ${record.divisor}, η = ${record.learningRate}`,
    INDEX_NOTE,
  ];
  report.layers.forEach((layer, k) => {
    const l = k + 1;
    const activation = setup.fileNetwork?.activations[k] ?? (l === report.layers.length ? setup.config.outputActivation : setup.config.hiddenActivation);
    lines.push('', `layer ${l} (${activation}, ${layer.gradBiases.length} neuron${layer.gradBiases.length === 1 ? '' : 's'})`);
    const sampleRows = layer.z.map((z, s) => [shownIndex(s), vector(inputs[s]), vector(z), vector(layer.a[s]), vector(layer.delta[s])]);
    lines.push(table(['sample', 'x', `z^${l}`, `a^${l}`, `δ^${l}`], sampleRows, [1, 2, 3, 4]));
    const after = report.network;
    // row j of W^l holds the weights w^l_ji into neuron j, i = 1 … n_(l−1)
    const gradientRows = layer.gradWeights.map((row, j) => [shownIndex(j), vector(row), num(layer.gradBiases[j]), vector(after.weights[k][j]), num(after.biases[k][j])]);
    lines.push('', table(['j', `∂C/∂w^${l}_ji`, `∂C/∂b^${l}_j`, `w^${l}_ji after`, `b^${l}_j after`], gradientRows, [1, 3]));
  });
  return `${lines.join('\n')}\n`;
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
  const { record, report } = stepSetup(setup);
  if (outPath !== undefined) writeTextFile('out', outPath, JSON.stringify(report.network, null, 2));
  io.out(values.json ? `${JSON.stringify(report)}\n` : readable(setup, record, report));
  return 0;
}
