/**
 * The numbers behind the question's two quieter slips, for the lab to show:
 * the 1/n_0 gradient divisor (a hidden change of the learning rate) and the naive sigmoid's
 * overflow (where in a pass e^(−z) overflows, what the naive and stable forms give there, and
 * when in a run it first happened).
 */
import { type ActivationName, naiveSigmoid, naiveSigmoidOverflows, sigmoid } from './activations';
import type { PassRecord } from './inspect';
import type { GradientDivisor } from './options';

export interface DivisorEffect {
  /** what the summed gradient is divided by: the sample count, or n_0 under the slip */
  divisor: number;
  /** the step the slip really takes, as a multiple of the mean-gradient step: samples / divisor */
  factor: number;
  /** η × factor: the learning rate the mean gradient would need to take the same step */
  effectiveLearningRate: number;
}

/** How the gradient divisor scales every step (full batch: `samples` = the dataset size). */
export function divisorEffect(gradientDivisor: GradientDivisor, learningRate: number, samples: number, inputSize: number): DivisorEffect {
  const divisor = gradientDivisor === 'features' ? inputSize : samples;
  const factor = samples / divisor;
  return { divisor, factor, effectiveLearningRate: learningRate * factor };
}

export interface OverflowSite {
  layer: number;
  sample: number;
  neuron: number;
  z: number;
  /** 1/(1+e^(−z)) as the naive form computes it (0 once e^(−z) = ∞) */
  naive: number;
  /** the stable form's value at the same z */
  stable: number;
}

/** Where in this pass the naive sigmoid's e^(−z) overflows: every sigmoid neuron and sample with z < −709.78. */
export function overflowSites(pass: PassRecord, activations: readonly ActivationName[]): OverflowSite[] {
  const sites: OverflowSite[] = [];
  for (const layer of pass.layers) {
    if (activations[layer.layer - 1] !== 'sigmoid') continue;
    for (let s = 0; s < pass.count; s++) {
      for (let j = 0; j < layer.size; j++) {
        const z = layer.z[s * layer.size + j];
        if (naiveSigmoidOverflows(z)) sites.push({ layer: layer.layer, sample: s, neuron: j, z, naive: naiveSigmoid(z), stable: sigmoid(z) });
      }
    }
  }
  return sites;
}

/** When overflow happened during a run: fed with each epoch's count (Trainer.lastOverflows). */
export class OverflowLog {
  /** first and latest epoch with at least one overflow (null before any) */
  firstEpoch: number | null = null;
  lastEpoch: number | null = null;
  epochsWithOverflow = 0;
  total = 0;

  record(epoch: number, overflows: number): void {
    if (overflows <= 0) return;
    if (this.firstEpoch === null) this.firstEpoch = epoch;
    this.lastEpoch = epoch;
    this.epochsWithOverflow++;
    this.total += overflows;
  }

  snapshot(): OverflowSummary {
    return { firstEpoch: this.firstEpoch, lastEpoch: this.lastEpoch, epochsWithOverflow: this.epochsWithOverflow, total: this.total };
  }
}

export type OverflowSummary = Pick<OverflowLog, 'firstEpoch' | 'lastEpoch' | 'epochsWithOverflow' | 'total'>;
