/**
 * The gradients file a harness prints (docs/check.md):
 * {"format": "backprop-lab/gradients", "version": 1, "gradWeights": [[[…]]], "gradBiases": [[…]]}
 * gradWeights[k] is ∂C/∂W^(k+1), n_(k+1) rows of n_k numbers (the network file's weights layout);
 * gradBiases[k] is ∂C/∂b^(k+1). Every problem is named by its field; nothing is half-read.
 */
import * as v from 'valibot';
import type { ParseResult } from './datasets';
import { describeValue, invalidJson } from './json';
import { type EngineCode, type EngineMessage, type MessageValue, engineMessage } from './messages';
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

// each issue's message is its code (messages.ts); the path and the input give its values
const entry = v.pipe(v.number('gradEntry'), v.finite('gradEntry'));
const SCHEMA = v.object({
  format: v.literal(GRADIENTS_FORMAT, 'gradFormat'),
  version: v.literal(GRADIENTS_VERSION, 'gradVersion'),
  gradWeights: v.array(v.array(v.array(entry, 'gradRow'), 'gradMatrix'), 'gradMatrices'),
  gradBiases: v.array(v.array(entry, 'gradVector'), 'gradVectors'),
});

/** The first schema issue as a message naming its field. */
function issueMessage(issue: v.BaseIssue<unknown>): EngineMessage {
  const path = pathOf(issue) || 'file';
  const input = issue.input;
  if (input === undefined) return engineMessage('gradMissing', { path });
  const code = issue.message as EngineCode;
  if (code === 'gradEntry') {
    if (typeof input === 'string' && input.startsWith(NON_FINITE_MARK))
      return engineMessage('gradEntryMarked', { path, value: input.slice(NON_FINITE_MARK.length) });
    if (input === null) return engineMessage('gradEntryNull', { path });
  }
  return engineMessage(code, { path, value: describeValue(input), format: GRADIENTS_FORMAT, version: GRADIENTS_VERSION });
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

/** Reads and checks a gradients file's text against the network's sizes; returns the flat gradient in the engine's params layout. */
export function parseGradientsFile(text: string, sizes: readonly number[]): ParseResult<Float64Array> {
  if (text.length > MAX_GRADIENTS_FILE_BYTES) return { ok: false, error: engineMessage('gradTooLarge', { count: text.length, max: MAX_GRADIENTS_FILE_BYTES }) };
  let raw: unknown;
  const marked = markNonFinite(text);
  try {
    raw = JSON.parse(marked);
  } catch (err) {
    return { ok: false, error: invalidJson(marked, err as Error) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      ok: false,
      error: engineMessage('gradNotObject', { shape: `{"format": "${GRADIENTS_FORMAT}", "version": 1, "gradWeights": […], "gradBiases": […]}` }),
    };
  const result = v.safeParse(SCHEMA, raw);
  if (!result.success) {
    return { ok: false, error: issueMessage(result.issues[0]) };
  }
  return gradientsFromFile(result.output as GradientsFile, sizes);
}

/** The shapes against the network: gradWeights[k] must be n_(k+1) × n_k, gradBiases[k] n_(k+1) long. */
function gradientsFromFile(file: GradientsFile, sizes: readonly number[]): ParseResult<Float64Array> {
  const L = sizes.length - 1;
  const fail = (code: EngineCode, values: Record<string, MessageValue>): ParseResult<Float64Array> => ({ ok: false, error: engineMessage(code, values) });
  if (file.gradWeights.length !== L) return fail('gradMatrixCount', { expected: L, count: file.gradWeights.length });
  if (file.gradBiases.length !== L) return fail('gradVectorCount', { expected: L, count: file.gradBiases.length });
  const layout = layoutOf(sizes);
  const flat = new Float64Array(layout.parameterCount);
  for (let k = 0; k < L; k++) {
    const rows = sizes[k + 1];
    const cols = sizes[k];
    const matrix = file.gradWeights[k];
    const shape = `${matrix.length}×${matrix[0]?.length ?? 0}`;
    if (matrix.length !== rows || matrix.some((row) => row.length !== cols))
      return fail('gradMatrixShape', {
        index: k,
        rows,
        cols,
        layer: k + 1,
        previous: k,
        got: matrix.every((row) => row.length === matrix[0]?.length) ? shape : engineMessage('gradUnevenRows'),
      });
    matrix.forEach((row, j) => {
      row.forEach((g, i) => {
        flat[layout.weightOffset[k + 1] + j * cols + i] = g;
      });
    });
    const vector = file.gradBiases[k];
    if (vector.length !== rows) return fail('gradVectorLength', { index: k, expected: rows, layer: k + 1, count: vector.length });
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
