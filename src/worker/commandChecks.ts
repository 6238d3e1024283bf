/**
 * The training worker's checks on command arguments it cannot trust (they come from another
 * thread): each returns the value to use or throws a RangeError that the handler reports in words.
 */
import { type Speed, type StopConditions, isSpeed } from './protocol';

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

/** Missing fields are 0: no limit, no target. */
export function checkedStop(stop: Partial<StopConditions> | null | undefined): StopConditions {
  const maxEpochs = stop?.maxEpochs ?? 0;
  const targetCost = stop?.targetCost ?? 0;
  if (!Number.isInteger(maxEpochs) || maxEpochs < 0) throw new RangeError(`max epochs: expected a whole number ≥ 0 (0 = no limit), got ${String(maxEpochs)}`);
  if (typeof targetCost !== 'number' || !Number.isFinite(targetCost) || targetCost < 0) throw new RangeError(`target cost: expected a number ≥ 0 (0 = none), got ${String(targetCost)}`);
  return { maxEpochs, targetCost };
}

export function checkedSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed: expected a whole number from 0 to 4294967295, got ${String(seed)}`);
  return seed;
}

export function checkedEpochs(epochs: unknown): number {
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 1) throw new RangeError(`epochs: expected a whole number ≥ 1, got ${String(epochs)}`);
  return epochs;
}

export function checkedScrubEpoch(epoch: unknown): number {
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) throw new RangeError(`scrub: expected an epoch ≥ 0, got ${String(epoch)}`);
  return epoch;
}
