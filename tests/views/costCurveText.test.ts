/** The cost curve's legend words: the cost at the epoch shown, or how far a shorter (earlier) run went, never a made-up NaN. */
import { describe, expect, it } from 'vitest';
import { updateLegendValues } from '../../src/views/costCurve/curveText';
import { CostEnvelope } from '../../src/views/costCurve/envelope';
import { type PlotBox, buildCostFrame } from '../../src/views/costCurve/frame';
import { formatNumber } from '../../src/views/format';

const box: PlotBox = { width: 600, height: 150, margin: { top: 14, right: 16, bottom: 34, left: 60 } };
const series = (costs: Float64Array, id: string, faint = false) => ({
  id,
  label: id,
  color: '#0072B2',
  costs,
  length: costs.length,
  envelope: new CostEnvelope(),
  faint,
});

describe('cost curve legend', () => {
  it('a previous run shorter than the epoch shown gives its epoch count; the live run its cost there', () => {
    const live = Float64Array.from({ length: 10_000 }, (_, k) => 1 / (k + 1));
    const ghost = Float64Array.from({ length: 4_000 }, () => 0.3);
    const frame = buildCostFrame([series(live, 'live'), series(ghost, 'ghost', true)], box, 'log', 10_000, 0, 1);
    const cells = new Map([
      ['live', { textContent: '' }],
      ['ghost', { textContent: '' }],
    ]) as unknown as Map<string, HTMLElement>;
    updateLegendValues(frame, cells);
    expect(cells.get('live')?.textContent).toBe(`${formatNumber(live[9_999])} at epoch 10,000`);
    expect(cells.get('ghost')?.textContent).toBe('4,000 epochs');
    // scrubbed back to an epoch both runs reached: both costs there
    updateLegendValues(buildCostFrame([series(live, 'live'), series(ghost, 'ghost', true)], box, 'log', 2_000, 0, 1), cells);
    expect(cells.get('ghost')?.textContent).toBe(`${formatNumber(0.3)} at epoch 2,000`);
  });
});
