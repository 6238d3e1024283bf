/** Gates in the question's order, seeded plane sets, and user data that names its bad field. */
import { describe, expect, test } from 'vitest';
import { EngineError, GATES, PLANE_SETS, type PlaneSetName, costTargetsError, gateDataset, namedDataset, planeDataset } from '../../src/engine';
import { parseDatasetFile, parseDatasetJson } from '../../src/engine/csv';
import { said } from '../englishText';

const TRUTH_TABLES = {
  // targets for (1,1), (0,1), (1,0), (0,0)
  OR: [1, 1, 1, 0],
  AND: [1, 0, 0, 0],
  XOR: [0, 1, 1, 0],
  NAND: [0, 1, 1, 1],
  NOR: [0, 0, 0, 1],
  XNOR: [1, 0, 0, 1],
} as const;

describe('gates', () => {
  test("are listed in the question's order", () => {
    expect([...GATES]).toEqual(['OR', 'AND', 'XOR', 'NAND', 'NOR', 'XNOR']);
  });

  test.each(GATES)('%s has the inputs (1,1), (0,1), (1,0), (0,0) and its truth table', (gate) => {
    const data = gateDataset(gate);
    expect(data).toMatchObject({ name: gate, kind: 'gate', count: 4, inputSize: 2, outputSize: 1 });
    expect(Array.from(data.inputs)).toEqual([1, 1, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(data.targets)).toEqual([...TRUTH_TABLES[gate]]);
  });

  test('namedDataset returns the same gate', () => {
    expect(namedDataset('XNOR')).toEqual(gateDataset('XNOR'));
  });
});

describe('plane sets', () => {
  test.each(PLANE_SETS)('%s is seeded: same seed identical, another seed different', (name) => {
    const a = planeDataset(name, 200, 9);
    const b = planeDataset(name, 200, 9);
    const c = planeDataset(name, 200, 10);
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).toEqual(b.targets);
    expect(Array.from(a.inputs)).not.toEqual(Array.from(c.inputs));
  });

  test.each(PLANE_SETS)('%s lies inside its domain, with 0/1 labels and both classes', (name: PlaneSetName) => {
    const data = planeDataset(name, 300, 2);
    const [x1min, x1max, x2min, x2max] = data.domain;
    expect(data).toMatchObject({ kind: 'plane', count: 300, inputSize: 2, outputSize: 1 });
    for (let s = 0; s < data.count; s++) {
      const x1 = data.inputs[2 * s];
      const x2 = data.inputs[2 * s + 1];
      expect(x1 >= x1min && x1 <= x1max && x2 >= x2min && x2 <= x2max).toBe(true);
    }
    const ones = Array.from(data.targets).filter((t) => t === 1).length;
    expect(Array.from(data.targets).every((t) => t === 0 || t === 1)).toBe(true);
    expect(ones).toBeGreaterThan(data.count * 0.2);
    expect(ones).toBeLessThan(data.count * 0.8);
  });

  test('the quadrant set labels by sign: 1 where x1 and x2 differ in sign (away from the axes)', () => {
    const data = planeDataset('quadrants', 400, 1, 0);
    for (let s = 0; s < data.count; s++) {
      const x1 = data.inputs[2 * s];
      const x2 = data.inputs[2 * s + 1];
      expect(data.targets[s]).toBe(x1 * x2 < 0 ? 1 : 0);
    }
  });

  test('namedDataset builds a plane set of 200 points from the data seed', () => {
    expect(namedDataset('spiral', 5)).toEqual(planeDataset('spiral', 200, 5));
  });
});

