/**
 * Decision-boundary grids: the network's output, and every neuron's activation, over the input
 * plane. Cell (r, c) sits at x1 = x1min + (c + ½)·Δx1, x2 = x2max − (r + ½)·Δx2, so row 0 is the
 * top of a canvas. Inputs beyond the first two are held at 0.
 */
import type { Network } from './network';
import { PassWorkspace, forward } from './pass';

export interface BoundaryGrids {
  resolution: number;
  domain: readonly [number, number, number, number];
  /** output neuron 0's activation a^L_0, resolution² cells, row-major */
  output: Float32Array;
  /** 0 when the grids leave the neurons out (a big network) */
  neuronResolution: number;
  /** neurons[l − 1][j]: a^l_j over the plane at neuronResolution², for every layer l = 1 … L; empty when neuronResolution is 0 */
  neurons: Float32Array[][];
}

/** Which grid cell (row, column) holds the point; used by views to place data over the grid. */
export function gridCellCentre(domain: readonly [number, number, number, number], resolution: number, r: number, c: number): [number, number] {
  const [x0, x1, y0, y1] = domain;
  return [x0 + ((c + 0.5) / resolution) * (x1 - x0), y1 - ((r + 0.5) / resolution) * (y1 - y0)];
}

function gridInputs(net: Network, domain: readonly [number, number, number, number], resolution: number): Float64Array {
  const n0 = net.sizes[0];
  const inputs = new Float64Array(resolution * resolution * n0);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const [x, y] = gridCellCentre(domain, resolution, r, c);
      const s = r * resolution + c;
      inputs[s * n0] = x;
      if (n0 > 1) inputs[s * n0 + 1] = y;
    }
  }
  return inputs;
}

/** Multiply-adds of one forward pass of one point: Σ n_l · n_(l−1), the weights. */
export function weightsPerPoint(sizes: readonly number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += sizes[l] * sizes[l - 1];
  return total;
}

export interface GridResolutions {
  resolution: number;
  /** 0 = no per-neuron grids */
  neuronResolution: number;
}

export interface GridBudget {
  /** multiply-adds one evaluation may cost (output grid and neuron grids together) */
  multiplyAdds: number;
  /** per-neuron grid cells in all (neurons × neuronResolution²); beyond it there are none */
  neuronCells: number;
  /** the finest grids wanted (what small networks get) */
  resolution: number;
  neuronResolution: number;
  /** the output grid never gets coarser than this, whatever the cost */
  minResolution: number;
}

/**
 * The finest grids a network can afford: the output grid as fine as the budget allows (up to
 * `resolution`), and neuron grids only where they are cheap: a big network's neuron grids come
 * from the output grid's own pass (same resolution), and there are none when they would be many.
 */
export function gridResolutions(sizes: readonly number[], budget: GridBudget): GridResolutions {
  const perPoint = Math.max(1, weightsPerPoint(sizes));
  const neurons = sizes.slice(1).reduce((sum, n) => sum + n, 0);
  const affordable = (cells: number) => Math.floor(Math.sqrt(Math.max(0, cells)));
  let resolution = Math.max(budget.minResolution, Math.min(budget.resolution, affordable(budget.multiplyAdds / perPoint)));
  let neuronResolution = Math.min(budget.neuronResolution, resolution);
  if (neurons * neuronResolution * neuronResolution > budget.neuronCells) neuronResolution = 0;
  if (neuronResolution > 0 && neuronResolution < resolution) {
    // a separate neuron pass: the output grid pays for it
    const rest = budget.multiplyAdds - neuronResolution * neuronResolution * perPoint;
    resolution = Math.max(budget.minResolution, neuronResolution, Math.min(resolution, affordable(rest / perPoint)));
  }
  return { resolution, neuronResolution };
}

/**
 * A reusable evaluator: allocates its buffers once per (shape, resolution). With neuronResolution
 * equal to resolution the neuron grids come from the output grid's pass; with 0 there are none.
 */
export class GridEvaluator {
  private readonly ws: PassWorkspace;
  private readonly neuronWs: PassWorkspace | null;
  private readonly inputs: Float64Array;
  private readonly neuronInputs: Float64Array | null;

  constructor(
    private readonly net: Network,
    readonly domain: readonly [number, number, number, number],
    readonly resolution = 100,
    readonly neuronResolution = 32,
  ) {
    this.ws = new PassWorkspace(net, resolution * resolution);
    this.inputs = gridInputs(net, domain, resolution);
    const separate = neuronResolution > 0 && neuronResolution !== resolution;
    this.neuronWs = separate ? new PassWorkspace(net, neuronResolution * neuronResolution) : null;
    this.neuronInputs = separate ? gridInputs(net, domain, neuronResolution) : null;
  }

  /** Evaluates with the network's current parameters (the net passed in, or another of the same shape). */
  evaluate(net: Network = this.net): BoundaryGrids {
    const L = net.sizes.length - 1;
    const cells = this.resolution * this.resolution;
    forward(net, this.ws, this.inputs, cells);
    const nL = net.sizes[L];
    const output = new Float32Array(cells);
    const aL = this.ws.a[L];
    for (let s = 0; s < cells; s++) output[s] = aL[s * nL];
    const neurons: Float32Array[][] = [];
    if (this.neuronResolution > 0) {
      const small = this.neuronResolution * this.neuronResolution;
      let ws = this.ws;
      if (this.neuronWs && this.neuronInputs) {
        ws = this.neuronWs;
        forward(net, ws, this.neuronInputs, small);
      }
      for (let l = 1; l <= L; l++) {
        const n = net.sizes[l];
        const a = ws.a[l];
        const layer: Float32Array[] = [];
        for (let j = 0; j < n; j++) {
          const grid = new Float32Array(small);
          for (let s = 0; s < small; s++) grid[s] = a[s * n + j];
          layer.push(grid);
        }
        neurons.push(layer);
      }
    }
    return { resolution: this.resolution, domain: this.domain, output, neuronResolution: this.neuronResolution, neurons };
  }
}
