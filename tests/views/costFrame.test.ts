import { describe, expect, it } from 'vitest';
import { CostEnvelope } from '../../src/views/costCurve/envelope';
import { drawCostFrame } from '../../src/views/costCurve/drawFrame';
import { type PlotBox, buildCostFrame, costDomain, decadeTicks, epochTicks, epochAt, yOf } from '../../src/views/costCurve/frame';

const box: PlotBox = { width: 600, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

function series(costs: number[] | Float64Array, id = 'a') {
  return { id, label: id, color: '#0072B2', costs, length: costs.length, envelope: new CostEnvelope() };
}

/** A 2-D context that records calls and checks every coordinate it is given is finite. */
function recordingContext() {
  const calls: string[] = [];
  const finite =
    (name: string) =>
    (...args: unknown[]) => {
      for (const a of args) if (typeof a === 'number' && !Number.isFinite(a)) throw new Error(`${name}: non-finite argument`);
      calls.push(name);
    };
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(target, key: string) {
      if (key in target) return target[key];
      return finite(key);
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('cost curve frame', () => {
  it('linear domain runs from 0 to the highest cost; log from the lowest positive cost', () => {
    const s = series([0.7, 0.5, 0, 0.01]);
    s.envelope.sync(s.costs, s.length);
    expect(costDomain([s], 'linear')).toEqual([0, 0.7]);
    expect(costDomain([s], 'log')).toEqual([0.01, 0.7]);
    expect(costDomain([], 'log')).toEqual([1e-3, 1]);
    expect(costDomain([], 'linear')).toEqual([0, 1]);
  });

  it('on a log scale zero and negative costs sit on the bottom edge', () => {
    const frame = buildCostFrame([series([1, 0.1, 0, 0.001])], box, 'log', 0, 0, 1);
    const bottom = frame.y.range()[0];
    expect(yOf(frame, 0)).toBe(bottom);
    expect(yOf(frame, -1)).toBe(bottom);
    expect(yOf(frame, 1)).toBeLessThan(bottom);
  });

  it('one column per device pixel, each series reduced over the same epoch span', () => {
    const frame = buildCostFrame([series(new Float64Array(1000).fill(1), 'a'), series(new Float64Array(500).fill(2), 'b')], box, 'linear', 250, 0, 2);
    expect(frame.columnCount).toBe(2 * 540);
    expect(frame.span).toBe(1000);
    // the shorter run fills the left half only
    const b = frame.series[1].columns;
    expect(b.max[0]).toBe(2);
    expect(Number.isNaN(b.max[b.count - 1])).toBe(true);
    expect(frame.currentCosts).toEqual([1, 2]);
  });

  it('hover and current epoch read the exact cost of that epoch', () => {
    const costs = Float64Array.from({ length: 5000 }, (_, k) => 1 / (k + 1));
    const frame = buildCostFrame([series(costs)], box, 'linear', 10, 1234, 1);
    expect(frame.currentCosts[0]).toBe(costs[9]);
    expect(frame.hoverCosts[0]).toBe(costs[1233]);
    expect(epochAt(frame, frame.x(1234))).toBe(1234);
    expect(epochAt(frame, 0)).toBe(0);
  });

  it('draws a diverged run (∞ and NaN) without a single non-finite coordinate', () => {
    const costs = [0.7, 0.6, Infinity, NaN, NaN, 0.5];
    for (const scale of ['linear', 'log'] as const) {
      const frame = buildCostFrame([series(costs)], box, scale, 4, 3, 1);
      const { ctx, calls } = recordingContext();
      expect(() => drawCostFrame(ctx, frame)).not.toThrow();
      expect(calls).toContain('fillRect');
      expect(frame.series[0].columns.nonFinite.reduce((a, b) => a + b, 0)).toBe(3);
    }
  });

  it('draws an empty history and a single epoch', () => {
    for (const costs of [[], [0.5]]) {
      const frame = buildCostFrame([series(costs)], box, 'log', 0, 0, 1);
      const { ctx } = recordingContext();
      expect(() => drawCostFrame(ctx, frame)).not.toThrow();
    }
  });

  it('log ticks are whole decades', () => {
    expect(decadeTicks([1e-5, 1], 10)).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(decadeTicks([1e-8, 1], 3)).toEqual([1e-6, 1e-3, 1]);
    expect(decadeTicks([0.2, 0.5], 4)).toEqual([]);
  });
});

describe('epoch ticks', () => {
  it('label whole epochs only, each once, however short the run', () => {
    for (const length of [1, 2, 3, 7, 1_000_000]) {
      const frame = buildCostFrame([series(new Float64Array(length).fill(0.5))], box, 'linear', length, 0, 1);
      const ticks = epochTicks(frame.x, 10);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(new Set(ticks).size).toBe(ticks.length);
    }
  });
});
