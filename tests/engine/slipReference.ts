/**
 * A second outside reference, for the slip library: backprop written the way a learner writes it
 * (nested loops over number[][], layer by layer from the output back, NumPy's order of operations:
 * sum, then divide by n), with each slip injected as its own line. It shares no code with the engine;
 * with no slips it agrees with the scalar autodiff reference (tests/engine/slips.test.ts checks that).
 * Sigmoid layers and cross-entropy only: the probe's network.
 */
import type { ReferenceNetwork } from './scalarReference';

export interface ReferenceGradients {
  gradWeights: number[][][];
  gradBiases: number[][];
}

const sigma = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const sigmaPrime = (x: number): number => sigma(x) * (1 - sigma(x));

export function slippedReferenceGradients(
  net: ReferenceNetwork,
  inputs: number[][],
  targets: number[][],
  slips: readonly string[],
  eta: number,
): ReferenceGradients {
  const on = (name: string): boolean => slips.includes(name);
  const sizes = net.sizes;
  const L = sizes.length - 1;
  const N = inputs.length;
  // z[l][s][j], a[l][s][j]; a[0] = x
  const z: number[][][] = [[]];
  const a: number[][][] = [inputs.map((row) => [...row])];
  for (let l = 1; l <= L; l++) {
    z.push([]);
    a.push([]);
    for (let s = 0; s < N; s++) {
      const zs: number[] = [];
      for (let j = 0; j < sizes[l]; j++) {
        let sum = net.biases[l - 1][j];
        for (let i = 0; i < sizes[l - 1]; i++) sum += net.weights[l - 1][j][i] * a[l - 1][s][i];
        zs.push(sum);
      }
      z[l].push(zs);
      a[l].push(zs.map(sigma));
    }
  }
  // BP1 for cross-entropy
  let delta: number[][] = a[L].map((row, s) =>
    row.map((aj, j) => {
      const y = targets[s][j];
      if (on('flippedSign')) return y - aj;
      if (on('answerBp1')) return (aj - y) * sigmaPrime(z[L][s][j]);
      return aj - y;
    }),
  );
  const n = on('divideByFeatures') ? sizes[0] : on('sumNotMean') ? 1 : N;
  const W = net.weights.map((m) => m.map((row) => [...row]));
  const gradWeights: number[][][] = [];
  const gradBiases: number[][] = [];
  for (let l = L; l >= 1; l--) {
    const previous = on('bp4WrongLayer') && sizes[l] === sizes[l - 1] ? a[l] : a[l - 1];
    const gW = W[l - 1].map((row, j) =>
      row.map((_, i) => {
        let sum = 0;
        for (let s = 0; s < N; s++) sum += delta[s][j] * previous[s][i];
        return sum / n;
      }),
    );
    const gB = Array.from({ length: sizes[l] }, (_, j) => {
      if (on('noBiasGradient')) return 0;
      let sum = 0;
      for (let s = 0; s < N; s++) sum += delta[s][j];
      return sum / n;
    });
    gradWeights[l - 1] = gW;
    gradBiases[l - 1] = gB;
    if (on('updateOrder')) W[l - 1] = W[l - 1].map((row, j) => row.map((w, i) => w - eta * gW[j][i]));
    if (l > 1) {
      const at = on('bp2WrongLayer') && sizes[l] === sizes[l - 1] ? z[l] : on('derivativeAtA') ? a[l - 1] : z[l - 1];
      delta = delta.map((row, s) =>
        Array.from({ length: sizes[l - 1] }, (_, i) => {
          let sum = 0;
          for (let j = 0; j < sizes[l]; j++) sum += W[l - 1][j][i] * row[j];
          return sum * sigmaPrime(at[s][i]);
        }),
      );
    }
  }
  return { gradWeights, gradBiases };
}
