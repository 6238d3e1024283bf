import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CostEnvelope, columnOf, envelopeColumns, reduceColumns } from '../../src/views/costCurve/envelope';

const costValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, Infinity, -Infinity, NaN) },
);

/** The plain definition: min/max of the finite values whose index maps to column c. */
function naiveColumns(values: number[], columns: number, span = values.length) {
  const min = Array.from({ length: columns }, () => NaN);
  const max = Array.from({ length: columns }, () => NaN);
  const nonFinite = Array.from({ length: columns }, () => 0);
  values.forEach((v, k) => {
    const c = columnOf(k, span, columns);
    if (!Number.isFinite(v)) nonFinite[c]++;
    else {
      min[c] = Number.isNaN(min[c]) ? v : Math.min(min[c], v);
      max[c] = Number.isNaN(max[c]) ? v : Math.max(max[c], v);
    }
  });
  return { min, max, nonFinite };
}

describe('min/max column reducer', () => {
  it('columnOf puts the first epoch in the first column and the last in the last', () => {
    expect(columnOf(0, 1000, 10)).toBe(0);
    expect(columnOf(999, 1000, 10)).toBe(9);
    expect(columnOf(0, 1, 10)).toBe(0);
  });

  it('reduceColumns gives the exact extremes of every column, for any length and width', () => {
    fc.assert(
      fc.property(fc.array(costValue, { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (values, columns) => {
        const cols = reduceColumns(values, values.length, columns);
        const expected = naiveColumns(values, columns);
        expect(Array.from(cols.min)).toEqual(expected.min);
        expect(Array.from(cols.max)).toEqual(expected.max);
        expect(Array.from(cols.nonFinite)).toEqual(expected.nonFinite);
      }),
    );
  });

  it('keeps a single spike in a million epochs', () => {
    const values = new Float64Array(1_000_000).fill(0.5);
    values[654_321] = 9;
    values[123_456] = 0.001;
    const cols = reduceColumns(values, values.length, 800);
    expect(Math.max(...cols.max)).toBe(9);
    expect(Math.min(...cols.min)).toBe(0.001);
    expect(cols.max[columnOf(654_321, 1_000_000, 800)]).toBe(9);
  });

  it('a span longer than the history leaves the right-hand columns empty', () => {
    const cols = reduceColumns([1, 2, 3, 4], 4, 10, 100);
    expect(cols.max[0]).toBe(4);
    expect(Number.isNaN(cols.max[9])).toBe(true);
  });
});

describe('CostEnvelope (incremental)', () => {
  it('appending in chunks gives the same envelope as one batch', () => {
    fc.assert(
      fc.property(
        fc.array(costValue, { maxLength: 600 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 40 }),
        fc.integer({ min: 4, max: 40 }),
        (values, chunks, capacity) => {
          const batch = new CostEnvelope(capacity);
          batch.sync(values, values.length);
          const incremental = new CostEnvelope(capacity);
          let length = 0;
          for (const chunk of chunks) {
            length = Math.min(values.length, length + chunk);
            incremental.sync(values, length);
          }
          incremental.sync(values, values.length);
          expect(incremental.bucketSize).toBe(batch.bucketSize);
          expect(Array.from(incremental.min)).toEqual(Array.from(batch.min));
          expect(Array.from(incremental.max)).toEqual(Array.from(batch.max));
          expect(Array.from(incremental.nonFinite)).toEqual(Array.from(batch.nonFinite));
          expect(incremental.globalMin).toEqual(batch.globalMin);
          expect(incremental.globalMax).toEqual(batch.globalMax);
        },
      ),
    );
  });

  it('with one epoch per bucket its columns equal the exact reducer', () => {
    fc.assert(
      fc.property(fc.array(costValue, { maxLength: 300 }), fc.integer({ min: 1, max: 80 }), (values, columns) => {
        const envelope = new CostEnvelope(512);
        envelope.sync(values, values.length);
        expect(envelope.bucketSize).toBe(1);
        const a = envelopeColumns(envelope, columns);
        const b = reduceColumns(values, values.length, columns);
        expect(Array.from(a.min)).toEqual(Array.from(b.min));
        expect(Array.from(a.max)).toEqual(Array.from(b.max));
        expect(Array.from(a.minPositive)).toEqual(Array.from(b.minPositive));
        expect(Array.from(a.nonFinite)).toEqual(Array.from(b.nonFinite));
      }),
    );
  });

  it('with merged buckets keeps the exact global extremes and every column value within a bucket of its epochs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 50, maxLength: 2000 }),
        fc.integer({ min: 1, max: 30 }),
        (values, columns) => {
          const envelope = new CostEnvelope(16);
          envelope.sync(values, values.length);
          expect(envelope.globalMin).toBe(Math.min(...values));
          expect(envelope.globalMax).toBe(Math.max(...values));
          const cols = envelopeColumns(envelope, columns);
          const B = envelope.bucketSize;
          for (let c = 0; c < columns; c++) {
            if (Number.isNaN(cols.max[c])) continue;
            // the epochs of column c, widened by one bucket each side
            const inColumn = values.map((_, k) => k).filter((k) => columnOf(k, values.length, columns) === c);
            const from = Math.max(0, Math.min(...inColumn, Infinity) - B);
            const to = Math.min(values.length, Math.max(...inColumn, -Infinity) + B + 1);
            const window = values.slice(from, to);
            expect(window).toContain(cols.max[c]);
            expect(window).toContain(cols.min[c]);
          }
          const allMax = Math.max(...Array.from(cols.max).filter((v) => !Number.isNaN(v)));
          expect(allMax).toBe(Math.max(...values));
        },
      ),
    );
  });

  it('reduces 1,000,000 epochs into at most its capacity of buckets and keeps the spikes', () => {
    const values = new Float64Array(1_000_000);
    for (let k = 0; k < values.length; k++) values[k] = 1 / (1 + k / 1000);
    values[777_777] = 5;
    values[10] = NaN;
    const envelope = new CostEnvelope();
    envelope.sync(values, values.length);
    expect(envelope.bucketCount).toBeLessThanOrEqual(envelope.capacity);
    expect(envelope.globalMax).toBe(5);
    expect(envelope.globalMin).toBe(values[999_999]);
    expect(envelope.nonFiniteTotal).toBe(1);
    const cols = envelopeColumns(envelope, 1200);
    expect(Math.max(...cols.max)).toBe(5);
    expect(cols.nonFinite.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('starts over when the history is cut short or replaced by another run', () => {
    const envelope = new CostEnvelope(64);
    envelope.sync([3, 2, 1], 3);
    envelope.sync([3, 2, 1], 2);
    expect(envelope.length).toBe(2);
    expect(envelope.globalMin).toBe(2);
    envelope.sync([9, 8, 7, 6], 4);
    expect(envelope.globalMax).toBe(9);
    expect(envelope.globalMin).toBe(6);
    // a grown copy of the same history (a reallocated buffer) only appends
    const grown = new Float64Array([9, 8, 7, 6, 5, 0, 0]);
    envelope.sync(grown, 5);
    expect(envelope.length).toBe(5);
    expect(envelope.globalMin).toBe(5);
  });

  it('a new run that is already longer than the drawn one, with the same first cost, still starts over', () => {
    const envelope = new CostEnvelope(64);
    envelope.sync([0.7, 0.6, 0.5], 3);
    envelope.sync(new Float64Array([0.7, 0.65, 0.64, 0.63, 0.62]), 5);
    expect(envelope.length).toBe(5);
    expect(envelope.globalMin).toBe(0.62);
    expect(envelope.globalMax).toBe(0.7);
  });

  it('tracks the smallest positive cost for log scales, ignoring zeros', () => {
    const envelope = new CostEnvelope();
    envelope.sync([0.5, 0, 0.25, 0], 4);
    expect(envelope.globalMin).toBe(0);
    expect(envelope.globalMinPositive).toBe(0.25);
  });
});
