/**
 * The graph's painter: given the registered elements, it paints the latest input at most once a
 * frame, outside React. Framework-free; NetworkGraph creates one in an effect and destroys it there.
 */
import { frameThrottle } from '../canvas';
import type { GraphElementRegistry } from './graphElements';
import { type GraphPaintInput, paintGraph } from './paintGraph';

export interface GraphPainter {
  /** paints this input in the next frame (a newer input before then replaces it) */
  paint(input: GraphPaintInput): void;
  /** cancels a pending paint; the painter paints nothing after this */
  destroy(): void;
}

export function createGraphPainter(elements: GraphElementRegistry): GraphPainter {
  let latest: GraphPaintInput | null = null;
  let destroyed = false;
  const throttle = frameThrottle(() => {
    if (latest) paintGraph(elements.paintTargets(latest.layout), latest);
  });
  return {
    paint(input) {
      if (destroyed) return;
      latest = input;
      throttle.request();
    },
    destroy() {
      destroyed = true;
      latest = null;
      throttle.cancel();
    },
  };
}
