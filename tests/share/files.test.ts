import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SAMPLE_GRADIENT_NUMBERS,
  costHistoryCsv,
  dataSizeError,
  errorText,
  exportFileName,
  importDatasetCsv,
  safeFileStem,
} from '../../src/app/files/files';
import { readFileText } from '../../src/app/browser/browser';

describe('cost history as CSV', () => {
  it('one row per epoch under an epoch,cost_after_epoch header', () => {
    expect(costHistoryCsv(new Float64Array([0.75, 0.5, 0.25]))).toBe('epoch,cost_after_epoch\n1,0.75\n2,0.5\n3,0.25\n');
  });

  it('starts at the given epoch and writes a diverged run honestly', () => {
    expect(costHistoryCsv([Number.NaN, Number.POSITIVE_INFINITY], 101)).toBe('epoch,cost_after_epoch\n101,NaN\n102,Infinity\n');
  });

  it('an empty history is just the header', () => {
    expect(costHistoryCsv([])).toBe('epoch,cost_after_epoch\n');
  });

  it('a million epochs come out complete and in order, every cost read back exactly', () => {
    const costs = new Float64Array(1_000_000).map((_, k) => 1 / (k + 1));
    const lines = costHistoryCsv(costs).split('\n');
    expect(lines).toHaveLength(1_000_002);
    expect(lines[1_000_000]).toBe(`1000000,${costs[999_999]}`);
    expect(Number(lines[123_457].split(',')[1])).toBe(costs[123_456]);
  });
});

describe('file names', () => {
  it('say what the file holds', () => {
    expect(exportFileName('network', 'json', { dataset: 'XOR', sizes: [2, 4, 1], seed: 1, epoch: 1200 })).toBe(
      'backprop-lab_XOR_2-4-1_seed1_epoch1200_network.json',
    );
    expect(exportFileName('cost', 'csv', { dataset: 'spiral' })).toBe('backprop-lab_spiral_cost.csv');
  });

  it('a user-chosen dataset name cannot escape the folder or break the name', () => {
    expect(exportFileName('boundary', 'png', { dataset: '../../etc/pass wd<script>' })).toBe('backprop-lab_etc-pass-wd-script_boundary.png');
    expect(safeFileStem('')).toBe('untitled');
    expect(safeFileStem('...')).toBe('untitled');
    expect(safeFileStem('Ünïcödé')).toBe('Unicode');
    expect(safeFileStem('a ø b')).toBe('a-b');
  });

  it('any text gives a portable name (1,000 random names)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const name = exportFileName('network', 'json', { dataset: text });
        expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(name.length).toBeLessThanOrEqual(120);
      }),
      { seed: 6301, numRuns: 1000 },
    );
  });
});

describe('reading a user file', () => {
  it('a file over the limit is refused before it is read', async () => {
    const blob = new Blob(['x'.repeat(2000)]);
    const read = await readFileText(blob, 1000);
    expect(read.ok ? '' : errorText(read.error)).toBe('file too large: 2000 bytes (limit 1000)');
  });

  it('a file within the limit is read as text', async () => {
    expect(await readFileText(new Blob(['x1,y1\n1,0\n']), 1000)).toEqual({ ok: true, value: 'x1,y1\n1,0\n' });
  });
});

describe('CSV import through files.ts', () => {
  it('prefixes the error with what was being read', () => {
    const read = importDatasetCsv('x1,y1\n1,a');
    expect(read.ok ? '' : errorText(read.error)).toBe("Data: line 2, column y1: 'a' is not a number");
  });
});

describe('data too big for the views', () => {
  it('samples × parameters beyond the limit is refused with the number of rows that would fit', () => {
    const data = { count: 10_000, inputSize: 2, outputSize: 1 };
    expect(dataSizeError(data, { hidden: [4] })).toBeNull(); // 17 parameters
    const error = dataSizeError(data, { hidden: [64, 64, 64, 64, 64, 64, 64, 64] });
    expect(error && errorText(error)).toMatch(/^Data: 10,000 samples × 29,377 weights and biases .* at most 680 rows/);
    expect(dataSizeError({ ...data, count: 680 }, { hidden: [64, 64, 64, 64, 64, 64, 64, 64] })).toBeNull();
    expect(MAX_SAMPLE_GRADIENT_NUMBERS).toBeGreaterThanOrEqual(10_000 * 1153); // 10,000 rows on a 2-32-32-1 net fit
  });
});
