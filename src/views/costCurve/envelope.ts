/**
 * The cost history reduced for drawing. A curve of a million epochs is drawn as one vertical
 * min–max span per pixel column, which keeps every spike visible and costs O(columns) to draw.
 *
 * Two reducers:
 * - `reduceColumns` reads the raw history once (exact: each epoch goes to its own column);
 * - `CostEnvelope` keeps at most `capacity` buckets of 2^k epochs, filled incrementally (an append
 *   costs O(new epochs), amortised) and merged pairwise when full; `envelopeColumns` turns it into
 *   columns in O(buckets). With bucket size 1 the two agree exactly; with larger buckets the
 *   global extremes are still exact and each epoch lands at most one bucket from its column.
 * Non-finite costs (a diverged run) never enter min/max; they are counted per column instead.
 */

export interface Columns {
  count: number;
  /** smallest and largest finite cost in each column, NaN where the column has none */
  min: Float64Array;
  max: Float64Array;
  /** smallest positive finite cost in each column (for log scales), NaN if none */
  minPositive: Float64Array;
  /** non-finite costs in each column */
  nonFinite: Uint32Array;
}

export function emptyColumns(count: number): Columns {
  const c = Math.max(0, Math.floor(count));
  return {
    count: c,
    min: new Float64Array(c).fill(NaN),
    max: new Float64Array(c).fill(NaN),
    minPositive: new Float64Array(c).fill(NaN),
    nonFinite: new Uint32Array(c),
  };
}

/** Column of epoch index k (0-based, of `length`) among `columns`: k = 0 on the left edge, k = length − 1 on the right. */
export function columnOf(k: number, length: number, columns: number): number {
  if (length <= 1) return 0;
  const c = Math.floor((k / (length - 1)) * columns);
  return c >= columns ? columns - 1 : c < 0 ? 0 : c;
}

function take(cols: Columns, c: number, v: number): void {
  if (!Number.isFinite(v)) {
    cols.nonFinite[c]++;
    return;
  }
  if (!(cols.min[c] <= v)) cols.min[c] = v;
  if (!(cols.max[c] >= v)) cols.max[c] = v;
  if (v > 0 && !(cols.minPositive[c] <= v)) cols.minPositive[c] = v;
}

/**
 * Exact batch reduction of values[0 … length) onto `columns` columns spanning epochs 1 … `span`
 * (span ≥ length leaves the right part empty, e.g. for a twin run that is behind).
 */
export function reduceColumns(values: ArrayLike<number>, length: number, columns: number, span = length): Columns {
  const cols = emptyColumns(columns);
  if (cols.count === 0) return cols;
  const n = Math.min(length, values.length);
  for (let k = 0; k < n; k++) take(cols, columnOf(k, span, cols.count), values[k]);
  return cols;
}

const DEFAULT_ENVELOPE_CAPACITY = 8192;
/** Epochs per fine block: a zoomed or log view reads whole blocks inside a column and at most this many epochs at each of its ends. */
export const FINE_BLOCK = 32;

function widen(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size).fill(NaN);
  b.set(a);
  return b;
}

/** Min/max/min-positive/non-finite of every FINE_BLOCK epochs, growing with the history (about 1 byte per epoch). */
class FineBlocks {
  min = new Float64Array(1024).fill(NaN);
  max = new Float64Array(1024).fill(NaN);
  minPositive = new Float64Array(1024).fill(NaN);
  nonFinite = new Uint32Array(1024);

  /** Takes the cost of epoch index k (0-based). */
  take(k: number, v: number): void {
    const j = Math.floor(k / FINE_BLOCK);
    if (j >= this.min.length) this.grow();
    if (!Number.isFinite(v)) {
      this.nonFinite[j]++;
      return;
    }
    if (!(this.min[j] <= v)) this.min[j] = v;
    if (!(this.max[j] >= v)) this.max[j] = v;
    if (v > 0 && !(this.minPositive[j] <= v)) this.minPositive[j] = v;
  }

  clear(): void {
    this.min.fill(NaN);
    this.max.fill(NaN);
    this.minPositive.fill(NaN);
    this.nonFinite.fill(0);
  }

  private grow(): void {
    const size = this.min.length * 2;
    this.min = widen(this.min, size);
    this.max = widen(this.max, size);
    this.minPositive = widen(this.minPositive, size);
    const nonFinite = new Uint32Array(size);
    nonFinite.set(this.nonFinite);
    this.nonFinite = nonFinite;
  }
}

/** Incremental min/max/min-positive/non-finite buckets of a growing cost history. */
export class CostEnvelope {
  readonly capacity: number;
  /** epochs per bucket, a power of two */
  bucketSize = 1;
  /** epochs consumed so far */
  length = 0;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly minPositive: Float64Array;
  readonly nonFinite: Uint32Array;
  /** over everything consumed */
  globalMin = NaN;
  globalMax = NaN;
  globalMinPositive = NaN;
  nonFiniteTotal = 0;
  /** the same reduction in blocks of FINE_BLOCK epochs, for views that split a bucket between columns */
  readonly fine = new FineBlocks();
  private source: ArrayLike<number> | null = null;
  private firstValue = NaN;
  private lastValue = NaN;

