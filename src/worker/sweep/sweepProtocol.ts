/**
 * Messages between the page's sweep pool and its bug-lab workers. A sweep is split into chunks of
 * consecutive seeds; each worker runs a chunk start by start (both derivative modes per start) and
 * reports every start as it finishes. The same worker also runs a twin run on request.
 * Plain data only, so everything survives structured clone.
 */
import {
  type BoundaryGrids,
  type Dataset,
  type LabConfig,
  type Problem,
  type SweepStartRecord,
  type TwinResult,
  MAX_SEED,
  configError,
  engineMessage,
  ruleError,
} from '../../engine';

export const DEFAULT_SWEEP_STARTS = 100;
export const MAX_SWEEP_STARTS = 1000;

export interface SweepRequest {
  /** the configuration every start trains; its `derivative` is ignored (both modes run) */
  config: LabConfig;
  /** how many starts: seeds firstSeed … firstSeed + starts − 1 */
  starts: number;
  /** default: config.seed */
  firstSeed?: number;
  /** the user's own data (default: the config's named dataset) */
  data?: Dataset;
}

/** The first problem with a sweep request, naming the setting, or null. */
export function sweepRequestError(request: SweepRequest): Problem | null {
  const problem = configError(request.config, request.data);
  if (problem) return problem;
  const { starts } = request;
  const startsProblem = ruleError({ whole: true, min: 1, max: MAX_SWEEP_STARTS }, starts, engineMessage('sweepStarts'));
  if (startsProblem) return startsProblem;
  const first = request.firstSeed ?? request.config.seed;
  if (!Number.isInteger(first) || first < 0 || first + starts - 1 > MAX_SEED)
    return engineMessage('sweepSeeds', { first: String(first), last: String(first + starts - 1), max: MAX_SEED });
  return null;
}

export type SweepCommand =
  /** run seeds first … first + count − 1, each with both derivative modes */
  | { type: 'starts'; jobId: number; config: LabConfig; first: number; count: number; data?: Dataset }
  /** a twin run of the configuration, with both networks' decision-boundary grids at the end */
  | { type: 'twin'; jobId: number; config: LabConfig; epochs: number; resolution: number; neuronResolution: number; data?: Dataset; progress?: boolean };

export interface TwinGrids {
  correct: BoundaryGrids;
  buggy: BoundaryGrids;
}

export type SweepEvent =
  | { type: 'start'; jobId: number; record: SweepStartRecord }
  | { type: 'chunkDone'; jobId: number }
  | { type: 'twin'; jobId: number; result: TwinResult; grids: TwinGrids }
  /** sent about 100 times during a twin run that asked for progress */
  | { type: 'twinProgress'; jobId: number; epoch: number; epochs: number }
  | { type: 'error'; jobId: number; message: Problem };
