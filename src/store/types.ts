/** The lab store's state: five slices (config, run, history, snapshot, inspect) and the worker bridge. */
import type { Dataset, LabConfig, Network } from '../engine';
import type { LabCommand, LabEvent, LabSnapshot, LabStopReason, Speed, StopConditions } from '../worker/protocol';
import type { ShareSlice } from './shareSlice';
import type { StepSlice } from './stepSlice';
import type { BugLabSlice } from './bugLabSlice';
import type { ExerciseSlice } from './exerciseSlice';
import type { StorySlice } from './storySlice';

/** Which sample the graph shows activations for: an index, or the batch mean. */
export type SampleSelection = number | 'mean';

/** The page's three modes, one tab each. */
export type LabMode = 'live' | 'step' | 'buglab';

export interface UiToggles {
  /** decision boundary shows 0/1 instead of the output */
  rounded: boolean;
  costScale: 'linear' | 'log';
  mode: LabMode;
}

export interface ConfigSlice {
  config: LabConfig;
  speed: Speed;
  stop: StopConditions;
  ui: UiToggles;
  /** the preset the current config came from, until a setting changes */
  presetId: string | null;
  /** Validates and applies a change; returns the reason it was refused (nothing changes then), or null. */
  setConfig(patch: Partial<LabConfig>): string | null;
  applyPreset(id: string): string | null;
  setSpeed(speed: Speed): void;
  setStop(patch: Partial<StopConditions>): string | null;
  setUi(patch: Partial<UiToggles>): void;
}

export interface RunState {
  runId: number;
  running: boolean;
  epoch: number;
  epochsPerSecond: number;
  stopReason: LabStopReason | null;
  message: string | null;
  /** the worker's last refusal or failure, in words */
  error: string | null;
  /** why the lab cannot train any more (its worker was given up on), or null; Play and Step do nothing then */
  halted: string | null;
  /** Play was pressed at the epoch limit: the status offers to continue past it (continuePastLimit) */
  limitOffer: boolean;
  /** the epoch whose weights training continues from after an option changed mid-run (derivative, η …), or null */
  carriedOver: number | null;
}

export interface RunSlice {
  run: RunState;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  runEpochs(epochs: number): void;
  /** Raises "Stop after" by its own span (60,000 → 120,000) and plays on from the current weights. */
  continuePastLimit(): void;
  reset(): void;
  newSeed(): void;
}

export interface CostHistory {
  runId: number;
  /** costs[k] is the cost at epoch k + 1 (after its update), valid for k < length (the array has spare capacity) */
  costs: Float64Array;
  length: number;
}

/** The cost history of the run before the current one, kept for comparison until cleared. */
export interface GhostHistory {
  /** the run it came from */
  runId: number;
  label: string;
  costs: Float64Array;
  length: number;
}

/** A training setting changed mid-run: the epochs after `epoch` trained with it. */
export interface SettingMarker {
  epoch: number;
  label: string;
}

export interface HistorySlice {
  history: CostHistory;
  ghost: GhostHistory | null;
  /** this run's mid-run setting changes, in epoch order */
  costMarkers: SettingMarker[];
  /** the settings the worker trains the current run with (from its run and configured events) */
  trainedConfig: LabConfig | null;
  clearGhost(): void;
}

export interface SnapshotSlice {
  /** the data of the current run */
  data: Dataset | null;
  /** the run's initial network */
  initialNetwork: Network | null;
  /** the latest live snapshot */
  snapshot: LabSnapshot | null;
  /** a checkpoint's snapshot while scrubbing */
  scrubSnapshot: LabSnapshot | null;
}

export interface InspectState {
  sample: SampleSelection;
  hoveredParam: number | null;
  /** [layer l, neuron j] */
  hoveredNeuron: [number, number] | null;
  /** the epoch being scrubbed to, or null for live */
  scrubEpoch: number | null;
}

export interface InspectSlice {
  inspect: InspectState;
  selectSample(sample: SampleSelection): void;
  hoverParam(index: number | null): void;
  hoverNeuron(neuron: [number, number] | null): void;
  scrub(epoch: number | null): void;
}

export interface BridgeSlice {
  /** sends a command to the worker (a no-op until connectWorker) */
  send(command: LabCommand): void;
  /** applies one worker event to the slices */
  receive(event: LabEvent): void;
  /** applies several events in order, as one store update */
  receiveAll(events: readonly LabEvent[]): void;
}

export type LabState = ConfigSlice & RunSlice & HistorySlice & SnapshotSlice & InspectSlice & BridgeSlice & ShareSlice & BugLabSlice & StepSlice & ExerciseSlice & StorySlice;
