/**
 * The messages between the page and the training worker. Commands go in; events come out.
 * Everything is plain data (typed arrays, no classes) so it survives structured clone, and the
 * big arrays of costs and snapshots are transferred, not copied.
 */
import type * as v from 'valibot';
import type { LabConfig, Network, Dataset, StopSettings } from '../../engine';
import type { InspectCommand } from './inspectProtocol';
import type { LAB_EVENT, LAB_SNAPSHOT, RUN_START_REASONS, RUN_STATUS, STOP_REASONS, Speed } from './labEvents';

export { SPEEDS, type Speed, isSpeed } from './labEvents';

/** No stop condition (the settings table's StopSettings with both off). */
export const NO_STOP: StopSettings = { maxEpochs: 0, targetCost: 0 };

/** A command the worker answers with an 'answered' event carrying the same id (done, or why it was refused). */
interface Answerable {
  requestId?: number;
}

export type LabCommand =
  /**
   * Shape, dataset, init or seed changes start a new run; learning rate, derivative, cost, batch size … keep the weights.
   * With `dropData`, the user's own data and a loaded network are dropped and a new run starts on the named dataset.
   */
  | ({ type: 'configure'; config: LabConfig; dropData?: boolean } & Answerable)
  /** Back to the run's initial weights (the same seed gives the same weights). */
  | { type: 'reset' }
  /** A new run from another seed (the given one, or one derived from the current seed). */
  | { type: 'newSeed'; seed?: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** One epoch, with a full snapshot after it. */
  | { type: 'trainOneEpoch' }
  /** Train `epochs` more epochs at the current speed, then pause. */
  | { type: 'trainEpochs'; epochs: number }
  | { type: 'setSpeed'; speed: Speed }
  | { type: 'setStop'; stop: StopSettings }
  /** Show the network as it was at the nearest checkpoint at or before `epoch`; null returns to the live network. */
  | { type: 'scrub'; epoch: number | null }
  /** Train this network (its shape must fit the data); Reset returns to it. */
  | ({ type: 'loadNetwork'; network: Network } & Answerable)
  /** Train on this dataset; the network's input and output sizes follow it. */
  | ({ type: 'loadData'; data: Dataset } & Answerable)
  /** Sets one weight or bias (an index into params) of the live network and sends a new snapshot. */
  | ({ type: 'setParam'; index: number; value: number } & Answerable)
  /** Hands a cost batch's buffer back for reuse once its costs are copied (optional; saves garbage). */
  | { type: 'recycle'; buffer: ArrayBuffer }
  /** The step-through's passes and gradient check (inspectCommands.ts). */
  | InspectCommand;

/** The commands the page can wait on: each is sent with a fresh request id and answered once. */
type AnswerableCommand = Extract<LabCommand, { type: 'configure' | 'loadNetwork' | 'loadData' | 'setParam' | 'inspectPass' | 'gradientCheck' }>;

type WithoutId<C> = C extends unknown ? Omit<C, 'requestId'> : never;

/** An answerable command as a store action gives it, before the store numbers it. */
export type Request = WithoutId<AnswerableCommand>;

/** Why a run stopped (null while running or before the first play). */
export type LabStopReason = (typeof STOP_REASONS)[number];

/** The run's state for the status line (its fields are described in labEvents.ts). */
export type RunStatus = v.InferOutput<typeof RUN_STATUS>;

/** The network, its pass, boundary grids and evaluation at one epoch (fields described in labEvents.ts). */
export type LabSnapshot = v.InferOutput<typeof LAB_SNAPSHOT>;

export type RunStartReason = (typeof RUN_START_REASONS)[number];

/**
 * What the worker sends the page: runStarted, configured, costs, snapshot, status, error, answered, and the
 * step-through's inspected / gradientChecked. Declared once, as the schema the page checks every
 * message against (labEvents.ts).
 */
export type LabEvent = v.InferOutput<typeof LAB_EVENT>;

/** What the training worker (or a fake one in tests) offers the page (the sweep pool's workers are store/sweepPool.ts's SweepWorkerLike). */
export interface LabWorkerLike {
  postMessage(command: LabCommand, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LabEvent>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<LabEvent>) => void): void;
  terminate?(): void;
}

/** Every ArrayBuffer inside a snapshot, for the transfer list. */
export function snapshotBuffers(snapshot: LabSnapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView | null) => array && buffers.add(array.buffer as ArrayBuffer);
  add(snapshot.network.params);
  const pass = snapshot.pass;
  for (const array of [pass.inputs, pass.targets, pass.sampleCosts, pass.gradient, pass.sampleGradients, pass.paramsBefore, pass.paramsAfter]) add(array);
  for (const layer of pass.layers)
    for (const array of [layer.z, layer.a, layer.delta, layer.fPrimeAtZ, layer.fPrimeAtA, layer.gradWeights, layer.gradBiases]) add(array);
  add(snapshot.grids.output);
  for (const layer of snapshot.grids.neurons) for (const grid of layer) add(grid);
  add(snapshot.evaluation.outputs);
  return [...buffers];
}
