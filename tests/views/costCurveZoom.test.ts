/** The cost curve's pure parts added for reading it: log-axis ticks, one tick format, the zoom's epoch mapping, markers and faint series. */
import { describe, expect, it } from 'vitest';
import { CostEnvelope, reduceColumns } from '../../src/views/costCurve/envelope';
import { columnEdges, columnOfEpoch, epochViewOf, viewColumns, zoomFromDrag } from '../../src/views/costCurve/epochView';
import { drawCostFrame } from '../../src/views/costCurve/drawFrame';
import { type PlotBox, buildCostFrame, costTicks, epochAt, frameEpochTicks } from '../../src/views/costCurve/frame';
import { MIN_TICKS, logTicks, tickFormatter } from '../../src/views/costCurve/ticks';

const box: PlotBox = { width: 600, height: 150, margin: { top: 14, right: 16, bottom: 34, left: 60 } };

function series(costs: Float64Array, id = 'live', faint = false) {
  return { id, label: id, color: '#0072B2', costs, length: costs.length, envelope: new CostEnvelope(), faint };
}

/** A decaying cost with a little noise, epoch k + 1 at index k. */
function decay(length: number, from = 0.7, to = 0.01): Float64Array {
  return Float64Array.from({ length }, (_, k) => to + (from - to) * Math.exp(-k / (length / 8)) + 1e-4 * Math.sin(k));
}

describe('log cost axis ticks', () => {
  it.each([[[0.0249, 0.0389]], [[0.031, 0.033]], [[0.2, 0.7]], [[0.04, 0.9]], [[1e-5, 2e-5]], [[3, 7]]])(
    '%j spans less than a decade and still gets at least three labelled ticks inside it',
    (domain) => {
      const ticks = logTicks(domain, 3);
      expect(ticks.length).toBeGreaterThanOrEqual(MIN_TICKS);
      for (const t of ticks) {
        expect(t).toBeGreaterThanOrEqual(domain[0]);
        expect(t).toBeLessThanOrEqual(domain[1]);
      }
      expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
    },
  );

  it('many decades: whole decades only, thinned to the room but never below three', () => {
    expect(logTicks([1e-6, 1], 4)).toEqual([1e-6, 1e-4, 1e-2, 1]);
    expect(logTicks([8e-4, 1.2], 2)).toEqual([1e-3, 1e-1, 1]);
  });

  it('a frame on a log axis of a cost that barely moves labels three or more ticks', () => {
    const costs = Float64Array.from({ length: 500 }, (_, k) => 0.0311 + 1e-5 * Math.cos(k));
    const frame = buildCostFrame([series(costs)], box, 'log', 0, 0, 1);
    expect(costTicks(frame).length).toBeGreaterThanOrEqual(3);
  });
});

describe('one tick format per axis', () => {
  it('plain decimals for every tick while all of them read well that way', () => {
    const f = tickFormatter([0.025, 0.03, 0.035]);
    expect([0.025, 0.03, 0.035].map(f)).toEqual(['0.025', '0.03', '0.035']);
    expect([0.001, 0.1, 1].map(tickFormatter([0.001, 0.1, 1]))).toEqual(['0.001', '0.1', '1']);
    expect([1000, 2000].map(tickFormatter([1000, 2000]))).toEqual(['1,000', '2,000']);
  });

  it('exponent form for every tick once one of them needs it (never 0.001 beside 1e−4)', () => {
    const ticks = [1e-4, 1e-3, 1e-2, 1e-1];
    expect(ticks.map(tickFormatter(ticks))).toEqual(['1e−4', '1e−3', '1e−2', '1e−1']);
  });
});

describe('zoom: epochs to columns and back', () => {
  it('a zoom is clamped to the run and at least two epochs wide', () => {
    expect(epochViewOf(60_000, null, false)).toEqual({ from: 1, to: 60_000, log: false });
    expect(epochViewOf(60_000, [5_000, 1], false)).toEqual({ from: 1, to: 5_000, log: false });
    expect(epochViewOf(100, [90, 400], true)).toEqual({ from: 90, to: 100, log: true });
    expect(epochViewOf(100, [100, 100], false)).toEqual({ from: 99, to: 100, log: false });
  });

  it('linear and log views put the first and last epoch of the view in the first and last column, and nothing outside', () => {
    for (const log of [false, true]) {
      const view = epochViewOf(60_000, [10, 1_000], log);
      expect(columnOfEpoch(view, 10, 900)).toBe(0);
      expect(columnOfEpoch(view, 1_000, 900)).toBe(899);
      expect(columnOfEpoch(view, 9, 900)).toBe(-1);
      expect(columnOfEpoch(view, 1_001, 900)).toBe(-1);
    }
    // a log axis gives the early epochs the room: epoch 100 is half way from 10 to 1,000
    expect(columnOfEpoch(epochViewOf(60_000, [10, 1_000], true), 100, 900)).toBe(450);
  });

  it('a drag selects the epochs under its ends, in either direction; a short drag is a click', () => {
    const at = (px: number) => Math.round(px * 10);
    expect(zoomFromDrag(at, 300, 100)).toEqual([1_000, 3_000]);
    expect(zoomFromDrag(at, 100, 102)).toBeNull();
  });

  it('the columns of a zoomed view equal an exact reduction of just those epochs (a million-epoch envelope has 128-epoch buckets)', () => {
    const costs = decay(1_000_000);
    const envelope = new CostEnvelope();
    envelope.sync(costs, costs.length);
    expect(envelope.bucketSize).toBeGreaterThan(64);
    const view = epochViewOf(costs.length, [1, 1_000], false);
    const zoomed = viewColumns(envelope, costs, view, 500, costs.length);
    const exact = reduceColumns(costs.subarray(0, 1_000), 1_000, 500);
    expect(Array.from(zoomed.min)).toEqual(Array.from(exact.min));
    expect(Array.from(zoomed.max)).toEqual(Array.from(exact.max));
  });

  it('a frame zoomed into epochs 1–1,000 of 60,000 spreads them over the whole plot, scales y to them, and maps pixels back to those epochs', () => {
    const costs = decay(60_000);
    const frame = buildCostFrame([series(costs)], box, 'linear', 0, 0, 1, undefined, { zoom: [1, 1_000] });
    expect(frame.x.domain()).toEqual([1, 1_000]);
    const [left, right] = frame.x.range();
    expect(epochAt(frame, left)).toBe(1);
    expect(epochAt(frame, right)).toBe(1_000);
    expect(epochAt(frame, (left + right) / 2)).toBeCloseTo(500, -1);
    // every column holds some of those 1,000 epochs: none is empty
    expect(Array.from(frame.series[0].columns.max).every((v) => !Number.isNaN(v))).toBe(true);
    expect(frame.y.domain()[1]).toBeLessThanOrEqual(costs[0] * 1.01);
  });
});

