import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../src/views/graph/GraphTooltip';

const size = { width: 200, height: 100 };
const bounds = { width: 600, height: 400 };

describe('tooltip placement', () => {
  it('goes right of the anchor when it fits, vertically centred', () => {
    expect(placeTooltip({ x: 100, y: 200, clearance: 20 }, size, bounds)).toEqual({ left: 128, top: 150 });
  });
  it('goes left when only the left fits', () => {
    expect(placeTooltip({ x: 500, y: 200, clearance: 20 }, size, bounds)).toEqual({ left: 272, top: 150 });
  });
  it('goes below or above when neither side fits, never covering the anchor', () => {
    const narrow = { width: 300, height: 400 };
    const below = placeTooltip({ x: 150, y: 100, clearance: 20 }, size, narrow);
    expect(below.top).toBe(128);
    const above = placeTooltip({ x: 150, y: 350, clearance: 20 }, size, narrow);
    expect(above.top + size.height).toBeLessThanOrEqual(350 - 20);
  });
  it('with no room at all, overflows on the roomier side instead of covering the anchor', () => {
    const tiny = { width: 250, height: 150 };
    const p = placeTooltip({ x: 120, y: 100, clearance: 20 }, size, tiny);
    expect(p.top + size.height <= 80 || p.top >= 120).toBe(true);
  });
  it('stays inside the bounds when it fits', () => {
    const p = placeTooltip({ x: 10, y: 5, clearance: 5 }, size, bounds);
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.top).toBeGreaterThanOrEqual(0);
  });
});
