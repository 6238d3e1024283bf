/**
 * Import and export of the lab's files, DOM-free: the network file (the engine's versioned JSON),
 * the user's CSV data, the cost history as CSV, and file names. Each import returns a whole value
 * or one coded message (worded on the page by errorText); it never throws and never hands back a half-read value.
 */
import { type Dataset, type DatasetName, type LabConfig, type Network, type ParseResult, type Problem, engineMessage, layoutOf, sizesOf } from '../../engine';
import { MAX_CSV_CHARS, parseDatasetCsv } from '../../engine/csv';
import { MAX_NETWORK_FILE_BYTES, parseNetworkFile, serializeNetwork } from '../../engine/networkFile';
import { problemText } from '../../i18n/messageText';

export type ImportResult<T> = ParseResult<T, Problem>;

/** Error messages quote the user's file; keep them short enough for a status line. */
const MAX_ERROR_LENGTH = 300;

const clipped = (text: string) => (text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text);

/** `prefix: error`, clipped to MAX_ERROR_LENGTH. */
export function shortError(prefix: string, error: string): string {
  return clipped(`${prefix}: ${error}`);
}

/** An import's problem in the page's language, clipped to MAX_ERROR_LENGTH. */
export function errorText(problem: Problem): string {
  return clipped(problemText(problem));
}

/** Reads a network file's text. The error names the field (e.g. weights[1][0][2]) or the JSON line. */
export function importNetworkText(text: unknown): ImportResult<Network> {
  const fail = (detail: Problem) => ({ ok: false as const, error: engineMessage('fileNetwork', { detail }) });
  if (typeof text !== 'string') return fail(engineMessage('csvExpectedText'));
  if (text.length > MAX_NETWORK_FILE_BYTES) return fail(engineMessage('fileTooLarge', { count: text.length, max: MAX_NETWORK_FILE_BYTES }));
  try {
    const result = parseNetworkFile(text);
    return result.ok ? result : fail(result.error);
  } catch {
    // e.g. a pathologically nested value that exhausts the stack while being described
    return fail(engineMessage('fileTooNested'));
  }
}

/** Reads CSV data (a file's text or pasted text). The error names the line and the column. */
export function importDatasetCsv(text: unknown, name = 'custom'): ImportResult<Dataset> {
  const fail = (detail: Problem) => ({ ok: false as const, error: engineMessage('fileData', { detail }) });
  if (typeof text !== 'string') return fail(engineMessage('csvExpectedText'));
  if (text.length > MAX_CSV_CHARS) return fail(engineMessage('fileTooLarge', { count: text.length, max: MAX_CSV_CHARS }));
  try {
    const result = parseDatasetCsv(text, name);
    return result.ok ? result : fail(result.error);
  } catch {
    return fail(engineMessage('fileUnreadable'));
  }
}

/**
 * The views keep every sample's gradient (samples × parameters numbers, 8 bytes each) in each
 * snapshot; beyond this a snapshot no longer fits a message between the worker and the page.
 */
export const MAX_SAMPLE_GRADIENT_NUMBERS = 20_000_000;

/** Why this data is too big for the views with the network of `config`, or null. */
export function dataSizeError(data: Pick<Dataset, 'count' | 'inputSize' | 'outputSize'>, config: Pick<LabConfig, 'hidden'>): Problem | null {
  const parameters = layoutOf(sizesOf(config as LabConfig, data)).parameterCount;
  const numbers = data.count * parameters;
  if (numbers <= MAX_SAMPLE_GRADIENT_NUMBERS) return null;
  const rows = Math.floor(MAX_SAMPLE_GRADIENT_NUMBERS / parameters);
  return engineMessage('fileData', {
    detail: engineMessage('dataTooBig', {
      count: data.count.toLocaleString('en'),
      parameters: parameters.toLocaleString('en'),
      rows: rows.toLocaleString('en'),
    }),
  });
}

/** The network as the text of a file the importer (and the CLI) reads back. */
export function exportNetworkText(net: Network): string {
  return `${serializeNetwork(net)}\n`;
}

/**
 * The cost history as CSV: a header naming the column's meaning and one row per epoch. costs[k] is the
 * cost at epoch firstEpoch + k: the whole dataset's cost with the weights after that epoch (README,
 * Notation). Non-finite costs are written as NaN or Infinity (what a diverged run had).
 */
const COST_CSV_HEADER = 'epoch,cost_after_epoch';

export function costHistoryCsv(costs: ArrayLike<number>, firstEpoch = 1): string {
  const parts: string[] = [`${COST_CSV_HEADER}\n`];
  // chunks keep a million-epoch history from building one huge array of small strings
  const CHUNK = 65_536;
  for (let start = 0; start < costs.length; start += CHUNK) {
    const end = Math.min(costs.length, start + CHUNK);
    const rows = new Array<string>(end - start);
    for (let k = start; k < end; k++) rows[k - start] = `${firstEpoch + k},${costs[k]}\n`;
    parts.push(rows.join(''));
  }
  return parts.join('');
}

export interface FileNameParts {
  dataset: DatasetName | string;
  /** n_0 … n_L */
  sizes?: readonly number[];
  seed?: number;
  epoch?: number;
}

/** Keeps file names portable: letters, digits, dot, dash and underscore; nothing else. */
export function safeFileStem(text: string): string {
  const stem = text
    .normalize('NFKD')
    // accents come off as combining marks after NFKD: Ü → U
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return stem === '' ? 'untitled' : stem;
}

/**
 * A descriptive file name, e.g. backprop-lab_XOR_2-4-1_seed1_epoch1200_network.json, so several
 * exports of one session sort together and say what they hold.
 */
export function exportFileName(what: string, extension: string, parts: FileNameParts): string {
  const pieces = ['backprop-lab', parts.dataset];
  if (parts.sizes && parts.sizes.length > 0) pieces.push(parts.sizes.join('-'));
  if (parts.seed !== undefined) pieces.push(`seed${parts.seed}`);
  if (parts.epoch !== undefined) pieces.push(`epoch${parts.epoch}`);
  pieces.push(what);
  return `${pieces.map((piece) => safeFileStem(String(piece))).join('_')}.${safeFileStem(extension)}`;
}