  constructor(capacity = DEFAULT_ENVELOPE_CAPACITY) {
    // even, so pairs always merge cleanly
    this.capacity = Math.max(2, Math.floor(capacity / 2) * 2);
    this.min = new Float64Array(this.capacity).fill(NaN);
    this.max = new Float64Array(this.capacity).fill(NaN);
    this.minPositive = new Float64Array(this.capacity).fill(NaN);
    this.nonFinite = new Uint32Array(this.capacity);
  }

  get bucketCount(): number {
    return Math.ceil(this.length / this.bucketSize);
  }

  clear(): void {
    this.bucketSize = 1;
    this.length = 0;
    this.min.fill(NaN);
    this.max.fill(NaN);
    this.minPositive.fill(NaN);
    this.nonFinite.fill(0);
    this.globalMin = this.globalMax = this.globalMinPositive = NaN;
    this.nonFiniteTotal = 0;
    this.fine.clear();
    this.source = null;
    this.firstValue = NaN;
    this.lastValue = NaN;
  }

  /**
   * Brings the envelope up to date with values[0 … length). Appends only the new epochs unless
   * the history was cut short or replaced by a different one (a reset), which starts over.
   */
  sync(values: ArrayLike<number>, length: number): void {
    const n = Math.max(0, Math.min(length, values.length));
    // a new array holding the same first and last consumed costs is the same history, regrown
    const replaced =
      values !== this.source &&
      this.length > 0 &&
      !(n >= this.length && Object.is(values[0], this.firstValue) && Object.is(values[this.length - 1], this.lastValue));
    if (n < this.length || replaced) this.clear();
    this.source = values;
    if (this.length === 0 && n > 0) this.firstValue = values[0];
    for (let k = this.length; k < n; k++) this.push(values[k]);
    if (n > 0) this.lastValue = values[n - 1];
  }

  /** Appends one epoch's cost. */
  push(v: number): void {
    let b = Math.floor(this.length / this.bucketSize);
    if (b >= this.capacity) {
      this.mergePairs();
      b = Math.floor(this.length / this.bucketSize);
    }
    this.fine.take(this.length, v);
    this.length++;
    if (!Number.isFinite(v)) {
      this.nonFinite[b]++;
      this.nonFiniteTotal++;
      return;
    }
    if (!(this.min[b] <= v)) this.min[b] = v;
    if (!(this.max[b] >= v)) this.max[b] = v;
    if (!(this.globalMin <= v)) this.globalMin = v;
    if (!(this.globalMax >= v)) this.globalMax = v;
    if (v > 0) {
      if (!(this.minPositive[b] <= v)) this.minPositive[b] = v;
      if (!(this.globalMinPositive <= v)) this.globalMinPositive = v;
    }
  }

  private mergePairs(): void {
    const half = this.capacity / 2;
    for (let b = 0; b < half; b++) {
      const l = 2 * b;
      const r = l + 1;
      this.min[b] = nanMin(this.min[l], this.min[r]);
      this.max[b] = nanMax(this.max[l], this.max[r]);
      this.minPositive[b] = nanMin(this.minPositive[l], this.minPositive[r]);
      this.nonFinite[b] = this.nonFinite[l] + this.nonFinite[r];
    }
    this.min.fill(NaN, half);
    this.max.fill(NaN, half);
    this.minPositive.fill(NaN, half);
    this.nonFinite.fill(0, half);
    this.bucketSize *= 2;
  }
}

function nanMin(a: number, b: number): number {
  return a <= b || Number.isNaN(b) ? a : b;
}

function nanMax(a: number, b: number): number {
  return a >= b || Number.isNaN(b) ? a : b;
}

/**
 * The envelope's buckets onto `columns` columns spanning epochs 1 … `span`. Each bucket goes to the
 * column of its middle epoch (its only epoch when the bucket size is 1, which matches `reduceColumns`).
 */
export function envelopeColumns(envelope: CostEnvelope, columns: number, span = envelope.length, into?: Columns): Columns {
  const cols = into && into.count === Math.floor(columns) ? resetColumns(into) : emptyColumns(columns);
  if (cols.count === 0) return cols;
  const size = envelope.bucketSize;
  const buckets = envelope.bucketCount;
  for (let b = 0; b < buckets; b++) {
    const first = b * size;
    const last = Math.min(envelope.length, first + size) - 1;
    const c = columnOf((first + last) >> 1, span, cols.count);
    const lo = envelope.min[b];
    const hi = envelope.max[b];
    if (!(cols.min[c] <= lo)) cols.min[c] = nanMin(cols.min[c], lo);
    if (!(cols.max[c] >= hi)) cols.max[c] = nanMax(cols.max[c], hi);
    const p = envelope.minPositive[b];
    if (!(cols.minPositive[c] <= p)) cols.minPositive[c] = nanMin(cols.minPositive[c], p);
    cols.nonFinite[c] += envelope.nonFinite[b];
  }
  return cols;
}

function resetColumns(cols: Columns): Columns {
  cols.min.fill(NaN);
  cols.max.fill(NaN);
  cols.minPositive.fill(NaN);
  cols.nonFinite.fill(0);
  return cols;
}
