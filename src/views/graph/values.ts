/**
 * Reading the numbers the graph shows out of the engine's PassRecord (and the network), by
 * neuron, weight and selected sample. Nothing here is recomputed, with one stated exception:
 * the batch-mean activation shown when "Mean" is selected.
 */
import { type Network, type PassRecord, layoutOf } from '../../engine';

export type SampleSelection = number | 'mean';

/** a^l_j of the selected sample; layer 0 is the input x_j. */
export function activationValue(pass: PassRecord, l: number, j: number, sample: SampleSelection): number {
  const n = l === 0 ? pass.inputs.length / Math.max(1, pass.count) : pass.layers[l - 1].size;
  const values = l === 0 ? pass.inputs : pass.layers[l - 1].a;
  if (sample !== 'mean') return sample >= 0 && sample < pass.count ? values[sample * n + j] : NaN;
  // the one average a view takes: the batch-mean activation, for colouring and the "Mean" readout
  let sum = 0;
  for (let s = 0; s < pass.count; s++) sum += values[s * n + j];
  return pass.count > 0 ? sum / pass.count : NaN;
}

/** Per-sample quantity of neuron j of layer l ≥ 1. */
export function layerValue(pass: PassRecord, quantity: 'z' | 'a' | 'delta' | 'fPrimeAtZ' | 'fPrimeAtA', l: number, j: number, sample: number): number {
  const layer = pass.layers[l - 1];
  return sample >= 0 && sample < pass.count ? layer[quantity][sample * layer.size + j] : NaN;
}

/** Largest |a| in layer l over the batch (scales colours of unbounded activations). */
export function layerSpread(pass: PassRecord | null, l: number): number {
  if (!pass) return 1;
  const values = l === 0 ? pass.inputs : pass.layers[l - 1]?.a;
  if (!values) return 1;
  let m = 0;
  for (let k = 0; k < values.length; k++) {
    const v = Math.abs(values[k]);
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m > 0 ? m : 1;
}

/** Largest |w| over every weight (not biases), for the weight colour and width scales. */
export function maxAbsWeight(network: Network): number {
  const layout = layoutOf(network.sizes);
  let m = 0;
  for (let l = 1; l < network.sizes.length; l++) {
    for (let k = layout.weightOffset[l]; k < layout.biasOffset[l]; k++) {
      const v = Math.abs(network.params[k]);
      if (v > m && Number.isFinite(v)) m = v;
    }
  }
  return m > 0 ? m : 1;
}

/** Is the pass a record of this network's shape? (A stale pass after a reshape must not be read.) */
export function passMatches(network: Network, pass: PassRecord | null): pass is PassRecord {
  if (!pass) return false;
  if (pass.layers.length !== network.sizes.length - 1) return false;
  if (pass.paramsBefore.length !== network.params.length) return false;
  return pass.layers.every((layer, k) => layer.size === network.sizes[k + 1]);
}
