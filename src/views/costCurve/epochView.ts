/**
 * Which epochs the cost curve shows and how they spread over its columns: the whole run or a
 * zoomed range, on a linear or a log epoch axis. Pure, so the zoom's arithmetic is tested without a page.
 */
import { type Columns, type CostEnvelope, FINE_BLOCK, emptyColumns, envelopeColumns } from './envelope';

export interface EpochView {
  /** first and last epoch shown (1-based, from < to) */
  from: number;
  to: number;
  log: boolean;
}

/** A zoom the user picked, in epochs; null shows the whole run. */
export type EpochRange = readonly [number, number] | null;

/** The view for a run of `span` epochs under `zoom`: the zoom clamped to the run, at least two epochs wide. */
export function epochViewOf(span: number, zoom: EpochRange, log: boolean): EpochView {
  const last = Math.max(2, span);
  if (!zoom) return { from: 1, to: last, log };
  let from = Math.max(1, Math.min(zoom[0], zoom[1]));
  let to = Math.min(last, Math.max(zoom[0], zoom[1]));
  if (to - from < 1) {
    to = Math.min(last, from + 1);
    from = Math.max(1, to - 1);
  }
  return { from, to, log };
}

/** Whether the view is the whole run on a linear axis (the envelope's own fast path). */
export function isWholeLinear(view: EpochView, span: number): boolean {
  return !view.log && view.from === 1 && view.to === Math.max(2, span);
}

/** Where epoch e sits across the view, 0 at `from` to 1 at `to` (outside: below 0 or above 1). */
function positionOf(view: EpochView, e: number): number {
  if (view.log) return (Math.log(e) - Math.log(view.from)) / (Math.log(view.to) - Math.log(view.from));
  return (e - view.from) / (view.to - view.from);
}

/** The column of epoch e among `columns`, or −1 when e lies outside the view. */
export function columnOfEpoch(view: EpochView, e: number, columns: number): number {
  if (e < view.from || e > view.to) return -1;
  const c = Math.floor(positionOf(view, e) * columns);
  return c >= columns ? columns - 1 : c < 0 ? 0 : c;
}

/** The zoom a drag from pixel px0 to px1 selects, given the epoch at a pixel; null for a drag under `minPixels`. */
export function zoomFromDrag(epochAtPixel: (px: number) => number, px0: number, px1: number, minPixels = 5): EpochRange {
  if (Math.abs(px1 - px0) < minPixels) return null;
  const a = epochAtPixel(Math.min(px0, px1));
  const b = epochAtPixel(Math.max(px0, px1));
  if (!(a > 0) || !(b > a)) return null;
  return [a, b];
}

function add(cols: Columns, c: number, lo: number, hi: number, minPositive: number, nonFinite: number): void {
  if (lo <= cols.min[c] || Number.isNaN(cols.min[c])) cols.min[c] = Number.isNaN(lo) ? cols.min[c] : lo;
  if (hi >= cols.max[c] || Number.isNaN(cols.max[c])) cols.max[c] = Number.isNaN(hi) ? cols.max[c] : hi;
  if (minPositive <= cols.minPositive[c] || Number.isNaN(cols.minPositive[c]))
    cols.minPositive[c] = Number.isNaN(minPositive) ? cols.minPositive[c] : minPositive;
  cols.nonFinite[c] += nonFinite;
}

/**
 * The first whole epoch of each column (edges[c]), and edges[columns] one past the view's last epoch:
 * the same split as columnOfEpoch, found with a few evaluations per column instead of one per epoch.
 */
export function columnEdges(view: EpochView, columns: number): Float64Array {
  const first = Math.ceil(view.from);
  const end = Math.floor(view.to) + 1;
  const edges = new Float64Array(columns + 1);
  const column = (e: number) => Math.floor(positionOf(view, e) * columns);
  for (let c = 0; c <= columns; c++) {
    if (c === 0 || c === columns) {
      edges[c] = c === 0 ? first : end;
      continue;
    }
    const t = c / columns;
    let e = Math.ceil(view.log ? view.from * (view.to / view.from) ** t : view.from + t * (view.to - view.from));
    e = Math.min(end, Math.max(first, e));
    while (e > first && column(e - 1) >= c) e--;
    while (e < end && column(e) < c) e++;
    edges[c] = Math.max(e, edges[c - 1]);
  }
  return edges;
}

