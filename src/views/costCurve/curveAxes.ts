/**
 * The cost curve's SVG axes, brought up to date with a frame. Each axis is rebuilt only when its own
 * scale changed: while a run trains the epoch axis moves every frame, the cost axis seldom.
 */
import { axisBottom, axisLeft, format, select } from 'd3';
import { type CostFrame, costTicks, frameEpochTicks } from './frame';
import { tickFormatter } from './ticks';

export interface AxisElements {
  x: SVGGElement | null;
  y: SVGGElement | null;
  /** the plot, whose data-epochs names the epochs on show (for tests and assistive tools) */
  plot: HTMLElement | null;
}

/** What each axis last showed (and the epoch ticks, which a growing run mostly only moves). */
export interface AxisKeys {
  x: string;
  y: string;
  xTicks?: string;
}

const epochFormat = format(',d');

export function updateAxes(frame: CostFrame, elements: AxisElements, keys: AxisKeys): void {
  const xKey = `${frame.x.domain()}|${frame.x.range()}|${frame.view.log}`;
  if (xKey !== keys.x) {
    keys.x = xKey;
    const ticks = frameEpochTicks(frame, Math.max(2, Math.floor(frame.box.width / 110)));
    const tickKey = `${ticks}|${frame.x.range()}`;
    // the same ticks on a scale that only grew: move them (d3's axis would rebuild every tick each frame)
    if (elements.x && tickKey === keys.xTicks) moveTicks(elements.x, frame, ticks);
    else if (elements.x) select(elements.x).call(axisBottom(frame.x).tickValues(ticks).tickFormat(epochFormat).tickSizeOuter(0));
    keys.xTicks = tickKey;
    elements.plot?.setAttribute('data-epochs', `${frame.view.from}-${frame.view.to}`);
  }
  const yKey = `${frame.y.domain()}|${frame.y.range()}|${frame.scale}`;
  if (yKey !== keys.y) {
    keys.y = yKey;
    const yTicks = costTicks(frame);
    const yFormat = tickFormatter(yTicks);
    if (elements.y)
      select(elements.y).call(
        axisLeft(frame.y)
          .tickValues(yTicks)
          .tickFormat((v) => yFormat(Number(v)))
          .tickSizeOuter(0),
      );
  }
}

/** Moves the epoch axis's ticks to the frame's scale, as d3's axis places them (half a pixel in at a ratio of 1). */
function moveTicks(axis: SVGGElement, frame: CostFrame, ticks: number[]): void {
  const offset = typeof devicePixelRatio === 'number' && devicePixelRatio > 1 ? 0 : 0.5;
  const nodes = axis.querySelectorAll<SVGGElement>(':scope > .tick');
  nodes.forEach((node, k) => {
    if (k < ticks.length) node.setAttribute('transform', `translate(${frame.x(ticks[k]) + offset},0)`);
  });
}
