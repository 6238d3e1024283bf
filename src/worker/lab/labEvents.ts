/**
 * The training worker's events (worker → page) as valibot schemas: the one declaration of their
 * shape. protocol.ts derives the event types from these, and the page checks every message against
 * them before the store sees it (a worker with a bug, or anything else posting to the page, cannot
 * hand React a snapshot it cannot draw). Arrays are checked for their type and their length against
 * the network's sizes, not element by element, so a check costs microseconds even for a big snapshot.
 */
import * as v from 'valibot';
import {
  anyNumber,
  checked,
  CONFIG,
  count,
  DATASET,
  DIVERGENCE,
  EVALUATION,
  f64,
  GRADIENT_CHECK,
  GRIDS,
  NETWORK,
  OVERFLOW_SUMMARY,
  PASS,
  passFits,
  positiveCount,
  RELU_HEALTH,
  sizeIs,
  TRAIN_OPTIONS,
  PROBLEM,
} from './engineSchemas';
import type { CheckedGradients, InspectedPasses } from './inspectProtocol';

/** Epochs per second; 'max' trains as fast as the engine goes (declared here: the status event carries it). */
export const SPEEDS = [1, 10, 100, 1000, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

export function isSpeed(value: unknown): value is Speed {
  return (SPEEDS as readonly unknown[]).includes(value);
}

export const LAB_SNAPSHOT = v.pipe(
  v.object({
    runId: count,
    /** epochs completed when the snapshot was taken (a checkpoint's epoch when scrubbed) */
    epoch: count,
    /** the cost of the network as it is now (the cost the next epoch will start from) */
    cost: anyNumber,
    /** a copy of the network at this epoch */
    network: NETWORK,
    /** the whole pass of the next epoch on this network: z, a, δ, f′, gradients for every sample */
    pass: PASS,
    grids: GRIDS,
    evaluation: EVALUATION,
    /** naive-sigmoid overflows during the last trained epoch */
    overflows: count,
    divergence: v.nullable(DIVERGENCE),
    /** dead hidden ReLU neurons (all of them dead: the network cannot learn any more) */
    health: v.optional(RELU_HEALTH),
    /** when the naive sigmoid overflowed so far in this run (null for a checkpoint) */
    overflowLog: v.optional(v.nullable(OVERFLOW_SUMMARY)),
    /** true when this shows a checkpoint (scrub), not the live network */
    scrubbed: v.boolean(),
  }),
  v.check((s) => {
    const { sizes } = s.network;
    const grids = s.grids;
    const cells = grids.neuronResolution ** 2;
    const neuronsFit =
      grids.neuronResolution === 0
        ? grids.neurons.length === 0
        : grids.neurons.length === sizes.length - 1 &&
          grids.neurons.every((layer, k) => layer.length === sizes[k + 1] && layer.every((grid) => grid.length === cells));
    return (
      passFits(s.pass, s.network) &&
      sizeIs(grids.output, grids.resolution ** 2) &&
      neuronsFit &&
      sizeIs(s.evaluation.outputs, s.pass.count * sizes[sizes.length - 1])
    );
  }, 'the snapshot’s arrays do not fit its network'),
);

/** Why a run stopped (null while running or before the first play). */
export const STOP_REASONS = ['paused', 'maxEpochs', 'targetCost', 'diverged', 'ranEpochs'] as const;
export const RUN_START_REASONS = ['configure', 'reset', 'newSeed', 'loadNetwork', 'loadData'] as const;

export const RUN_STATUS = v.object({
  running: v.boolean(),
  /** epochs completed */
  epoch: count,
  /** measured over the last half second while running; 0 when idle */
  epochsPerSecond: v.pipe(v.number(), v.finite(), v.minValue(0)),
  speed: v.picklist(SPEEDS),
  stopReason: v.nullable(v.picklist(STOP_REASONS)),
  /** for the status line (why it stopped, divergence …): a coded message, or null */
  message: v.nullable(PROBLEM),
});

const INSPECTED = checked<{ type: 'inspected' } & InspectedPasses>()(
  v.pipe(
    v.object({
      type: v.literal('inspected'),
      runId: count,
      epoch: count,
      options: TRAIN_OPTIONS,
      network: NETWORK,
      pass: PASS,
      otherPass: PASS,
      note: v.optional(v.nullable(v.string())),
    }),
    v.check((e) => passFits(e.pass, e.network) && passFits(e.otherPass, e.network), 'the passes do not fit their network'),
  ),
);

const GRADIENT_CHECKED = checked<{ type: 'gradientChecked' } & CheckedGradients>()(
  v.object({
    type: v.literal('gradientChecked'),
    runId: count,
    epoch: count,
    options: TRAIN_OPTIONS,
    check: v.nullable(GRADIENT_CHECK),
    samplesChecked: count,
    sampleCount: count,
    note: v.nullable(v.string()),
  }),
);

export const LAB_EVENT = v.variant('type', [
  /** A new run began: the history starts again from epoch 0. */
  v.pipe(
    v.object({ type: v.literal('runStarted'), runId: count, reason: v.picklist(RUN_START_REASONS), config: CONFIG, data: DATASET, network: NETWORK }),
    v.check(
      (e) => e.network.sizes[0] === e.data.inputSize && e.network.sizes[e.network.sizes.length - 1] === e.data.outputSize,
      'the network does not fit the data',
    ),
  ),
  /** Options changed and the weights were kept. */
  v.object({ type: v.literal('configured'), runId: count, config: CONFIG }),
  /** costs[k] is the cost of epoch startEpoch + k + 1; batches follow each other without gaps. */
  v.object({ type: v.literal('costs'), runId: count, startEpoch: count, costs: f64 }),
  v.object({ type: v.literal('snapshot'), runId: count, snapshot: LAB_SNAPSHOT }),
  v.object({ type: v.literal('status'), runId: count, status: RUN_STATUS }),
  /** A command was refused or failed; nothing changed. */
  v.object({ type: v.literal('error'), message: PROBLEM }),
  /** The answer to the command sent with this request id, after every event it caused: done (error null) or refused, nothing changed. */
  v.object({ type: v.literal('answered'), requestId: positiveCount, error: v.nullable(PROBLEM) }),
  /** The step-through's passes and gradient check (inspectCommands.ts). */
  INSPECTED,
  GRADIENT_CHECKED,
]);

/** The first problem with a message from the training worker, in words, or null when it is a LabEvent. */
export function labEventProblem(message: unknown): string | null {
  const result = v.safeParse(LAB_EVENT, message, { abortEarly: true });
  if (result.success) return null;
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  const type =
    typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string'
      ? `a “${(message as { type: string }).type.slice(0, 40)}” message`
      : 'a message';
  return `${type}${path ? ` at ${path}` : ''}: ${issue.message.slice(0, 160)}`;
}

/** What a run's later events must fit: its network's sizes and its data's sample count (from its 'runStarted' event). */
export interface RunShape {
  runId: number;
  sizes: readonly number[];
  count: number;
}

/** The shape a 'runStarted' event starts. */
export const runShapeOf = (event: Extract<v.InferOutput<typeof LAB_EVENT>, { type: 'runStarted' }>): RunShape => ({
  runId: event.runId,
  sizes: event.network.sizes,
  count: event.data.count,
});

/**
 * Why a valid event does not fit the run it names (a snapshot of another network, a pass over
 * other data), or null. Events of other runs are the store's to drop, so they always fit here.
 */
export function runMisfit(run: RunShape | null, event: v.InferOutput<typeof LAB_EVENT>): string | null {
  if (run === null || (event.type !== 'snapshot' && event.type !== 'inspected') || event.runId !== run.runId) return null;
  const { network, pass } = event.type === 'snapshot' ? event.snapshot : event;
  const same = network.sizes.length === run.sizes.length && network.sizes.every((n, l) => n === run.sizes[l]);
  if (!same) return `a “${event.type}” message of a ${network.sizes.join('-')} network for run ${run.runId}, whose network is ${run.sizes.join('-')}`;
  if (pass.count !== run.count) return `a “${event.type}” message over ${pass.count} samples for run ${run.runId}, whose data has ${run.count}`;
  return null;
}
