/**
 * Reading the numbers the graph shows out of the engine's PassRecord (and the network), by
 * neuron, weight and selected sample. Nothing here is recomputed, with one stated exception:
 * the batch-mean input shown when "Mean" is selected. A record of a big network on big data
 * may hold per-sample values for its first samples only (keptSamples): later ones read NaN.
 */
import { type Network, type PassRecord, type SampleSelection, layoutOf, passEvaluation, scoreOutputs } from '../../engine';
import { t } from '../../i18n/setup';

/** Are sample s's per-sample values (z, a, δ, f′ of layers ≥ 1) in the record? */
export function sampleKept(pass: PassRecord, sample: number): boolean {
  return sample >= 0 && sample < pass.keptSamples;
}

/** a^l_j of the selected sample; layer 0 is the input x_j (kept for every sample). */
export function activationValue(pass: PassRecord, l: number, j: number, sample: SampleSelection): number {
  const n = l === 0 ? pass.inputs.length / Math.max(1, pass.count) : pass.layers[l - 1].size;
  const values = l === 0 ? pass.inputs : pass.layers[l - 1].a;
  if (sample !== 'mean') return sample >= 0 && sample < (l === 0 ? pass.count : pass.keptSamples) ? values[sample * n + j] : NaN;
  if (l > 0) return pass.layers[l - 1].meanActivation[j];
  // the one average a view takes: the batch-mean input, for colouring and the "Mean" readout
  let sum = 0;
  for (let s = 0; s < pass.count; s++) sum += values[s * n + j];
  return pass.count > 0 ? sum / pass.count : NaN;
}

/** Per-sample quantity of neuron j of layer l ≥ 1. */
export function layerValue(pass: PassRecord, quantity: 'z' | 'a' | 'delta' | 'fPrimeAtZ' | 'fPrimeAtA', l: number, j: number, sample: number): number {
  const layer = pass.layers[l - 1];
  return sampleKept(pass, sample) ? layer[quantity][sample * layer.size + j] : NaN;
}

/** Largest |a| in layer l over the batch, or over its kept samples and means (scales colours of unbounded activations). */
export function layerSpread(pass: PassRecord | null, l: number): number {
  if (!pass) return 1;
  const layer = l === 0 ? null : pass.layers[l - 1];
  const values = l === 0 ? pass.inputs : layer?.a;
  if (!values) return 1;
  let m = 0;
  const widen = (array: ArrayLike<number>) => {
    for (let k = 0; k < array.length; k++) {
      const v = Math.abs(array[k]);
      if (v > m && Number.isFinite(v)) m = v;
    }
  };
  widen(values);
  if (layer && pass.keptSamples < pass.count) widen(layer.meanActivation);
  return m > 0 ? m : 1;
}

/** "Samples 1–1,559 of 10,000": which samples' values a limited record holds, or null when it holds all. */
export function keptSamplesText(pass: PassRecord): string | null {
  if (pass.keptSamples >= pass.count) return null;
  const count = pass.count.toLocaleString('en');
  return pass.keptSamples > 0 ? t('graph.kept.some', { kept: pass.keptSamples.toLocaleString('en'), count }) : t('graph.kept.none', { count });
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

/** Does sample s's output, rounded at ½, equal its target (the engine's "solved" rule for one sample)? */
export function sampleRight(pass: PassRecord, s: number): boolean {
  const nL = pass.targets.length / Math.max(1, pass.count);
  return scoreOutputs(pass.outputs.subarray(s * nL, s * nL + nL), pass.targets.subarray(s * nL, s * nL + nL), 1, nL).solved;
}

/** How many samples the pass's outputs get right (the status line's verdict, counted). */
export function samplesRight(pass: PassRecord): number {
  return passEvaluation(pass).correct;
}