describe('markers and the previous run', () => {
  /** Records fillText and the alpha of every stroke. */
  function recorder() {
    const texts: string[] = [];
    const ctx: Record<string, unknown> = { globalAlpha: 1 };
    const proxy = new Proxy(ctx, {
      get(target, key: string) {
        if (key in target) return target[key];
        if (key === 'fillText') return (text: string) => texts.push(text);
        if (key === 'measureText') return (text: string) => ({ width: text.length * 6 });
        return () => {};
      },
      set(target, key: string, value) {
        target[key] = value;
        return true;
      },
    });
    return { ctx: proxy as unknown as CanvasRenderingContext2D, texts };
  }

  it('a setting change inside the view is drawn with its label; one outside the zoom is not', () => {
    const costs = decay(2_000);
    const markers = [
      { epoch: 500, label: 'buggy f′(a)' },
      { epoch: 1_500, label: 'η 1' },
    ];
    const frame = buildCostFrame([series(costs)], box, 'linear', 0, 0, 1, undefined, { markers, zoom: [1, 1_000] });
    expect(frame.markers).toEqual([markers[0]]);
    const { ctx, texts } = recorder();
    drawCostFrame(ctx, frame);
    expect(texts).toContain('buggy f′(a)');
    expect(texts).not.toContain('η 1');
  });

  it('the previous run is drawn faintly, under the live run, and shares its axes', () => {
    const live = decay(1_000, 0.7, 0.3);
    const ghost = decay(3_000, 0.9, 0.001);
    const frame = buildCostFrame([series(live), series(ghost, 'ghost-1', true)], box, 'log', 1_000, 0, 1);
    expect(frame.span).toBe(3_000);
    expect(frame.series.map((s) => s.faint)).toEqual([false, true]);
    // the y axis reaches down to the ghost's lowest cost
    expect(frame.y.domain()[0]).toBeLessThan(0.002);
    // how it is drawn (faint, dashed, under the live run): tests/views/costRaster.test.ts
  });
});

describe('column edges', () => {
  it('split the epochs exactly as columnOfEpoch does, on linear and log views', () => {
    for (const view of [
      epochViewOf(60_000, [37, 5_000], false),
      epochViewOf(60_000, null, true),
      epochViewOf(1_000, [3, 900], true),
      epochViewOf(100_000, [1, 99_999], false),
    ]) {
      for (const columns of [7, 640, 1800]) {
        const edges = columnEdges(view, columns);
        for (let e = Math.ceil(view.from); e <= view.to; e += 1 + Math.floor(e / 500)) {
          const c = columnOfEpoch(view, e, columns);
          expect(e >= edges[c] && e < edges[c + 1]).toBe(true);
        }
      }
    }
  });

  it('log-epoch columns of a million epochs equal an exact reduction epoch by epoch', () => {
    const costs = decay(1_000_000);
    const envelope = new CostEnvelope();
    envelope.sync(costs, costs.length);
    const view = epochViewOf(costs.length, null, true);
    const fast = viewColumns(envelope, costs, view, 900, costs.length);
    const exact = { min: new Float64Array(900).fill(NaN), max: new Float64Array(900).fill(NaN) };
    for (let e = 1; e <= costs.length; e++) {
      const c = columnOfEpoch(view, e, 900);
      const v = costs[e - 1];
      if (!(exact.min[c] <= v)) exact.min[c] = v;
      if (!(exact.max[c] >= v)) exact.max[c] = v;
    }
    // buckets that sit inside one column are exact too, so every column matches
    expect(Array.from(fast.min)).toEqual(Array.from(exact.min));
    expect(Array.from(fast.max)).toEqual(Array.from(exact.max));
  });
});

describe('log epoch axis ticks', () => {
  it('label decades, not every 1…9 multiple crowded together', () => {
    const frame = buildCostFrame([series(decay(20_000))], box, 'log', 0, 0, 1, undefined, { logX: true });
    expect(frameEpochTicks(frame, 11)).toEqual([1, 10, 100, 1_000, 10_000]);
    const short = buildCostFrame([series(decay(300))], box, 'log', 0, 0, 1, undefined, { logX: true, zoom: [20, 90] });
    const ticks = frameEpochTicks(short, 5);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(Number.isInteger(t) && t >= 20 && t <= 90).toBe(true);
  });
});