/**
 * One min–max column per device pixel over the view. The whole run on a linear axis is the envelope's
 * reduction; otherwise each envelope bucket that falls inside one column goes in whole, and a bucket
 * spanning several columns (zoomed in, or the first epochs on a log axis) is read epoch by epoch from the
 * history, so a zoom into 1,000 of a million epochs is exact. Epochs walk the column edges in order:
 * no logarithm per epoch.
 */
export function viewColumns(envelope: CostEnvelope, values: ArrayLike<number>, view: EpochView, columns: number, span: number, into?: Columns): Columns {
  if (isWholeLinear(view, span)) return envelopeColumns(envelope, columns, span, into);
  const cols = into && into.count === Math.floor(columns) ? clear(into) : emptyColumns(columns);
  const count = cols.count;
  if (count === 0) return cols;
  const edges = columnEdges(view, count);
  const size = envelope.bucketSize;
  const length = Math.min(envelope.length, values.length);
  const lo = edges[0];
  const hi = Math.min(length, edges[count] - 1);
  let c = 0;
  for (let b = Math.floor((lo - 1) / size); b < envelope.bucketCount; b++) {
    const first = b * size + 1;
    if (first > hi) break;
    const last = Math.min(length, first + size - 1);
    while (c + 1 < count && edges[c + 1] <= Math.max(first, lo)) c++;
    if (first >= lo && last <= hi && (c + 1 >= count || last < edges[c + 1])) {
      add(cols, c, envelope.min[b], envelope.max[b], envelope.minPositive[b], envelope.nonFinite[b]);
      continue;
    }
    // a bucket split between columns: each column's share from whole fine blocks and the epochs at its ends
    let k = c;
    const end = Math.min(last, hi);
    for (let e = Math.max(first, lo); e <= end; ) {
      while (k + 1 < count && edges[k + 1] <= e) k++;
      const stop = k + 1 < count ? Math.min(end, edges[k + 1] - 1) : end;
      addEpochs(cols, k, envelope, values, e, stop);
      e = stop + 1;
    }
  }
  return cols;
}

/** Epochs a … b (1-based, inclusive, all in the history) into column k: whole fine blocks where they fit, single epochs around them. */
function addEpochs(cols: Columns, k: number, envelope: CostEnvelope, values: ArrayLike<number>, a: number, b: number): void {
  const fine = envelope.fine;
  let e = a;
  // block j holds epochs j·FINE_BLOCK + 1 … (j + 1)·FINE_BLOCK
  for (; e <= b && (e - 1) % FINE_BLOCK !== 0; e++) addEpoch(cols, k, values[e - 1]);
  for (; e + FINE_BLOCK - 1 <= b; e += FINE_BLOCK) {
    const j = (e - 1) / FINE_BLOCK;
    add(cols, k, fine.min[j], fine.max[j], fine.minPositive[j], fine.nonFinite[j]);
  }
  for (; e <= b; e++) addEpoch(cols, k, values[e - 1]);
}

/** One epoch's cost into column k. */
function addEpoch(cols: Columns, k: number, v: number): void {
  if (Number.isFinite(v)) add(cols, k, v, v, v > 0 ? v : NaN, 0);
  else cols.nonFinite[k]++;
}

function clear(cols: Columns): Columns {
  cols.min.fill(NaN);
  cols.max.fill(NaN);
  cols.minPositive.fill(NaN);
  cols.nonFinite.fill(0);
  return cols;
}

/** Lowest, highest and lowest positive finite cost over some columns (for the y domain of a zoomed view). */
export function columnExtremes(cols: Columns): { globalMin: number; globalMax: number; globalMinPositive: number } {
  let globalMin = NaN;
  let globalMax = NaN;
  let globalMinPositive = NaN;
  for (let c = 0; c < cols.count; c++) {
    if (cols.min[c] < globalMin || Number.isNaN(globalMin)) globalMin = Number.isNaN(cols.min[c]) ? globalMin : cols.min[c];
    if (cols.max[c] > globalMax || Number.isNaN(globalMax)) globalMax = Number.isNaN(cols.max[c]) ? globalMax : cols.max[c];
    if (cols.minPositive[c] < globalMinPositive || Number.isNaN(globalMinPositive))
      globalMinPositive = Number.isNaN(cols.minPositive[c]) ? globalMinPositive : cols.minPositive[c];
  }
  return { globalMin, globalMax, globalMinPositive };
}
