/** Options of one training run (declared in settings.ts), and the check that needs the output layer too. */
import type { ActivationName } from './activations';
import { type EngineMessage, engineMessage } from './messages';
import { settingError } from './settingChecks';
import { CONFIG_SETTINGS, TRAIN_OPTION_FIELDS, type TrainOptions } from './settings';

export {
  DEFAULT_TRAIN_OPTIONS,
  DERIVATIVE_MODES,
  type DerivativeMode,
  GRADIENT_DIVISORS,
  type GradientDivisor,
  SIGMOID_FORMS,
  type SigmoidForm,
  type TrainOptions,
} from './settings';

/** A reason the options cannot train this output activation, or null. */
export function optionsError(options: TrainOptions, outputActivation: ActivationName): EngineMessage | null {
  for (const field of TRAIN_OPTION_FIELDS) {
    const problem = settingError(CONFIG_SETTINGS[field], options[field]);
    if (problem) return problem;
    if (field === 'cost' && options.cost === 'crossEntropy' && outputActivation !== 'sigmoid') return engineMessage('crossEntropyOutput');
  }
  return null;
}
