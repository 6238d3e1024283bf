/** Display names of the engine's settings, in one table for the controls and the status. */
import { type ActivationName, type CostName, type DatasetName, GATES, type InitMethod, PLANE_SETS } from '../engine';
import type { Speed } from '../worker/protocol';

export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU',
  linear: 'Linear',
};

export const COST_LABELS: Record<CostName, string> = { crossEntropy: 'Cross-entropy', quadratic: 'Quadratic' };

export const INIT_LABELS: Record<InitMethod, string> = { normal: 'N(0, 1) (the question’s)', xavier: 'Xavier (uniform)', he: 'He (normal)' };

const PLANE_LABELS: Record<(typeof PLANE_SETS)[number], string> = { circle: 'Circle', gaussians: 'Two Gaussians', spiral: 'Spiral', quadrants: 'Quadrants (noisy XOR)' };

export const DATASET_GROUPS: ReadonlyArray<{ group: string; options: Array<{ value: DatasetName; label: string }> }> = [
  { group: 'Logic gates (4 points)', options: GATES.map((g) => ({ value: g, label: g })) },
  { group: '2-D sets (200 points)', options: PLANE_SETS.map((p) => ({ value: p, label: PLANE_LABELS[p] })) },
];

export const SPEED_OPTIONS: ReadonlyArray<{ value: Speed; label: string }> = [
  { value: 1, label: '1 epoch/s' },
  { value: 10, label: '10 epochs/s' },
  { value: 100, label: '100 epochs/s' },
  { value: 1000, label: '1,000 epochs/s' },
  { value: 'max', label: 'Max' },
];

export const BATCH_OPTIONS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 0, label: 'Full batch' },
  ...[1, 2, 4, 8, 16, 32, 64].map((n) => ({ value: n, label: String(n) })),
];

/** The graph stays legible up to this many neurons a layer (the engine allows more). */
export const UI_MAX_NEURONS = 16;
