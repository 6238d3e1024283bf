/**
 * What a mid-run change of the training settings is on the cost curve: the store marks the epoch
 * after which the worker trained with them (a "configured" event: same weights, new options). The
 * store keeps the changes as settings and values; the page words them in its language (app/curveWords.ts).
 */
import type { DerivativeMode, LabConfig } from '../engine';

/** The settings that change how a run trains without starting a new one. */
const MARKED_SETTINGS = ['derivative', 'learningRate', 'cost', 'batchSize', 'gradientDivisor', 'sigmoidForm', 'freezeBiases'] as const;

type MarkedSetting = (typeof MARKED_SETTINGS)[number];

/** One changed setting and the value it changed to. */
export type SettingChange = { [K in MarkedSetting]: { setting: K; value: LabConfig[K] } }[MarkedSetting];

/** The marked settings that differ from `before` to `after`, with their new values (empty when none). */
export function settingChanges(before: LabConfig, after: LabConfig): SettingChange[] {
  return MARKED_SETTINGS.filter((key) => before[key] !== after[key]).map((key) => ({ setting: key, value: after[key] }) as SettingChange);
}

/** What the cost curve's words need of the store: the changes at each marker and the previous run's derivative. */
export interface CurveWords {
  live(): string;
  changes(changes: readonly SettingChange[]): string;
  previousRun(derivative: DerivativeMode): string;
}
