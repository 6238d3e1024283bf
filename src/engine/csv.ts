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
import { type Dataset, MAX_USER_SAMPLES, type ParseResult, datasetFromRows } from './datasets';
import { withoutByteOrderMark } from './json';
import { NUMBER_TEXT } from './settingChecks';
import { readJsonText } from './jsonErrors';
import { type EngineCode, type EngineMessage, type MessageValue, engineMessage } from './messages';

/** Texts longer than this are refused before parsing (10,000 rows of a few columns fit easily). */
export const MAX_CSV_CHARS = 2_000_000;
/** Inputs and targets together. */
const MAX_CSV_COLUMNS = 64;
/** Longer cells are refused: no double needs more than ~25 characters. */
const MAX_CSV_CELL_LENGTH = 64;

const COLUMN_NAME = /^([xy])(\d{1,3})$/i;

interface Column {
  kind: 'x' | 'y';
  /** 0-based position among the inputs or among the targets */
  index: number;
  name: string;
}

const fail = (code: EngineCode, values: Record<string, MessageValue> = {}): ParseResult<Dataset> => ({ ok: false, error: engineMessage(code, values) });

/** Shows a piece of the user's text in a message, cut short and with control characters escaped. */
function shown(text: string): string {
  const cut = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

function readHeader(cells: string[], line: number): ParseResult<Column[]> | { ok: false; error: EngineMessage } {
  const headerFail = (code: EngineCode, values: Record<string, MessageValue>) => ({ ok: false as const, error: engineMessage(code, { line, ...values }) });
  if (cells.length > MAX_CSV_COLUMNS) return headerFail('csvTooManyColumns', { count: cells.length, max: MAX_CSV_COLUMNS });
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < cells.length; c++) {
    const match = COLUMN_NAME.exec(cells[c]);
    if (!match || Number(match[2]) < 1) {
      // a number where a name belongs: the header line is missing
      return headerFail(NUMBER_TEXT.test(cells[c]) ? 'csvNotColumnNameNumber' : 'csvNotColumnName', { column: c + 1, cell: shown(cells[c]) });
    }
    const name = `${match[1].toLowerCase()}${Number(match[2])}`;
    if (seen.has(name)) return headerFail('csvColumnTwice', { column: name });
    seen.add(name);
    columns.push({ kind: match[1].toLowerCase() as 'x' | 'y', index: Number(match[2]) - 1, name });
  }
  for (const kind of ['x', 'y'] as const) {
    const count = columns.filter((column) => column.kind === kind).length;
    if (count === 0) return headerFail(kind === 'x' ? 'csvNoInputColumns' : 'csvNoTargetColumns', {});
    for (let k = 1; k <= count; k++) {
      if (!seen.has(`${kind}${k}`)) return headerFail(kind === 'x' ? 'csvInputColumnMissing' : 'csvTargetColumnMissing', { column: `${kind}${k}` });
    }
  }
  return { ok: true, value: columns };
}

/** Parses CSV text into a 'custom' dataset whose domain comes from the data; the first problem is the error. */
export function parseDatasetCsv(text: string, name = 'custom'): ParseResult<Dataset> {
  if (typeof text !== 'string') return fail('csvExpectedText');
  if (text.length > MAX_CSV_CHARS) return fail('csvTooLarge', { count: text.length, max: MAX_CSV_CHARS });
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
      if (!header.ok) return header;
      columns = header.value;
      inputSize = columns.filter((column) => column.kind === 'x').length;
      continue;
    }
    if (inputs.length === MAX_USER_SAMPLES) return fail('csvTooManyRows', { line, max: MAX_USER_SAMPLES });
    const cells = content.split(separator);
    if (cells.length !== columns.length) {
      return fail('csvWrongCount', { line, expected: columns.length, columns: columns.map((column) => column.name).join(', '), count: cells.length });
    }
    const x = new Array<number>(inputSize);
    const y = new Array<number>(columns.length - inputSize);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c].trim();
      const where = { line, column: columns[c].name };
      if (cell === '') return fail('csvValueMissing', where);
      if (cell.length > MAX_CSV_CELL_LENGTH) return fail('csvValueTooLong', { ...where, count: cell.length, max: MAX_CSV_CELL_LENGTH });
      if (!NUMBER_TEXT.test(cell)) return fail('csvNotNumber', { ...where, cell: shown(cell) });
      const value = Number(cell);
      if (!Number.isFinite(value)) return fail('csvTooLargeNumber', { ...where, cell: shown(cell) });
      (columns[c].kind === 'x' ? x : y)[columns[c].index] = value;
    }
    inputs.push(x);
    targets.push(y);
  }
  if (columns === null) return fail('csvNoHeader');
  if (inputs.length === 0) return fail('csvNoRows');
  return datasetFromRows(inputs, targets, name);
}

/** The user data format: JSON {"inputs": [[…]], "targets": [[…]]}. */
export function parseDatasetJson(text: string, name = 'custom'): ParseResult<Dataset> {
  const read = readJsonText(text);
  if (!read.ok) return read;
  const raw = read.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: engineMessage('datasetNotObject', { shape: '{"inputs": [[…]], "targets": [[…]]}' }) };
  const obj = raw as Record<string, unknown>;
  if (!('inputs' in obj)) return { ok: false, error: engineMessage('datasetMissing', { field: 'inputs' }) };
  if (!('targets' in obj)) return { ok: false, error: engineMessage('datasetMissing', { field: 'targets' }) };
  return datasetFromRows(obj.inputs, obj.targets, name);
}

/**
 * A dataset file as the page's Step through and the CLI's --data read it: JSON {"inputs", "targets"}
 * when it starts with "{" (after blanks and a byte-order mark), CSV otherwise.
 */
export function parseDatasetFile(text: string, name = 'custom'): ParseResult<Dataset> {
  if (typeof text !== 'string') return fail('csvExpectedText');
  if (text.length > MAX_CSV_CHARS) return fail('csvTooLarge', { count: text.length, max: MAX_CSV_CHARS });
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
