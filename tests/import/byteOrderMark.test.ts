/** A UTF-8 byte-order mark is accepted by every importer the page has (and the CLI, tests/cli/limits.test.ts). */
import { describe, expect, test } from 'vitest';
import { importDatasetCsv, importNetworkText } from '../../src/app/files/files';
import { readDatasetFile, readNetworkFile } from '../../src/app/stepThrough/userFiles';
import { initializeNetwork } from '../../src/engine';
import { serializeNetwork } from '../../src/engine/networkFile';
import { parseExerciseSet } from '../../src/app/exercise/exerciseSet';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BOM = '\uFEFF';
const network = serializeNetwork(initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 7));
const json = JSON.stringify({
  inputs: [
    [0, 1],
    [1, 0],
  ],
  targets: [[1], [0]],
});
const csv = 'x1,x2,y1\n0,1,1\n1,0,0\n';

describe('a leading byte-order mark', () => {
  test('the File menu and Step through read a network file with it as without it', () => {
    expect(importNetworkText(BOM + network)).toEqual(importNetworkText(network));
    expect(readNetworkFile(BOM + network, 'net.json')).toEqual(readNetworkFile(network, 'net.json'));
    expect(importNetworkText(BOM + network).ok).toBe(true);
  });

  test('the data dialog and Step through read data with it, JSON or CSV', () => {
    expect(importDatasetCsv(BOM + csv)).toEqual(importDatasetCsv(csv));
    const fromJson = readDatasetFile(BOM + json, 'd.json');
    expect(fromJson.ok).toBe(true);
    expect(fromJson).toEqual(readDatasetFile(json, 'd.json'));
    expect(readDatasetFile(BOM + csv, 'd.csv')).toEqual(readDatasetFile(csv, 'd.csv'));
  });

  test('an exercise set file reads with it as without it (one JSON reader for every user file)', () => {
    const set = readFileSync(join(import.meta.dirname, '../../public/exercises/question-one-pass.json'), 'utf8');
    expect(parseExerciseSet(set).ok).toBe(true);
    expect(parseExerciseSet(BOM + set)).toEqual(parseExerciseSet(set));
  });
});
