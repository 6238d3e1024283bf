import { describe, expect, it } from 'vitest';
import { gateDataset } from '../../src/engine';
import { gateOf } from '../../src/app/gateData';

const custom = (rows: number[][]) => ({
  ...gateDataset('XOR'),
  name: 'file',
  kind: 'custom' as const,
  inputs: Float64Array.from(rows.flatMap((r) => r.slice(0, 2))),
  targets: Float64Array.from(rows.map((r) => r[2])),
});

describe('gateOf', () => {
  it('names a built-in gate', () => {
    expect(gateOf(gateDataset('AND'))).toBe('AND');
  });
  it('recognises a gate truth table loaded as data, in any sample order', () => {
    expect(
      gateOf(
        custom([
          [0, 0, 0],
          [0, 1, 1],
          [1, 0, 1],
          [1, 1, 0],
        ]),
      ),
    ).toBe('XOR');
    expect(
      gateOf(
        custom([
          [1, 1, 1],
          [0, 0, 0],
          [1, 0, 0],
          [0, 1, 0],
        ]),
      ),
    ).toBe('AND');
  });
  it('is null for data that is not a whole truth table', () => {
    expect(
      gateOf(
        custom([
          [0, 0, 0],
          [0, 1, 1],
          [1, 0, 1],
          [1, 0, 0],
        ]),
      ),
    ).toBeNull();
    expect(
      gateOf(
        custom([
          [0, 0, 0.5],
          [0, 1, 1],
          [1, 0, 1],
          [1, 1, 0],
        ]),
      ),
    ).toBeNull();
  });
});
