/**
 * The training worker's checks on command arguments it cannot trust (they come from another
 * thread): each returns the value to use or throws a RangeError (an EngineError: a coded message) that the handler reports.
 */
import { CONFIG_SETTINGS, EngineError, type StopSettings, settingError, stopSettingsError } from '../../engine';
import { type Speed, isSpeed } from './protocol';

/** The seed "New seed" moves to when none is given: a fixed scramble, so it is reproducible. */
export function nextSeed(seed: number): number {
  let s = (seed + 0x9e3779b9) >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  return (s ^ (s >>> 16)) >>> 0;
}

export function checkedSpeed(speed: unknown): Speed {
  if (!isSpeed(speed)) throw new RangeError(`speed: expected 1, 10, 100, 1000 or max, got ${String(speed)}`);
  return speed;
}

/** Missing fields are 0: no limit, no target. The limits are the settings table's (STOP_SETTINGS). */
export function checkedStop(stop: Partial<StopSettings> | null | undefined): StopSettings {
  const checked = { maxEpochs: stop?.maxEpochs ?? 0, targetCost: stop?.targetCost ?? 0 };
  const problem = stopSettingsError(checked);
  if (problem) throw new EngineError(problem);
  return checked;
}

/** A value of one of the table's settings, as the table allows it. */
function checked<T>(setting: Parameters<typeof settingError>[0], value: unknown): T {
  const problem = settingError(setting, value);
  if (problem) throw new EngineError(problem);
  return value as T;
}

export function checkedSeed(seed: unknown): number {
  return checked<number>(CONFIG_SETTINGS.seed, seed);
}

/** Epochs to train in one go: as many as a configuration may have. */
export function checkedEpochs(epochs: unknown): number {
  return checked<number>(CONFIG_SETTINGS.epochs, epochs);
}

export function checkedScrubEpoch(epoch: unknown): number {
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) throw new RangeError(`scrub: expected an epoch ≥ 0, got ${String(epoch)}`);
  return epoch;
}
