/**
 * The gradients file a harness prints (docs/check.md):
 * {"format": "backprop-lab/gradients", "version": 1, "gradWeights": [[[…]]], "gradBiases": [[…]]}
 * gradWeights[k] is ∂C/∂W^(k+1), n_(k+1) rows of n_k numbers (the network file's weights layout);
 * gradBiases[k] is ∂C/∂b^(k+1). Every problem is named by its field; nothing is half-read.
 */
import * as v from 'valibot';
import type { ParseResult } from './datasets';
import { describeValue } from './json';
import { type JsonSyntaxError, jsonErrorWithLine, jsonSyntaxError } from './jsonErrors';
import { layoutOf } from './network';

const GRADIENTS_FORMAT = 'backprop-lab/gradients';
const GRADIENTS_VERSION = 1;
/** Larger files are refused before parsing (a probe's file is under 2 kB). */
export const MAX_GRADIENTS_FILE_BYTES = 1024 * 1024;

export interface GradientsFile {
  format: typeof GRADIENTS_FORMAT;
  version: typeof GRADIENTS_VERSION;
  gradWeights: number[][][];
  gradBiases: number[][];
}

/** Python's json.dumps writes NaN and ±Infinity bare; they are kept as these markers so the entry can be named. */
const NON_FINITE_MARK = '\u0000non-finite:';

/** A value a file held where something else belonged, as a message shows it. */
export type ShownValue = { kind: 'missing' } | { kind: 'null' } | { kind: 'array'; length: number } | { kind: 'object' } | { kind: 'text'; text: string };

/** What is wrong with one field (named by its path, e.g. gradWeights[1][0][1]). */
export type GradientsFieldIssue =
  | { kind: 'missing' }
  | { kind: 'format' | 'version'; got: ShownValue }
  | { kind: 'notMatrices' | 'notMatrix' | 'notRow' | 'notVectors' | 'notVector' }
  | { kind: 'nonFinite'; value: string }
  | { kind: 'nullEntry' }
  | { kind: 'notNumber'; got: ShownValue };

/** Why a gradients file was refused: structured, so the page can word it in its language (gradientsProblemText is the English). */
export type GradientsProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number; limit: number }
  | { kind: 'json'; detail: string; syntax: JsonSyntaxError }
  | { kind: 'notObject' }
  | { kind: 'field'; path: string; issue: GradientsFieldIssue }
  | { kind: 'layerCount'; field: 'gradWeights' | 'gradBiases'; expected: number; got: number }
  | { kind: 'matrixShape'; k: number; rows: number; cols: number; got: { rows: number; cols: number } | null }
  | { kind: 'vectorLength'; k: number; rows: number; got: number };

function shownValue(value: unknown): ShownValue {
  if (value === undefined) return { kind: 'missing' };
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'array', length: value.length };
  if (typeof value === 'object') return { kind: 'object' };
  return { kind: 'text', text: describeValue(value) };
}

// valibot's messages are the issue kinds; the issue is built from the kind and the input afterwards
const entry = v.pipe(v.number('entry'), v.finite('entry'));
const SCHEMA = v.object({
  format: v.literal(GRADIENTS_FORMAT, 'format'),
  version: v.literal(GRADIENTS_VERSION, 'version'),
  gradWeights: v.array(v.array(v.array(entry, 'notRow'), 'notMatrix'), 'notMatrices'),
  gradBiases: v.array(v.array(entry, 'notVector'), 'notVectors'),
});

function fieldIssue(kind: string, input: unknown): GradientsFieldIssue {
  if (input === undefined) return { kind: 'missing' };
  if (kind === 'format' || kind === 'version') return { kind, got: shownValue(input) };
  if (kind === 'entry') {
    if (typeof input === 'string' && input.startsWith(NON_FINITE_MARK)) return { kind: 'nonFinite', value: input.slice(NON_FINITE_MARK.length) };
    if (input === null) return { kind: 'nullEntry' };
    return { kind: 'notNumber', got: shownValue(input) };
  }
  return { kind: kind as 'notMatrices' | 'notMatrix' | 'notRow' | 'notVectors' | 'notVector' };
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Bare NaN, Infinity and -Infinity outside strings become marker strings, so JSON.parse reads them. */
function markNonFinite(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (token) => (token.startsWith('"') ? token : JSON.stringify(NON_FINITE_MARK + token)));
}

type GradientsRead = { ok: true; value: Float64Array } | { ok: false; problem: GradientsProblem };