describe('user data: {"inputs": [[…]], "targets": [[…]]}', () => {
  test('a valid file becomes a dataset with the widths of its rows', () => {
    const result = parseDatasetJson('{"inputs": [[0, 1, 2], [3, 4, 5]], "targets": [[1], [0]]}', 'mine');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: 'mine', kind: 'custom', count: 2, inputSize: 3, outputSize: 1 });
    expect(Array.from(result.value.inputs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(result.value.targets)).toEqual([1, 0]);
    const [x1min, x1max, x2min, x2max] = result.value.domain;
    expect(x1min < 0 && x1max > 3 && x2min < 1 && x2max > 4).toBe(true);
  });

  test.each([
    ['invalid JSON names the line', '{"inputs": [[1]],\n "targets": [[1]],,}', /^not valid JSON: .*line 2/],
    ['an array is not the object', '[[1], [2]]', /expected an object/],
    ['missing inputs', '{"targets": [[1]]}', /^inputs: missing/],
    ['missing targets', '{"inputs": [[1]]}', /^targets: missing/],
    ['inputs not an array', '{"inputs": 1, "targets": [[1]]}', /^inputs: /],
    ['no rows', '{"inputs": [], "targets": []}', /^inputs: /],
    ['targets not an array', '{"inputs": [[1]], "targets": "1"}', /^targets: /],
    ['a row count mismatch', '{"inputs": [[1], [2]], "targets": [[1]]}', /^targets: expected 2 rows/],
    ['a row that is not an array', '{"inputs": [[1], 2], "targets": [[1], [0]]}', /^inputs\[1\]: /],
    ['an empty row', '{"inputs": [[]], "targets": [[1]]}', /^inputs\[0\]: /],
    ['ragged rows', '{"inputs": [[1, 2], [3]], "targets": [[1], [0]]}', /^inputs\[1\]: expected 2 numbers/],
    ['a string in a row', '{"inputs": [[1, "2"]], "targets": [[1]]}', /^inputs\[0\]\[1\]: /],
    ['a null target', '{"inputs": [[1]], "targets": [[null]]}', /^targets\[0\]\[0\]: /],
    ['an infinite input (1e400)', '{"inputs": [[1e400]], "targets": [[1]]}', /^inputs\[0\]\[0\]: expected a finite number/],
  ])('%s', (_, text, message) => {
    const result = parseDatasetJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(said(result.error)).toMatch(message);
  });
});

describe('a dataset file reads alike on every path', () => {
  const json = JSON.stringify({
    inputs: [
      [0, 1],
      [1, 0],
    ],
    targets: [[1], [0]],
  });

  test('JSON with a UTF-8 byte-order mark reads as without it (the browser drops it, Node keeps it)', () => {
    const plain = parseDatasetJson(json);
    const marked = parseDatasetJson(`\uFEFF${json}`);
    expect(marked).toEqual(plain);
    expect(marked.ok).toBe(true);
  });

  test('parseDatasetFile takes JSON or CSV by the first character, as Step through and --data do', () => {
    const fromJson = parseDatasetFile(`\uFEFF  ${json}`, 'n');
    const fromCsv = parseDatasetFile('\uFEFFx1,x2,y1\n0,1,1\n1,0,0\n', 'n');
    expect(fromCsv).toEqual(fromJson);
    const notJson = parseDatasetFile('{"inputs": [[0]]', 'n');
    expect(said(notJson.ok ? '' : notJson.error)).toMatch(/^not valid JSON/);
    const notCsv = parseDatasetFile('a,b\n1,2\n', 'n');
    expect(said(notCsv.ok ? '' : notCsv.error)).toMatch(/line 1, column 1: 'a' is not a column name/);
  });

  test('costTargetsError: only cross-entropy limits targets, and the first bad one is named from 1', () => {
    const data = parseDatasetJson(
      JSON.stringify({
        inputs: [[0], [1], [2]],
        targets: [
          [0, 1],
          [1, -0.5],
          [7, 0],
        ],
      }),
    );
    if (!data.ok) throw new EngineError(data.error);
    expect(said(costTargetsError('crossEntropy', data.value))).toMatch(/row 2, column y2 is -0\.5/);
    expect(costTargetsError('quadratic', data.value)).toBeNull();
    expect(costTargetsError('crossEntropy', gateDataset('XOR'))).toBeNull();
  });
});
