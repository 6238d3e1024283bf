/** Canvas plumbing shared by the views: crisp drawing at any devicePixelRatio, and a latest-wins frame throttle. */

export function devicePixelRatioOf(win: { devicePixelRatio?: number } | undefined = globalThis as { devicePixelRatio?: number }): number {
  const r = win?.devicePixelRatio;
  return typeof r === 'number' && Number.isFinite(r) && r > 0 ? Math.min(r, 4) : 1;
}

/**
 * Sizes a canvas for `width` × `height` CSS pixels at the screen's pixel ratio and returns a 2-D
 * context whose units are CSS pixels, or null where canvas is unavailable (tests without one).
 */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number, ratio = devicePixelRatioOf()): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  if (!context || typeof context.setTransform !== 'function') return null;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

export interface FrameThrottle {
  /** ask for a draw; several asks before the next frame give one draw, with the latest state */
  request(): void;
  cancel(): void;
}

/** Runs `draw` at most once per animation frame (setTimeout where there are no frames). */
export function frameThrottle(draw: () => void): FrameThrottle {
  let handle: number | ReturnType<typeof setTimeout> | null = null;
  const hasFrames = typeof requestAnimationFrame === 'function';
  const run = () => {
    handle = null;
    draw();
  };
  return {
    request() {
      if (handle !== null) return;
      handle = hasFrames ? requestAnimationFrame(run) : setTimeout(run, 16);
    },
    cancel() {
      if (handle === null) return;
      if (hasFrames) cancelAnimationFrame(handle as number);
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
      handle = null;
    },
  };
}
