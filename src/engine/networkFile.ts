/**
 * The network file: versioned JSON that the CLI and the app read and write.
 * {"format": "backprop-lab/network", "version": 1, "layers": [2,2,1], "activations": ["sigmoid","sigmoid"],
 *  "weights": [[[w,w],[w,w]], [[w,w]]], "biases": [[b,b],[b]]}
 * weights[l][j][i] runs from neuron i of layer l to neuron j of layer l+1 (0-based file layers).
 * Parsing checks every field and names the first bad one; nothing is half-loaded.
 */
import { ACTIVATIONS, type ActivationName, DEFAULT_LEAKY_SLOPE, isActivationName } from './activations';
import type { ParseResult } from './datasets';
import { describedValue } from './json';
import { readJsonText } from './jsonErrors';
import { type EngineCode, type MessageValue, engineMessage } from './messages';
import { type Network, biasVector, createNetwork, layoutOf, shapeError, weightRows } from './network';
import { describeRange, inRange } from './settingChecks';
import { CONFIG_SETTINGS } from './settings';

export const NETWORK_FORMAT = 'backprop-lab/network';
const NETWORK_VERSION = 1;
/** Files larger than this are refused before parsing. */
export const MAX_NETWORK_FILE_BYTES = 2_000_000;

export interface NetworkFile {
  format: typeof NETWORK_FORMAT;
  version: typeof NETWORK_VERSION;
  layers: number[];
  activations: ActivationName[];
  weights: number[][][];
  biases: number[][];
  leakySlope?: number;
}

export function toNetworkFile(net: Network): NetworkFile {
  const L = net.sizes.length - 1;
  const file: NetworkFile = {
    format: NETWORK_FORMAT,
    version: NETWORK_VERSION,
    layers: [...net.sizes],
    activations: [...net.activations],
    weights: Array.from({ length: L }, (_, k) => weightRows(net, k + 1)),
    biases: Array.from({ length: L }, (_, k) => biasVector(net, k + 1)),
  };
  if (net.activations.includes('leakyRelu')) file.leakySlope = net.leakySlope;
  return file;
}

export function serializeNetwork(net: Network): string {
  return JSON.stringify(toNetworkFile(net), null, 2);
}

const fail = (code: EngineCode, values: Record<string, MessageValue> = {}): ParseResult<Network> => ({ ok: false, error: engineMessage(code, values) });
const lengthOf = (value: unknown): MessageValue => (Array.isArray(value) ? value.length : typeof value);

/** Validates an already-parsed value against the format; returns a new Network or the first problem. */
export function networkFromFile(raw: unknown): ParseResult<Network> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('networkNotObject');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== NETWORK_FORMAT) return fail('networkFormat', { format: NETWORK_FORMAT, value: describedValue(obj.format) });
  if (obj.version !== NETWORK_VERSION) return fail('networkVersion', { version: NETWORK_VERSION, value: describedValue(obj.version) });
  const layers = obj.layers;
  if (!Array.isArray(layers)) return fail('networkLayers');
  const activations = obj.activations;
  if (!Array.isArray(activations)) return fail('networkActivations');
  for (let k = 0; k < activations.length; k++) {
    if (!isActivationName(activations[k]))
      return fail('networkActivation', { index: k, value: describedValue(activations[k]), choices: ACTIVATIONS.join(', ') });
  }
  const problem = shapeError(layers as number[], activations as string[]);
  if (problem) return { ok: false, error: problem };
  const sizes = layers as number[];
  let leakySlope = DEFAULT_LEAKY_SLOPE;
  if (obj.leakySlope !== undefined) {
    // the settings table's range, so a file's slope survives a link and a reload
    if (typeof obj.leakySlope !== 'number' || !inRange(CONFIG_SETTINGS.leakySlope, obj.leakySlope))
      return fail('networkLeakySlope', { range: describeRange(CONFIG_SETTINGS.leakySlope), value: describedValue(obj.leakySlope) });
    leakySlope = obj.leakySlope;
  }
  const L = sizes.length - 1;
  const { weights, biases } = obj;
  if (!Array.isArray(weights) || weights.length !== L) return fail('networkWeights', { count: L });
  if (!Array.isArray(biases) || biases.length !== L) return fail('networkBiases', { count: L });
  const layout = layoutOf(sizes);
  const params = new Float64Array(layout.parameterCount);
  for (let k = 0; k < L; k++) {
    const l = k + 1;
    const matrix = weights[k];
    if (!Array.isArray(matrix) || matrix.length !== sizes[l]) return fail('networkRows', { index: k, count: sizes[l], layer: l, got: lengthOf(matrix) });
    for (let j = 0; j < sizes[l]; j++) {
      const row = matrix[j];
      if (!Array.isArray(row) || row.length !== sizes[l - 1])
        return fail('networkRow', { index: k, row: j, count: sizes[l - 1], layer: l - 1, got: lengthOf(row) });
      for (let i = 0; i < row.length; i++) {
        const w = row[i];
        if (typeof w !== 'number' || !Number.isFinite(w)) return fail('networkWeight', { index: k, row: j, column: i, value: describedValue(w) });
        params[layout.weightOffset[l] + j * sizes[l - 1] + i] = w;
      }
    }
    const vector = biases[k];
    if (!Array.isArray(vector) || vector.length !== sizes[l]) return fail('networkBiasCount', { index: k, count: sizes[l], got: lengthOf(vector) });
    for (let j = 0; j < sizes[l]; j++) {
      const b = vector[j];
      if (typeof b !== 'number' || !Number.isFinite(b)) return fail('networkBias', { index: k, row: j, value: describedValue(b) });
      params[layout.biasOffset[l] + j] = b;
    }
  }
  return { ok: true, value: createNetwork(sizes, activations as ActivationName[], params, leakySlope) };
}

/** Parses the file's text; a JSON syntax error names the line. */
export function parseNetworkFile(text: string): ParseResult<Network> {
  if (text.length > MAX_NETWORK_FILE_BYTES) return fail('networkFileTooLarge', { count: text.length, max: MAX_NETWORK_FILE_BYTES });
  const read = readJsonText(text);
  return read.ok ? networkFromFile(read.value) : read;
}