/** Reads and checks a gradients file's text against the network's sizes: the flat gradient in the engine's params layout, or what is wrong. */
export function readGradientsFile(text: string, sizes: readonly number[]): GradientsRead {
  if (text.length > MAX_GRADIENTS_FILE_BYTES) return { ok: false, problem: { kind: 'tooLong', length: text.length, limit: MAX_GRADIENTS_FILE_BYTES } };
  // a harness that fails prints its error to stderr and nothing here
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  let raw: unknown;
  const marked = markNonFinite(text);
  try {
    raw = JSON.parse(marked);
  } catch (err) {
    return { ok: false, problem: { kind: 'json', detail: jsonErrorWithLine(marked, err as Error), syntax: jsonSyntaxError(marked, err as Error) } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: { kind: 'notObject' } };
  const result = v.safeParse(SCHEMA, raw);
  if (!result.success) {
    const issue = result.issues[0];
    return { ok: false, problem: { kind: 'field', path: pathOf(issue) || 'file', issue: fieldIssue(issue.message, issue.input) } };
  }
  return gradientsFromFile(result.output as GradientsFile, sizes);
}

/** readGradientsFile with the problem in English (the CLI's wording). */
export function parseGradientsFile(text: string, sizes: readonly number[]): ParseResult<Float64Array, string> {
  const read = readGradientsFile(text, sizes);
  return read.ok ? read : { ok: false, error: gradientsProblemText(read.problem) };
}

const shownText = (value: ShownValue): string =>
  value.kind === 'missing'
    ? 'nothing (the field is missing)'
    : value.kind === 'null'
      ? 'null'
      : value.kind === 'array'
        ? `an array of ${value.length}`
        : value.kind === 'object'
          ? 'an object'
          : value.text;

function fieldIssueText(issue: GradientsFieldIssue): string {
  switch (issue.kind) {
    case 'missing':
      return 'is missing';
    case 'format':
      return `must be "${GRADIENTS_FORMAT}", got ${shownText(issue.got)}`;
    case 'version':
      return `must be ${GRADIENTS_VERSION}, got ${shownText(issue.got)}`;
    case 'notMatrices':
      return 'must be a list of matrices, one per layer';
    case 'notMatrix':
      return 'must be a matrix (a list of rows)';
    case 'notRow':
      return 'must be a row of numbers';
    case 'notVectors':
      return 'must be a list of vectors, one per layer';
    case 'notVector':
      return 'must be a list of numbers';
    case 'nonFinite':
      return `is ${issue.value}; every entry must be a finite number`;
    case 'nullEntry':
      return 'is null (JavaScript writes NaN and Infinity as null); every entry must be a finite number';
    case 'notNumber':
      return `must be a finite number, got ${shownText(issue.got)}`;
  }
}

/** A weight gradient shaped n_k × n_(k+1): written transposed (row- and column-major mixed up). */
export const isTransposedShape = (problem: { rows: number; cols: number; got: { rows: number; cols: number } | null }): boolean =>
  problem.rows !== problem.cols && problem.got?.rows === problem.cols && problem.got.cols === problem.rows;

/** A refused gradients file in English. */
export function gradientsProblemText(problem: GradientsProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'there are no gradients, only blank text (a harness that fails prints its error, not the gradients)';
    case 'tooLong':
      return `the gradients are ${problem.length} characters long, over the 1 MB limit (${problem.limit})`;
    case 'json':
      return `not valid JSON: ${problem.detail}`;
    case 'notObject':
      return `expected a JSON object {"format": "${GRADIENTS_FORMAT}", "version": 1, "gradWeights": […], "gradBiases": […]}`;
    case 'field':
      return `${problem.path} ${fieldIssueText(problem.issue)}`;
    case 'layerCount':
      return `${problem.field} must hold ${problem.expected} ${problem.field === 'gradWeights' ? 'matrices' : 'vectors'} (one per layer after the input), got ${problem.got}`;
    case 'matrixShape':
      return `gradWeights[${problem.k}] must be ${problem.rows}×${problem.cols} (n_${problem.k + 1} × n_${problem.k}), got ${problem.got ? `${problem.got.rows}×${problem.got.cols}` : 'rows of different lengths'}${isTransposedShape(problem) ? ', the transpose: row j must hold the gradients of the weights into neuron j' : ''}`;
    case 'vectorLength':
      return `gradBiases[${problem.k}] must hold ${problem.rows} numbers (n_${problem.k + 1}), got ${problem.got}`;
  }
}

/** The shapes against the network: gradWeights[k] must be n_(k+1) × n_k, gradBiases[k] n_(k+1) long. */
function gradientsFromFile(file: GradientsFile, sizes: readonly number[]): GradientsRead {
  const L = sizes.length - 1;
  const fail = (problem: GradientsProblem): GradientsRead => ({ ok: false, problem });
  if (file.gradWeights.length !== L) return fail({ kind: 'layerCount', field: 'gradWeights', expected: L, got: file.gradWeights.length });
  if (file.gradBiases.length !== L) return fail({ kind: 'layerCount', field: 'gradBiases', expected: L, got: file.gradBiases.length });
  const layout = layoutOf(sizes);
  const flat = new Float64Array(layout.parameterCount);
  for (let k = 0; k < L; k++) {
    const rows = sizes[k + 1];
    const cols = sizes[k];
    const matrix = file.gradWeights[k];
    if (matrix.length !== rows || matrix.some((row) => row.length !== cols)) {
      const even = matrix.every((row) => row.length === matrix[0]?.length);
      return fail({ kind: 'matrixShape', k, rows, cols, got: even ? { rows: matrix.length, cols: matrix[0]?.length ?? 0 } : null });
    }
    matrix.forEach((row, j) => {
      row.forEach((g, i) => {
        flat[layout.weightOffset[k + 1] + j * cols + i] = g;
      });
    });
    const vector = file.gradBiases[k];
    if (vector.length !== rows) return fail({ kind: 'vectorLength', k, rows, got: vector.length });
    vector.forEach((g, j) => {
      flat[layout.biasOffset[k + 1] + j] = g;
    });
  }
  return { ok: true, value: flat };
}

/** A flat gradient (params layout) as a gradients file, e.g. the lab's own correct one. */
export function toGradientsFile(sizes: readonly number[], grad: Float64Array): GradientsFile {
  const layout = layoutOf(sizes);
  const L = sizes.length - 1;
  return {
    format: GRADIENTS_FORMAT,
    version: GRADIENTS_VERSION,
    gradWeights: Array.from({ length: L }, (_, k) =>
      Array.from({ length: sizes[k + 1] }, (_, j) =>
        Array.from(grad.subarray(layout.weightOffset[k + 1] + j * sizes[k], layout.weightOffset[k + 1] + (j + 1) * sizes[k])),
      ),
    ),
    gradBiases: Array.from({ length: L }, (_, k) => Array.from(grad.subarray(layout.biasOffset[k + 1], layout.biasOffset[k + 1] + sizes[k + 1]))),
  };
}
