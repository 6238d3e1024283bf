/** The sideways shift that keeps the File menu and its message inside the window (issue 16, defect 10). */
import { describe, expect, test } from 'vitest';
import { shiftIntoView } from '../../src/app/files/useInViewport';

describe('shiftIntoView', () => {
  test('a box inside the window stays; one past the left edge moves right, one past the right edge moves left, by just enough', () => {
    expect(shiftIntoView(100, 600, 1280)).toBe(0);
    // the defect: a 560 px message anchored right of a button near the left edge began at −463 px
    expect(shiftIntoView(-463, 97, 1280)).toBe(471);
    expect(shiftIntoView(900, 1400, 1280)).toBe(-128);
  });

  test('a box wider than the window keeps its left edge (where its text starts) in view', () => {
    expect(shiftIntoView(-50, 500, 390)).toBe(58);
    expect(shiftIntoView(20, 520, 390)).toBe(-12);
  });
});
