/**
 * The network file: versioned JSON that the CLI and the app read and write.
 * {"format": "backprop-lab/network", "version": 1, "layers": [2,2,1], "activations": ["sigmoid","sigmoid"],
 *  "weights": [[[w,w],[w,w]], [[w,w]]], "biases": [[b,b],[b]]}
 * weights[l][j][i] runs from neuron i of layer l to neuron j of layer l+1 (0-based file layers).
 * Parsing checks every field and names the first bad one; nothing is half-loaded.
 */
import { ACTIVATIONS, type ActivationName, DEFAULT_LEAKY_SLOPE, isActivationName } from './activations';
import type { ParseResult } from './datasets';
import { describeValue, jsonErrorWithLine, withoutByteOrderMark } from './json';
import { type Network, biasVector, createNetwork, layoutOf, shapeError, weightRows } from './network';
import { describeRange, inRange } from './settingChecks';
import { CONFIG_SETTINGS } from './settings';
/** Kept here for callers that imported it from this file before it moved to json.ts. */

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

const fail = (error: string): ParseResult<Network> => ({ ok: false, error });

/** Validates an already-parsed value against the format; returns a new Network or the first problem. */
export function networkFromFile(raw: unknown): ParseResult<Network> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('expected a JSON object');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== NETWORK_FORMAT) return fail(`format: expected "${NETWORK_FORMAT}", got ${describeValue(obj.format)}`);
  if (obj.version !== NETWORK_VERSION) return fail(`version: expected ${NETWORK_VERSION}, got ${describeValue(obj.version)}`);
  const layers = obj.layers;
  if (!Array.isArray(layers)) return fail('layers: expected an array of layer sizes like [2, 2, 1]');
  const activations = obj.activations;
  if (!Array.isArray(activations)) return fail('activations: expected an array with one activation per non-input layer');
  for (let k = 0; k < activations.length; k++) {
    if (!isActivationName(activations[k]))
      return fail(`activations[${k}]: unknown activation ${describeValue(activations[k])} (expected one of ${ACTIVATIONS.join(', ')})`);
  }
  const problem = shapeError(layers as number[], activations as string[]);
  if (problem) return fail(problem);
  const sizes = layers as number[];
  let leakySlope = DEFAULT_LEAKY_SLOPE;
  if (obj.leakySlope !== undefined) {
    // the settings table's range, so a file's slope survives a link and a reload
    if (typeof obj.leakySlope !== 'number' || !inRange(CONFIG_SETTINGS.leakySlope, obj.leakySlope))
      return fail(`leakySlope: expected ${describeRange(CONFIG_SETTINGS.leakySlope)}, got ${describeValue(obj.leakySlope)}`);
    leakySlope = obj.leakySlope;
  }
  const L = sizes.length - 1;
  const { weights, biases } = obj;
  if (!Array.isArray(weights) || weights.length !== L) return fail(`weights: expected ${L} matrices (one per non-input layer)`);
  if (!Array.isArray(biases) || biases.length !== L) return fail(`biases: expected ${L} vectors (one per non-input layer)`);
  const layout = layoutOf(sizes);
  const params = new Float64Array(layout.parameterCount);
  for (let k = 0; k < L; k++) {
    const l = k + 1;
    const matrix = weights[k];
    if (!Array.isArray(matrix) || matrix.length !== sizes[l])
      return fail(`weights[${k}]: expected ${sizes[l]} rows (neurons of layer ${l}), got ${Array.isArray(matrix) ? matrix.length : typeof matrix}`);
    for (let j = 0; j < sizes[l]; j++) {
      const row = matrix[j];
      if (!Array.isArray(row) || row.length !== sizes[l - 1])
        return fail(`weights[${k}][${j}]: expected ${sizes[l - 1]} numbers (neurons of layer ${l - 1}), got ${Array.isArray(row) ? row.length : typeof row}`);
      for (let i = 0; i < row.length; i++) {
        const w = row[i];
        if (typeof w !== 'number' || !Number.isFinite(w)) return fail(`weights[${k}][${j}][${i}]: expected a finite number, got ${describeValue(w)}`);
        params[layout.weightOffset[l] + j * sizes[l - 1] + i] = w;
      }
    }
    const vector = biases[k];
    if (!Array.isArray(vector) || vector.length !== sizes[l])
      return fail(`biases[${k}]: expected ${sizes[l]} numbers, got ${Array.isArray(vector) ? vector.length : typeof vector}`);
    for (let j = 0; j < sizes[l]; j++) {
      const b = vector[j];
      if (typeof b !== 'number' || !Number.isFinite(b)) return fail(`biases[${k}][${j}]: expected a finite number, got ${describeValue(b)}`);
      params[layout.biasOffset[l] + j] = b;
    }
  }
  return { ok: true, value: createNetwork(sizes, activations as ActivationName[], params, leakySlope) };
}

/** Parses the file's text; a JSON syntax error names the line. */
export function parseNetworkFile(text: string): ParseResult<Network> {
  if (text.length > MAX_NETWORK_FILE_BYTES) return fail(`file too large: ${text.length} bytes (limit ${MAX_NETWORK_FILE_BYTES})`);
  const json = withoutByteOrderMark(text);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    return fail(`not valid JSON: ${jsonErrorWithLine(json, err as Error)}`);
  }
  return networkFromFile(raw);
}
