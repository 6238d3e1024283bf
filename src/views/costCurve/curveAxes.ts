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

/** What each axis last showed. */
export interface AxisKeys {
  x: string;
  y: string;
}

const epochFormat = format(',d');

export function updateAxes(frame: CostFrame, elements: AxisElements, keys: AxisKeys): void {
  const xKey = `${frame.x.domain()}|${frame.x.range()}|${frame.view.log}`;
  if (xKey !== keys.x) {
    keys.x = xKey;
    if (elements.x)
      select(elements.x).call(
        axisBottom(frame.x)
          .tickValues(frameEpochTicks(frame, Math.max(2, Math.floor(frame.box.width / 110))))
          .tickFormat(epochFormat)
          .tickSizeOuter(0),
      );
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
