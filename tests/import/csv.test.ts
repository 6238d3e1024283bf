import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError, DEFAULT_CONFIG, MAX_USER_SAMPLES, buildRun } from '../../src/engine';
import { MAX_CSV_CHARS, datasetToCsv, parseDatasetCsv } from '../../src/engine/csv';
import { errorText, importDatasetCsv } from '../../src/app/files/files';
import { englishText } from '../../src/cli/english';

function errorOf(text: string): string {
  const result = parseDatasetCsv(text);
  if (result.ok) throw new Error('expected an error');
  return englishText(result.error);
}

describe('CSV data: what it accepts', () => {
  it('reads inputs and targets into a custom dataset whose domain comes from the data', () => {
    const result = parseDatasetCsv('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n', 'my xor');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.value;
    expect(data).toMatchObject({ name: 'my xor', kind: 'custom', count: 4, inputSize: 2, outputSize: 1 });
    expect([...data.inputs]).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect([...data.targets]).toEqual([0, 1, 1, 0]);
    expect(data.domain).toEqual([-0.25, 1.25, -0.25, 1.25]);
  });

  it('columns may come in any order', () => {
    const result = parseDatasetCsv('y2,x2,y1,x1\n10,2,20,1\n30,4,40,3\n');
    expect(result.ok && [...result.value.inputs]).toEqual([1, 2, 3, 4]);
    expect(result.ok && [...result.value.targets]).toEqual([20, 10, 40, 30]);
  });

  it('tolerates CRLF, a BOM, spaces around cells, blank lines, # comments and upper-case names', () => {
    const text = '\uFEFF# my data\r\n\r\n X1 , x2 ,Y1 \r\n  0 , 0.5 , 1  \r\n# a note\r\n\r\n-1e-3,+2,.5\r\n\r\n\r\n';
    const result = parseDatasetCsv(text);
    expect(result.ok).toBe(true);
    expect(result.ok && [...result.value.inputs]).toEqual([0, 0.5, -0.001, 2]);
    expect(result.ok && [...result.value.targets]).toEqual([1, 0.5]);
  });

  it('reads tab-separated text (what a spreadsheet pastes)', () => {
    const result = parseDatasetCsv('x1\tx2\ty1\n1\t2\t0\n3\t4\t1\n');
    expect(result.ok && [...result.value.inputs]).toEqual([1, 2, 3, 4]);
  });

  it('a parsed dataset trains: buildRun accepts it', () => {
    const result = parseDatasetCsv('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    if (!result.ok) throw new EngineError(result.error);
    const run = buildRun({ ...DEFAULT_CONFIG, hidden: [4] }, result.value);
    const { ran } = run.trainer.train(10);
    expect(ran).toBe(10);
    expect(Number.isFinite(run.trainer.lastCost)).toBe(true);
  });

  it('accepts exactly the row limit', () => {
    const text = `x1,y1\n${'1,0\n'.repeat(MAX_USER_SAMPLES)}`;
    const result = parseDatasetCsv(text);
    expect(result.ok && result.value.count).toBe(MAX_USER_SAMPLES);
  });

  it('datasetToCsv → parseDatasetCsv gives back the same numbers (500 random datasets)', () => {
    const dataset = fc
      .record({ count: fc.integer({ min: 1, max: 30 }), inputSize: fc.integer({ min: 1, max: 5 }), outputSize: fc.integer({ min: 1, max: 3 }) })
      .chain(({ count, inputSize, outputSize }) =>
        fc.record({
          count: fc.constant(count),
          inputSize: fc.constant(inputSize),
          outputSize: fc.constant(outputSize),
          inputs: fc.float64Array({ minLength: count * inputSize, maxLength: count * inputSize, noNaN: true, noDefaultInfinity: true }),
          targets: fc.float64Array({ minLength: count * outputSize, maxLength: count * outputSize, noNaN: true, noDefaultInfinity: true }),
        }),
      );
    fc.assert(
      fc.property(dataset, (data) => {
        const result = parseDatasetCsv(datasetToCsv(data));
        if (!result.ok) throw new EngineError(result.error);
        expect(result.value.inputs).toEqual(data.inputs);
        expect(result.value.targets).toEqual(data.targets);
        for (let k = 0; k < data.inputs.length; k++) expect(Object.is(result.value.inputs[k], data.inputs[k])).toBe(true);
      }),
      { seed: 6101, numRuns: 500 },
    );
  });
});

describe('CSV data: every error names the line and the column', () => {
  it.each([
    ['', 'no header: the first line must name the columns, e.g. x1,x2,y1'],
    ['# only a comment\n\n', 'no header: the first line must name the columns, e.g. x1,x2,y1'],
    ['x1,x2,y1\n', 'no data rows after the header'],
    [
      '0,0,1\n1,1,0',
      "line 1, column 1: '0' is not a column name; expected x1, x2, … for inputs and y1, y2, … for targets, separated by commas or tabs (the first line must be a header naming the columns)",
    ],
    [
      'x1,x2,label\n0,0,1',
      "line 1, column 3: 'label' is not a column name; expected x1, x2, … for inputs and y1, y2, … for targets, separated by commas or tabs",
    ],
    [
      'x1;x2;y1\n0;0;1',
      "line 1, column 1: 'x1;x2;y1' is not a column name; expected x1, x2, … for inputs and y1, y2, … for targets, separated by commas or tabs",
    ],
    ['x0,y1\n0,1', "line 1, column 1: 'x0' is not a column name; expected x1, x2, … for inputs and y1, y2, … for targets, separated by commas or tabs"],
    ['x1,x1,y1\n0,0,1', 'line 1: column x1 appears twice'],
    ['x1,X1,y1\n0,0,1', 'line 1: column x1 appears twice'],
    ['x1,x3,y1\n0,0,1', 'line 1: column x2 is missing (input columns are numbered x1, x2, … without gaps)'],
    ['x1,x2\n0,0', 'line 1: no target columns (y1, y2, …)'],
    ['y1\n0', 'line 1: no input columns (x1, x2, …)'],
    ['x1,y2\n0,0', 'line 1: column y1 is missing (target columns are numbered y1, y2, … without gaps)'],
    ['x1,x2,y1\n0,0,1\n\n# c\n0,1', 'line 5: expected 3 values (x1, x2, y1), got 2'],
    ['x1,x2,y1\n0,0,1,', 'line 2: expected 3 values (x1, x2, y1), got 4'],
    ['x1,x2,y1\n0,1,0\n0,0,1\n1,0,1\n1,1,0\n0,0,0\nabc,0,abc', "line 7, column x1: 'abc' is not a number"],
    ['x1,x2,y1\n0,0,abc', "line 2, column y1: 'abc' is not a number"],
    ['x1,x2,y1\r\n0,0,1\r\n0, ,1', 'line 3, column x2: value is missing'],
    ['x1,y1\n1,NaN', "line 2, column y1: 'NaN' is not a number"],
    ['x1,y1\n1,Infinity', "line 2, column y1: 'Infinity' is not a number"],
    ['x1,y1\n1,0x10', "line 2, column y1: '0x10' is not a number"],
    ['x1,y1\n1,"1"', `line 2, column y1: '\\"1\\"' is not a number`],
    ['x1,y1\n1,1e999', "line 2, column y1: '1e999' is too large to be a number"],
    ['x1,y1\n1,1,5', 'line 2: expected 2 values (x1, y1), got 3'],
    ['x1,y1\n1,\u0000', "line 2, column y1: '\\u0000' is not a number"],
  ])('%j', (text, error) => {
    expect(errorOf(text)).toBe(error);
  });

  it('a value longer than 64 characters', () => {
    expect(errorOf(`x1,y1\n1,${'1'.repeat(65)}`)).toBe('line 2, column y1: value is too long (65 characters, at most 64)');
  });

  it('more columns than the limit', () => {
    const header = [...Array.from({ length: 40 }, (_, k) => `x${k + 1}`), ...Array.from({ length: 25 }, (_, k) => `y${k + 1}`)].join(',');
    expect(errorOf(`${header}\n`)).toBe('line 1: 65 columns, at most 64');
  });

  it('one row more than the limit', () => {
    const text = `x1,y1\n${'1,0\n'.repeat(MAX_USER_SAMPLES + 1)}`;
    expect(errorOf(text)).toBe(`line ${MAX_USER_SAMPLES + 2}: more than ${MAX_USER_SAMPLES} data rows (the limit)`);
  });

  it('text over the size limit is refused before parsing', () => {
    expect(errorOf(`x1,y1\n${' '.repeat(MAX_CSV_CHARS)}`)).toBe(`too large: ${MAX_CSV_CHARS + 6} characters (limit ${MAX_CSV_CHARS})`);
  });

  it('a long bad cell is quoted only in part', () => {
    expect(errorOf(`x1,y1\n1,${'z'.repeat(60)}`)).toBe(`line 2, column y1: '${'z'.repeat(24)}…' is not a number`);
  });
});

describe('CSV importer under hostile input', () => {
  const header = fc.constantFrom('x1,x2,y1', 'x1,y1', 'y1,x1', 'x1\ty1', '__proto__,constructor', 'x1,x2,y1,y2', '');
  const cell = fc.oneof(
    fc.constantFrom(
      '0',
      '1',
      '-1',
      '1e308',
      '1e309',
      '-1e309',
      'NaN',
      'Infinity',
      '-0',
      '',
      ' ',
      '.',
      'e5',
      '1e',
      '+-1',
      '٣',
      '1,5',
      '"1"',
      '__proto__',
      '\u0000',
    ),
    fc.double().map(String),
    fc.string({ maxLength: 8 }),
  );
  const row = fc.tuple(fc.array(cell, { minLength: 0, maxLength: 4 }), fc.constantFrom(',', '\t')).map(([cells, separator]) => cells.join(separator));
  const csvText = fc.oneof(
    fc.tuple(header, fc.array(row, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r')).map(([head, rows, eol]) => [head, ...rows].join(eol)),
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
  );

  it('3,000 hostile texts: a dataset with finite numbers or a line-numbered error, never a throw', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const result = importDatasetCsv(text);
        if (result.ok) {
          const data = result.value;
          expect(data.kind).toBe('custom');
          expect(data.count).toBeGreaterThan(0);
          expect(data.inputs.length).toBe(data.count * data.inputSize);
          expect(data.targets.length).toBe(data.count * data.outputSize);
          for (const value of [...data.inputs, ...data.targets, ...data.domain]) expect(Number.isFinite(value)).toBe(true);
        } else {
          expect(errorText(result.error)).toMatch(/^Data: /);
          expect(errorText(result.error).length).toBeLessThanOrEqual(300);
        }
      }),
      { seed: 6102, numRuns: 3000 },
    );
  });

  it('very long lines, many columns and deep junk answer with an error', () => {
    const long = importDatasetCsv(`x1,y1\n${'1,'.repeat(500_000)}1`);
    expect(long.ok ? '' : errorText(long.error)).toBe('Data: line 2: expected 2 values (x1, y1), got 500001');
    expect(importDatasetCsv('['.repeat(100_000)).ok).toBe(false);
    expect(importDatasetCsv(42).ok).toBe(false);
  });
});
