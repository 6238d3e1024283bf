/**
 * What the decision boundary's hover shows: the grid cell under the pointer, its centre (x₁, x₂) and
 * the network's output there, read from the grid the engine evaluated at exactly that centre.
 */
import { type BoundaryGrids, gridCellCentre } from '../../engine';

export interface HoverCell {
  row: number;
  column: number;
  /** the cell's centre, where the engine evaluated the network */
  x1: number;
  x2: number;
  /** a^L (first output) at (x1, x2) */
  value: number;
}

/** The cell under plot pixel (px, py) of a size × size plot (row 0 at the top), or null outside it. */
export function cellAtPixel(grids: Pick<BoundaryGrids, 'output' | 'resolution' | 'domain'>, px: number, py: number, size: number): HoverCell | null {
  if (!(px >= 0 && px < size && py >= 0 && py < size)) return null;
  const n = grids.resolution;
  const column = Math.min(n - 1, Math.floor((px / size) * n));
  const row = Math.min(n - 1, Math.floor((py / size) * n));
  const [x1, x2] = gridCellCentre(grids.domain, n, row, column);
  return { row, column, x1, x2, value: grids.output[row * n + column] };
}
