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
  neuronResolution: number;
  /** neurons[l − 1][j]: a^l_j over the plane at neuronResolution², for every layer l = 1 … L */
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

/** A reusable evaluator: allocates its buffers once per (shape, resolution). */
export class GridEvaluator {
  private readonly ws: PassWorkspace;
  private readonly neuronWs: PassWorkspace;
  private readonly inputs: Float64Array;
  private readonly neuronInputs: Float64Array;

  constructor(
    private readonly net: Network,
    readonly domain: readonly [number, number, number, number],
    readonly resolution = 100,
    readonly neuronResolution = 32,
  ) {
    this.ws = new PassWorkspace(net, resolution * resolution);
    this.neuronWs = new PassWorkspace(net, neuronResolution * neuronResolution);
    this.inputs = gridInputs(net, domain, resolution);
    this.neuronInputs = gridInputs(net, domain, neuronResolution);
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
    const small = this.neuronResolution * this.neuronResolution;
    forward(net, this.neuronWs, this.neuronInputs, small);
    const neurons: Float32Array[][] = [];
    for (let l = 1; l <= L; l++) {
      const n = net.sizes[l];
      const a = this.neuronWs.a[l];
      const layer: Float32Array[] = [];
      for (let j = 0; j < n; j++) {
        const grid = new Float32Array(small);
        for (let s = 0; s < small; s++) grid[s] = a[s * n + j];
        layer.push(grid);
      }
      neurons.push(layer);
    }
    return { resolution: this.resolution, domain: this.domain, output, neuronResolution: this.neuronResolution, neurons };
  }
}
