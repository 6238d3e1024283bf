/** Which setting changes make a different network (a new run) and which only change how it trains. */
import type { LabConfig } from './settings';

/** The settings that build the network and its data; the rest (training options, epochs) keep the weights. */
const SHAPE_KEYS = [
  'dataset',
  'dataSeed',
  'hidden',
  'hiddenActivation',
  'outputActivation',
  'init',
  'seed',
  'leakySlope',
] as const satisfies readonly (keyof LabConfig)[];

/** Whether going from `before` to `after` needs a new run (new weights), not just new options. */
export function needsNewRun(before: LabConfig, after: LabConfig): boolean {
  return SHAPE_KEYS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
