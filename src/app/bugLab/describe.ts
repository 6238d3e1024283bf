/** Short descriptions of what a twin run or a sweep trained, for the bug lab's result lines. */
import type { LabConfig } from '../../engine';
import { ACTIVATION_LABELS, COST_LABELS } from '../labels';

/** "AND, 2-2-1 Sigmoid/Sigmoid, Cross-entropy, η 0.35 ÷ inputs" */
export function describeSetup(config: LabConfig): string {
  const hidden = config.hidden.length ? `${config.hidden.join('-')}-` : '';
  const activations = config.hidden.length
    ? `${ACTIVATION_LABELS[config.hiddenActivation]}/${ACTIVATION_LABELS[config.outputActivation]}`
    : ACTIVATION_LABELS[config.outputActivation];
  const divisor = config.gradientDivisor === 'features' ? ' ÷ inputs' : '';
  const sigmoid = config.sigmoidForm === 'naive' ? ', naive sigmoid' : '';
  return `${config.dataset}, 2-${hidden}1 ${activations}, ${COST_LABELS[config.cost]}, η ${config.learningRate}${divisor}${sigmoid}`;
}

/** 0.221 s, 43.5 s, 2 min 5 s */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 1) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
