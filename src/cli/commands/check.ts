/** `backprop-lab check`: the diagnosis of a gradients file (yours) against the lab's on the same network and data. */
import { SLIPS } from '../../engine';
import { MAX_CSV_CHARS, parseDatasetJson } from '../../engine/csv';
import { type Diagnosis, type LayerCell, MATCH_TOLERANCE, diagnose, layerCells } from '../../engine/diagnosis';
import { MAX_GRADIENTS_FILE_BYTES, parseGradientsFile } from '../../engine/gradientFile';
import { PROBE_LEARNING_RATE, PROBE_OPTIONS } from '../../engine/probe';
import { englishText } from '../english';
import { UsageError } from '../errors';
import { parseFlags, readNumber } from '../flags';
import { num, table } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp } from '../help';
import type { CliIo } from '../io';
import { loadNetworkFile, readTextFile } from '../files';

const CHECK_FLAGS = {
  network: { kind: 'string', value: 'FILE', help: 'the network file your gradients were computed on (probe.json from backprop-lab probe)' },
  data: { kind: 'string', value: 'FILE', help: 'the data file (probe-data.json)' },
  gradients: {
    kind: 'string',
    value: 'FILE',
    help: 'your gradients: {"format": "backprop-lab/gradients", "version": 1, "gradWeights": […], "gradBiases": […]}',
  },
  'learning-rate': {
    kind: 'string',
    value: 'X',
    help: `η, read only by the update-order slip (default: the data file's learningRate, else ${PROBE_LEARNING_RATE})`,
  },
  ...COMMON_FLAGS,
} as const;

const CHECK_HELP = helpText(
  'backprop-lab check --network probe.json --data probe-data.json --gradients mine.json',
  `Compares your full-batch gradient of the mean cross-entropy cost with the lab's, and names the slip, or\npair of slips, that reproduces it within ${MATCH_TOLERANCE} relative. Exit code 0: correct; 1: wrong (with the diagnosis); 2: bad input.`,
  CHECK_FLAGS,
  ['backprop-lab probe --out DIR writes the probe files and the harnesses that print mine.json; see docs/check.md.'],
);

function required(values: Record<string, unknown>, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string') throw new UsageError(`--${flag} FILE is required (see: backprop-lab check --help)`);
  return value;
}

const ZERO_SIDE = { yours: 'yours is all zeros', lab: "the lab's is all zeros", both: 'both are all zeros' } as const;

/** A layer-table cell in English; the page words the same cells (bugLab/checkText.ts). */
function cellText(cell: LayerCell): string {
  if (cell.kind === 'number') return num(cell.value, 6);
  return cell.kind === 'zero' ? `— (${ZERO_SIDE[cell.zero]})` : 'over 1.8e308';
}

function readable(diagnosis: Diagnosis): string {
  const rows = diagnosis.layers.map((layer) => {
    const cells = layerCells(layer);
    return [String(layer.layer), cellText(cells.cosine), cellText(cells.scale)];
  });
  return [diagnosis.message, '', table(['layer', 'cosine (direction)', 'norm ratio (scale)'], rows, [0]), ''].join('\n');
}

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(CHECK_HELP);
    return 0;
  }
  const values = parseFlags('check', argv, CHECK_FLAGS);
  const networkPath = required(values, 'network');
  const dataPath = required(values, 'data');
  const gradientsPath = required(values, 'gradients');
  const net = loadNetworkFile(networkPath);
  const dataText = readTextFile('data', dataPath, MAX_CSV_CHARS);
  const data = parseDatasetJson(dataText, 'data');
  if (!data.ok) throw new UsageError(`--data ${dataPath}: ${englishText(data.error)}`);
  if (data.value.inputSize !== net.sizes[0] || data.value.outputSize !== net.sizes[net.sizes.length - 1])
    throw new UsageError(
      `--data ${dataPath}: the network takes ${net.sizes[0]} input(s) and gives ${net.sizes[net.sizes.length - 1]} output(s), but the data has ${data.value.inputSize} and ${data.value.outputSize}`,
    );
  if (net.activations[net.activations.length - 1] !== 'sigmoid')
    throw new UsageError(`--network ${networkPath}: the check uses the cross-entropy cost, which needs a sigmoid output layer`);
  const fileRate = (JSON.parse(dataText) as { learningRate?: unknown }).learningRate;
  const learningRate =
    values['learning-rate'] !== undefined
      ? readNumber('learning-rate', values['learning-rate'] as string, { min: 0 })
      : typeof fileRate === 'number' && Number.isFinite(fileRate)
        ? fileRate
        : PROBE_LEARNING_RATE;
  const gradients = parseGradientsFile(readTextFile('gradients', gradientsPath, MAX_GRADIENTS_FILE_BYTES), net.sizes);
  if (!gradients.ok) throw new UsageError(`--gradients ${gradientsPath}: ${gradients.error}`);
  const diagnosis = diagnose(net, data.value, { ...PROBE_OPTIONS, learningRate }, gradients.value);
  if (values.json) {
    const { parameters, ...rest } = diagnosis;
    io.out(
      `${JSON.stringify({ ...rest, matches: diagnosis.matches.map((ids) => ids.map((id) => ({ id, name: SLIPS[id].name, wrong: SLIPS[id].wrong, fix: SLIPS[id].fix }))), parameters: parameters.map((p) => ({ layer: p.layer, kind: p.kind, j: p.j, i: p.i, yours: p.analytic, correct: p.numeric, relativeError: p.relativeError })) })}\n`,
    );
  } else io.out(readable(diagnosis));
  return diagnosis.verdict === 'correct' ? 0 : 1;
}
