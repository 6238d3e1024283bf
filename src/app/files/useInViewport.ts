/**
 * Keeps a popover (absolutely placed under its button) inside the window: after each layout it is
 * measured and shifted sideways by just enough, so at any width (a header that wraps puts the
 * button anywhere) its whole text stays readable. Re-measured when the window resizes.
 */
import { type RefObject, useLayoutEffect } from 'react';

/** Space kept between a popover and the window's edge, px. */
const MARGIN = 8;

/** The sideways shift that brings [left, right] inside [MARGIN, width − MARGIN] (left edge wins when it cannot fit). */
export function shiftIntoView(left: number, right: number, width: number): number {
  if (left < MARGIN) return MARGIN - left;
  if (right > width - MARGIN) return Math.max(MARGIN - left, width - MARGIN - right);
  return 0;
}

export function useInViewport(ref: RefObject<HTMLElement | null>, active: unknown): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !active) return; // an inactive popover (closed menu, no message) has nothing to place
    const place = () => {
      element.style.translate = '';
      const box = element.getBoundingClientRect();
      const shift = shiftIntoView(box.left, box.right, document.documentElement.clientWidth);
      if (shift !== 0) element.style.translate = `${Math.round(shift)}px 0`;
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [ref, active]);
}
