/**
 * The step-through's messages between the page and the training worker (answered in
 * inspectCommands.ts). Types only, so protocol.ts can name them without importing the commands.
 */
import type { GradientCheck, Network, PassRecord, TrainOptions } from '../../engine';

export type InspectCommand =
  /** Both derivative modes' passes on the live parameters; with `advance`, one epoch of the run is trained first. */
  | { type: 'inspectPass'; advance?: boolean; requestId?: number }
  /** Analytic against numeric gradient of every parameter, on the live parameters and options. */
  | { type: 'gradientCheck'; requestId?: number };

/** The two passes of one moment of the run. */
export interface InspectedPasses {
  runId: number;
  /** epochs the run had completed: the pass is the next epoch's */
  epoch: number;
  /** the options the passes were computed with (`pass` under options.derivative) */
  options: TrainOptions;
  /** a copy of the network the passes ran on */
  network: Network;
  pass: PassRecord;
  /** the same pass with the other derivative mode, for BP2's side by side */
  otherPass: PassRecord;
  /** what the passes left out for their size (each sample's gradient, later samples' values), in words; null when complete */
  note?: string | null;
}

export interface CheckedGradients {
  runId: number;
  epoch: number;
  options: TrainOptions;
  /** null when the network is too big to check in the worker's time budget (see `note`) */
  check: GradientCheck | null;
  /** the check ran on the first `samplesChecked` of the `sampleCount` samples */
  samplesChecked: number;
  sampleCount: number;
  /** why the check used fewer samples, or none, in words */
  note: string | null;
}

export type InspectEvent = ({ type: 'inspected' } & InspectedPasses) | ({ type: 'gradientChecked' } & CheckedGradients);
