/**
 * Health checks of a network on its data, from a pass that already ran: which hidden ReLU
 * neurons are dead (output 0 for every sample, so no gradient reaches their weights again), and
 * which samples a saturated sigmoid layer has merged although their targets differ.
 */
import { type EngineMessage, engineMessage } from './messages';
import type { DerivativeMode } from './settings';
import type { Network } from './network';
import type { PassRecord } from './inspect';

export interface ReluHealth {
  /** hidden neurons with a plain ReLU (leaky ReLU cannot die) */
  hiddenRelu: number;
  /** [layer l, neuron j] of each hidden ReLU neuron whose output is 0 for every sample */
  dead: Array<[number, number]>;
  /** true when there is at least one hidden ReLU neuron and every one of them is dead */
  allDead: boolean;
}

/** Dead hidden ReLU neurons of `net`, read from the weighted inputs z^l of a pass over the whole dataset. */
export function reluHealth(net: Pick<Network, 'sizes' | 'activations'>, pass: Pick<PassRecord, 'count' | 'layers'>): ReluHealth {
  const L = net.sizes.length - 1;
  const dead: Array<[number, number]> = [];
  let hiddenRelu = 0;
  for (let l = 1; l < L; l++) {
    if (net.activations[l - 1] !== 'relu') continue;
    const n = net.sizes[l];
    const z = pass.layers[l - 1]?.z;
    if (!z) continue;
    hiddenRelu += n;
    for (let j = 0; j < n; j++) {
      let alive = false;
      // dead: z ≤ 0, so a = 0 and f′ = 0, for every sample; a NaN z is not "dead" (the divergence check reports it)
      for (let s = 0; s < pass.count && !alive; s++) alive = !(z[s * n + j] <= 0);
      if (!alive) dead.push([l, j]);
    }
  }
  return { hiddenRelu, dead, allDead: hiddenRelu > 0 && dead.length === hiddenRelu };
}

/** One sentence for the status line (and the CLI's report), or null when nothing is wrong; the page offers Reset, the CLI names its flags. */
export function reluHealthMessage(health: ReluHealth, remedy: 'page' | 'cli' = 'page'): EngineMessage | null {
  if (health.allDead) return engineMessage('reluDead', { remedy });
  return null;
}

/** A slope at or below this is saturated: σ′(z) ≤ 10⁻⁶ means |z| ≥ 13.8 and a within 10⁻⁶ of 0 or 1. */
const SATURATED_SLOPE = 1e-6;

/**
 * Samples that the last hidden sigmoid layer maps, saturated, to the same activations although their
 * targets differ: the output layer sees one input for them, so it cannot tell them apart, and with
 * f′(z) the δ they send back is scaled by σ′(z) ≈ 0. Every number is read from the pass.
 */
export interface SaturationLock {
  /** the hidden layer l (1 … L − 1) */
  layer: number;
  /** the samples, from 0, in batch order */
  samples: number[];
  /** the first of them's activations a^l (the others' are within `spread` of these) */
  activations: number[];
  /** the largest difference between two of the samples' activations of one neuron */
  spread: number;
  /** the smallest |z| of the layer's neurons over these samples */
  minAbsZ: number;
  /** the largest σ′(z) over these samples and neurons (the slope f′(z) uses) */
  maxSlopeAtZ: number;
  /** the smallest σ′(a) over them (the slope the buggy f′(a) uses; never below σ′(1) ≈ 0.1966) */
  minSlopeAtA: number;
  /** the largest |δ^l_j| these samples send back with f′(z) */
  maxDeltaAtZ: number;
}

/** The first saturation lock of the kept samples of `pass` (trained with `mode`), or null; only for a sigmoid last hidden layer. */
export function saturationLock(
  net: Pick<Network, 'sizes' | 'activations'>,
  pass: Pick<PassRecord, 'keptSamples' | 'layers' | 'targets'>,
  mode: DerivativeMode,
): SaturationLock | null {
  const L = net.sizes.length - 1;
  const layer = L - 1;
  const record = pass.layers[layer - 1];
  if (layer < 1 || net.activations[layer - 1] !== 'sigmoid' || !record) return null;
  const n = net.sizes[layer];
  const outputs = net.sizes[L];
  // saturated samples grouped by the side (0 or 1) each neuron sits on
  const groups = new Map<string, number[]>();
  for (let s = 0; s < pass.keptSamples; s++) {
    let side = '';
    let saturated = true;
    for (let j = 0; j < n && saturated; j++) {
      saturated = record.fPrimeAtZ[s * n + j] <= SATURATED_SLOPE;
      side += record.a[s * n + j] > 0.5 ? '1' : '0';
    }
    if (!saturated) continue;
    const group = groups.get(side);
    if (group) group.push(s);
    else groups.set(side, [s]);
  }
  const targetOf = (s: number) => Array.from(pass.targets.subarray(s * outputs, (s + 1) * outputs)).join(',');
  for (const samples of groups.values()) {
    if (new Set(samples.map(targetOf)).size < 2) continue;
    const first = samples[0];
    const lock: SaturationLock = {
      layer,
      samples,
      activations: Array.from(record.a.subarray(first * n, (first + 1) * n)),
      spread: 0,
      minAbsZ: Infinity,
      maxSlopeAtZ: 0,
      minSlopeAtA: Infinity,
      maxDeltaAtZ: 0,
    };
    for (const s of samples)
      for (let j = 0; j < n; j++) {
        const k = s * n + j;
        const atZ = record.fPrimeAtZ[k];
        const atA = record.fPrimeAtA[k];
        lock.spread = Math.max(lock.spread, Math.abs(record.a[k] - lock.activations[j]));
        lock.minAbsZ = Math.min(lock.minAbsZ, Math.abs(record.z[k]));
        lock.maxSlopeAtZ = Math.max(lock.maxSlopeAtZ, atZ);
        lock.minSlopeAtA = Math.min(lock.minSlopeAtA, atA);
        // BP2's factor before f′ is the same in both modes, so δ with f′(z) is the buggy δ rescaled by σ′(z)/σ′(a)
        const deltaAtZ = mode === 'correct' ? record.delta[k] : atA === 0 ? 0 : (record.delta[k] / atA) * atZ;
        lock.maxDeltaAtZ = Math.max(lock.maxDeltaAtZ, Math.abs(deltaAtZ));
      }
    return lock;
  }
  return null;
}
