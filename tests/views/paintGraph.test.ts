import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { edgeStyle, neuronColor } from '../../src/views/graph/paintGraph';
import { layerSpread, maxAbsWeight } from '../../src/views/graph/values';
import { questionXor, trained } from './fixtures';

describe('graph colours', () => {
  it('weights: positive blue, negative orange, width grows with |w|', () => {
    const positive = rgb(edgeStyle(2, 0, 2, 6, {}).color);
    const negative = rgb(edgeStyle(-2, 0, 2, 6, {}).color);
    expect(positive.b).toBeGreaterThan(positive.r);
    expect(negative.r).toBeGreaterThan(negative.b);
    expect(edgeStyle(2, 0, 2, 6, {}).width).toBeGreaterThan(edgeStyle(0.5, 0, 2, 6, {}).width);
    expect(edgeStyle(2, 0, 2, 6, {}).width).toBeCloseTo(6);
  });

  it('paramColor overrides the colour and a highlight dims the other weights', () => {
    const input = { paramColor: (i: number) => (i === 3 ? '#ff00ff' : undefined), highlightedParams: new Set([3]) };
    expect(edgeStyle(1, 3, 2, 6, input).color).toBe('#ff00ff');
    expect(edgeStyle(1, 3, 2, 6, input).opacity).toBeGreaterThan(0.5);
    expect(edgeStyle(1, 4, 2, 6, input).opacity).toBeLessThan(0.5);
  });

  it('a non-finite weight still gets a drawable style', () => {
    const style = edgeStyle(NaN, 0, 1, 4, {});
    expect(style.width).toBe(4);
    expect(style.color).toMatch(/^#|rgb/);
  });

  it('neuron fill: sigmoid 0 orange, ½ near white, 1 blue', () => {
    const { network, pass } = trained(questionXor, 10);
    const low = rgb(neuronColor(network, 1, 0, pass));
    const mid = rgb(neuronColor(network, 1, 0.5, pass));
    const high = rgb(neuronColor(network, 1, 1, pass));
    expect(low.r).toBeGreaterThan(low.b);
    expect(high.b).toBeGreaterThan(high.r);
    expect(Math.min(mid.r, mid.g, mid.b)).toBeGreaterThan(230);
    expect(maxAbsWeight(network)).toBeGreaterThan(0);
    expect(layerSpread(pass, 1)).toBeLessThanOrEqual(1);
  });
});

describe('input colours', () => {
  it('gate inputs (all ≥ 0) run 0 → orange … 1 → blue; signed inputs are centred on 0', async () => {
    const { layerDomain } = await import('../../src/views/graph/paintGraph');
    const gate = trained(questionXor, 1);
    expect(layerDomain(gate.network, gate.pass, 0)).toEqual([0, 0.5, 1]);
    const plane = trained({ ...questionXor, dataset: 'circle', gradientDivisor: 'samples' }, 1, 16);
    const [lo, mid, hi] = layerDomain(plane.network, plane.pass, 0);
    expect(mid).toBe(0);
    expect(lo).toBe(-hi);
    expect(layerDomain(gate.network, gate.pass, 1)).toEqual([0, 0.5, 1]);
  });
});
