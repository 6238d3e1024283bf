/**
 * The numbers of the Saturation view, read from the engine's pass records (nothing recomputed but
 * ratios and signs): each hidden neuron's z and a for one sample, σ′ at both, δ under both
 * derivative modes, and how the layer's update differs between the modes in size and direction.
 */
import { type DerivativeMode, type PassRecord, derivative } from '../../engine';

/** σ′(1): the smallest slope the buggy mode can use, since a lies in (0, 1) and σ′ falls away from 0. */
export const SIGMA_PRIME_AT_ONE = derivative('sigmoid', 1);

interface NeuronSaturation {
  /** neuron j, from 0 */
  j: number;
  z: number;
  a: number;
  /** f′(z): the true slope */
  atZ: number;
  /** f′(a): what the buggy mode uses */
  atA: number;
  /** δ_j with f′(z) and with f′(a) */
  deltaCorrect: number;
  deltaBuggy: number;
}

export interface SaturationSummary {
  /** layer l (1 … L − 1) */
  layer: number;
  /** sample, from 0 */
  sample: number;
  neurons: NeuronSaturation[];
  /** entries of ∂C/∂W^l and ∂C/∂b^l (the update's direction per entry) whose sign the modes disagree on */
  flippedSigns: number;
  entries: number;
  /** cosine between the layer's update under the two modes (1 = same direction) */
  cosine: number;
  /** |update with f′(a)| / |update with f′(z)| */
  sizeRatio: number;
}

/**
 * The saturation of hidden layer `layer` for one sample. `pass` was computed with `mode`,
 * `otherPass` with the other mode; null when the layer or sample is not in the records.
 */
export function saturationOf(pass: PassRecord, otherPass: PassRecord, mode: DerivativeMode, layer: number, sample: number): SaturationSummary | null {
  const correct = mode === 'correct' ? pass : otherPass;
  const buggy = mode === 'correct' ? otherPass : pass;
  const c = correct.layers[layer - 1];
  const b = buggy.layers[layer - 1];
  if (!c || !b || layer >= correct.layers.length || sample < 0 || sample >= correct.keptSamples) return null;
  const n = c.size;
  const neurons = Array.from({ length: n }, (_, j): NeuronSaturation => {
    const k = sample * n + j;
    return { j, z: c.z[k], a: c.a[k], atZ: c.fPrimeAtZ[k], atA: c.fPrimeAtA[k], deltaCorrect: c.delta[k], deltaBuggy: b.delta[k] };
  });
  const gc = [...c.gradWeights, ...c.gradBiases];
  const gb = [...b.gradWeights, ...b.gradBiases];
  let dot = 0,
    nc = 0,
    nb = 0,
    flippedSigns = 0;
  for (let k = 0; k < gc.length; k++) {
    dot += gc[k] * gb[k];
    nc += gc[k] * gc[k];
    nb += gb[k] * gb[k];
    if (Math.sign(gc[k]) !== Math.sign(gb[k])) flippedSigns++;
  }
  const cosine = nc > 0 && nb > 0 ? dot / Math.sqrt(nc * nb) : NaN;
  return { layer, sample, neurons, flippedSigns, entries: gc.length, cosine, sizeRatio: Math.sqrt(nb / nc) };
}
