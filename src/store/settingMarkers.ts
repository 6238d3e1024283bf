/**
 * What a mid-run change of the training settings is called on the cost curve: the store marks the
 * epoch after which the worker trained with them (a "configured" event: same weights, new options).
 */
import type { LabConfig } from '../engine';

/** The settings that change how a run trains without starting a new one, each with its short label. */
const CHANGE_LABELS: { [K in keyof LabConfig]?: (value: LabConfig[K]) => string } = {
  derivative: (v) => (v === 'buggy' ? 'buggy f′(a)' : 'correct f′(z)'),
  learningRate: (v) => `η ${v}`,
  cost: (v) => (v === 'crossEntropy' ? 'cross-entropy' : 'quadratic cost'),
  batchSize: (v) => (v === 0 ? 'full batch' : `batch ${v}`),
  gradientDivisor: (v) => (v === 'features' ? 'gradient ÷ n₀' : 'mean gradient'),
  sigmoidForm: (v) => (v === 'naive' ? 'naive sigmoid' : 'stable sigmoid'),
  freezeBiases: (v) => (v ? 'biases frozen' : 'biases train'),
};

/** The marker's words for a change from `before` to `after` ("buggy f′(a), η 1"), or null when nothing listed changed. */
export function settingChangeLabel(before: LabConfig, after: LabConfig): string | null {
  const parts: string[] = [];
  for (const key of Object.keys(CHANGE_LABELS) as (keyof LabConfig)[]) {
    if (before[key] === after[key]) continue;
    const label = CHANGE_LABELS[key] as (value: unknown) => string;
    parts.push(label(after[key]));
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The label of a finished run kept as the cost curve's faint "previous run". */
export function previousRunLabel(config: LabConfig): string {
  return `Previous run (${config.derivative === 'buggy' ? 'buggy f′(a)' : 'correct f′(z)'})`;
}
