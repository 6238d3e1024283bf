// @vitest-environment happy-dom
/**
 * The epoch axis while a run grows: the same tick values only move, and they end where d3's own
 * axis puts them; new tick values rebuild the axis.
 */
import { axisBottom, format, select } from 'd3';
import { describe, expect, it } from 'vitest';
import { type AxisKeys, updateAxes } from '../../src/views/costCurve/curveAxes';
import { CostEnvelope } from '../../src/views/costCurve/envelope';
import { type PlotBox, buildCostFrame, frameEpochTicks } from '../../src/views/costCurve/frame';

const box: PlotBox = { width: 900, height: 150, margin: { top: 14, right: 16, bottom: 34, left: 60 } };
const costs = Float64Array.from({ length: 2_000_000 }, (_, k) => 1 / (1 + k / 1000));
const envelope = new CostEnvelope();
const frameAt = (length: number) => buildCostFrame([{ id: 'live', label: 'Cost', color: '#0072B2', costs, length, envelope }], box, 'linear', length, 0, 1);

function svgGroup(): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  return svg.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
}

const ticksOf = (g: SVGGElement) => Array.from(g.querySelectorAll('.tick')).map((t) => [t.getAttribute('transform'), t.textContent]);

describe('cost curve epoch axis', () => {
  it('moves the same ticks as the run grows, to where a fresh d3 axis puts them, and rebuilds for new ticks', () => {
    const x = svgGroup();
    const keys: AxisKeys = { x: '', y: '' };
    const plot = document.createElement('div');
    updateAxes(frameAt(1_000_000), { x, y: null, plot }, keys);
    const before = ticksOf(x);
    const nodes = Array.from(x.querySelectorAll('.tick'));
    // a few thousand epochs later: the same tick values, each a little further left
    const later = frameAt(1_004_000);
    updateAxes(later, { x, y: null, plot }, keys);
    expect(Array.from(x.querySelectorAll('.tick'))).toEqual(nodes);
    expect(ticksOf(x)).not.toEqual(before);
    const fresh = svgGroup();
    select(fresh).call(axisBottom(later.x).tickValues(frameEpochTicks(later, 8)).tickFormat(format(',d')).tickSizeOuter(0));
    expect(ticksOf(x)).toEqual(ticksOf(fresh));
    expect(plot.getAttribute('data-epochs')).toBe('1-1004000');
    // twice as long: other tick values, built anew
    const longer = frameAt(2_000_000);
    updateAxes(longer, { x, y: null, plot }, keys);
    expect(ticksOf(x).map(([, text]) => text)).toContain('2,000,000');
  });
});
