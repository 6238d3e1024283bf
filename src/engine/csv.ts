/**
 * The user data format as CSV: a header naming the columns x1, x2, … (inputs) and y1, y2, …
 * (targets) in any order, then one sample per line, numbers only.
 *
 *   # XOR, my way
 *   x1,x2,y1
 *   0,0,0
 *   0,1,1
 *
 * Commas or tabs (what a spreadsheet pastes) separate cells; blanks around cells, CRLF line ends,
 * blank lines and whole-line comments starting with # are ignored. No quoting: cells are numbers.
 * Every error names the line (1-based, counting comments and blanks) and the column.
 */
import { type Dataset, MAX_USER_SAMPLES, type ParseResult, datasetFromRows, parseDatasetJson } from './datasets';
import { withoutByteOrderMark } from './json';

/** Texts longer than this are refused before parsing (10,000 rows of a few columns fit easily). */
export const MAX_CSV_CHARS = 2_000_000;
/** Inputs and targets together. */
const MAX_CSV_COLUMNS = 64;
/** Longer cells are refused: no double needs more than ~25 characters. */
const MAX_CSV_CELL_LENGTH = 64;

/** Plain decimal or exponent notation only (no hex, no "Infinity", no "NaN", no blanks): the one number syntax the lab reads, in CSV cells, links and typed fields. */
export const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const COLUMN_NAME = /^([xy])(\d{1,3})$/i;

interface Column {
  kind: 'x' | 'y';
  /** 0-based position among the inputs or among the targets */
  index: number;
  name: string;
}

const fail = (error: string): ParseResult<Dataset> => ({ ok: false, error });

/** Shows a piece of the user's text in a message, cut short and with control characters escaped. */
function shown(text: string): string {
  const cut = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

function readHeader(cells: string[], line: number): ParseResult<Column[]> | { ok: false; error: string } {
  if (cells.length > MAX_CSV_COLUMNS) return { ok: false, error: `line ${line}: ${cells.length} columns, at most ${MAX_CSV_COLUMNS}` };
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < cells.length; c++) {
    const match = COLUMN_NAME.exec(cells[c]);
    if (!match || Number(match[2]) < 1) {
      const hint = NUMBER_TEXT.test(cells[c]) ? ' (the first line must be a header naming the columns)' : '';
      return {
        ok: false,
        error: `line ${line}, column ${c + 1}: ${shown(cells[c])} is not a column name; expected x1, x2, … for inputs and y1, y2, … for targets, separated by commas or tabs${hint}`,
      };
    }
    const name = `${match[1].toLowerCase()}${Number(match[2])}`;
    if (seen.has(name)) return { ok: false, error: `line ${line}: column ${name} appears twice` };
    seen.add(name);
    columns.push({ kind: match[1].toLowerCase() as 'x' | 'y', index: Number(match[2]) - 1, name });
  }
  for (const kind of ['x', 'y'] as const) {
    const count = columns.filter((column) => column.kind === kind).length;
    const what = kind === 'x' ? 'input' : 'target';
    if (count === 0) return { ok: false, error: `line ${line}: no ${what} columns (${kind}1, ${kind}2, …)` };
    for (let k = 1; k <= count; k++) {
      if (!seen.has(`${kind}${k}`))
        return { ok: false, error: `line ${line}: column ${kind}${k} is missing (${what} columns are numbered ${kind}1, ${kind}2, … without gaps)` };
    }
  }
  return { ok: true, value: columns };
}

/** Parses CSV text into a 'custom' dataset whose domain comes from the data; the first problem is the error. */
export function parseDatasetCsv(text: string, name = 'custom'): ParseResult<Dataset> {
  if (typeof text !== 'string') return fail('expected text');
  if (text.length > MAX_CSV_CHARS) return fail(`too large: ${text.length} characters (limit ${MAX_CSV_CHARS})`);
  const lines = withoutByteOrderMark(text).split(/\r\n|\n|\r/);
  let columns: Column[] | null = null;
  let separator = ',';
  let inputSize = 0;
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = k + 1;
    const content = lines[k].trim();
    if (content === '' || content.startsWith('#')) continue;
    if (columns === null) {
      separator = content.includes(',') || !content.includes('\t') ? ',' : '\t';
      const header = readHeader(
        content.split(separator).map((cell) => cell.trim()),
        line,
      );
      if (!header.ok) return fail(header.error);
      columns = header.value;
      inputSize = columns.filter((column) => column.kind === 'x').length;
      continue;
    }
    if (inputs.length === MAX_USER_SAMPLES) return fail(`line ${line}: more than ${MAX_USER_SAMPLES} data rows (the limit)`);
    const cells = content.split(separator);
    if (cells.length !== columns.length) {
      return fail(`line ${line}: expected ${columns.length} values (${columns.map((column) => column.name).join(', ')}), got ${cells.length}`);
    }
    const x = new Array<number>(inputSize);
    const y = new Array<number>(columns.length - inputSize);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c].trim();
      const where = `line ${line}, column ${columns[c].name}`;
      if (cell === '') return fail(`${where}: value is missing`);
      if (cell.length > MAX_CSV_CELL_LENGTH) return fail(`${where}: value is too long (${cell.length} characters, at most ${MAX_CSV_CELL_LENGTH})`);
      if (!NUMBER_TEXT.test(cell)) return fail(`${where}: ${shown(cell)} is not a number`);
      const value = Number(cell);
      if (!Number.isFinite(value)) return fail(`${where}: ${shown(cell)} is too large to be a number`);
      (columns[c].kind === 'x' ? x : y)[columns[c].index] = value;
    }
    inputs.push(x);
    targets.push(y);
  }
  if (columns === null) return fail('no header: the first line must name the columns, e.g. x1,x2,y1');
  if (inputs.length === 0) return fail('no data rows after the header');
  return datasetFromRows(inputs, targets, name);
}

/**
 * A dataset file as the page's Step through and the CLI's --data read it: JSON {"inputs", "targets"}
 * when it starts with "{" (after blanks and a byte-order mark), CSV otherwise.
 */
export function parseDatasetFile(text: string, name = 'custom'): ParseResult<Dataset> {
  if (typeof text !== 'string') return fail('expected text');
  if (text.length > MAX_CSV_CHARS) return fail(`too large: ${text.length} characters (limit ${MAX_CSV_CHARS})`);
  return text.trimStart().startsWith('{') ? parseDatasetJson(text, name) : parseDatasetCsv(text, name);
}

/** A dataset as CSV text that parseDatasetCsv reads back to the same numbers. */
export function datasetToCsv(data: Pick<Dataset, 'count' | 'inputSize' | 'outputSize' | 'inputs' | 'targets'>): string {
  const header = [...Array.from({ length: data.inputSize }, (_, i) => `x${i + 1}`), ...Array.from({ length: data.outputSize }, (_, j) => `y${j + 1}`)];
  const rows = [header.join(',')];
  for (let s = 0; s < data.count; s++) {
    const cells: string[] = [];
    for (let i = 0; i < data.inputSize; i++) cells.push(numberCell(data.inputs[s * data.inputSize + i]));
    for (let j = 0; j < data.outputSize; j++) cells.push(numberCell(data.targets[s * data.outputSize + j]));
    rows.push(cells.join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** Shortest text that reads back to the same double; keeps −0. */
function numberCell(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
