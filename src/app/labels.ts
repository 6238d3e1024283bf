/** Display names of the engine's settings, in one table for the controls and the status. */
import { type ActivationName, type CostName, type DatasetName, GATES, type InitMethod, PLANE_SETS } from '../engine';
import type { Speed } from '../worker/protocol';
import type { t as translate } from '../i18n/setup';

export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU',
  linear: 'Linear',
};

export const COST_LABELS: Record<CostName, string> = { crossEntropy: 'Cross-entropy', quadratic: 'Quadratic' };

export const INIT_LABELS: Record<InitMethod, string> = { normal: 'N(0, 1) (the question’s)', xavier: 'Xavier (uniform)', he: 'He (normal)' };

/** The datasets in two groups, named in the page's language (gate names stay as they are). */
export function datasetGroups(t: typeof translate): ReadonlyArray<{ group: string; options: Array<{ value: DatasetName; label: string }> }> {
  return [
    { group: t('dataset.group.gates'), options: GATES.map((g) => ({ value: g, label: g })) },
    { group: t('dataset.group.plane'), options: PLANE_SETS.map((p) => ({ value: p, label: t(`dataset.${p}`) })) },
  ];
}

export const SPEED_OPTIONS: ReadonlyArray<{ value: Speed; label: string }> = [
  { value: 1, label: '1 epoch/s' },
  { value: 10, label: '10 epochs/s' },
  { value: 100, label: '100 epochs/s' },
  { value: 1000, label: '1,000 epochs/s' },
  { value: 'max', label: 'Max' },
];

export function batchOptions(t: typeof translate): ReadonlyArray<{ value: number; label: string }> {
  return [{ value: 0, label: t('batch.full') }, ...[1, 2, 4, 8, 16, 32, 64].map((n) => ({ value: n, label: String(n) }))];
}

/** The graph stays legible up to this many neurons a layer (the engine allows more). */
export const UI_MAX_NEURONS = 16;
