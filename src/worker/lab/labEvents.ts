/**
 * The training worker's events (worker → page) as valibot schemas: the one declaration of their
 * shape. protocol.ts derives the event types from these, and the page checks every message against
 * them before the store sees it (a worker with a bug, or anything else posting to the page, cannot
 * hand React a snapshot it cannot draw). Arrays are checked for their type and their length against
 * the network's sizes, not element by element, so a check costs microseconds even for a big snapshot.
 */
import * as v from 'valibot';
import {
  ACTIVATIONS,
  COSTS,
  DATASETS,
  DERIVATIVE_MODES,
  ENGINE_CODES,
  type BoundaryGrids,
  type Dataset,
  type Divergence,
  type EngineMessage,
  type Evaluation,
  GRADIENT_DIVISORS,
  type GradientCheck,
  INIT_METHODS,
  type LabConfig,
  type Network,
  type OverflowSummary,
  type PassRecord,
  type ReluHealth,
  SIGMOID_FORMS,
  type TrainOptions,
  layoutOf,
} from '../../engine';
import type { CheckedGradients, InspectedPasses } from './inspectProtocol';

/** Epochs per second; 'max' trains as fast as the engine goes (declared here: the status event carries it). */
export const SPEEDS = [1, 10, 100, 1000, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

export function isSpeed(value: unknown): value is Speed {
  return (SPEEDS as readonly unknown[]).includes(value);
}

/** A schema whose output is exactly the engine's `T`; compiles only if what the schema accepts is a `T`. */
const typed =
  <T>() =>
  <S extends v.GenericSchema<unknown, T>>(schema: S): v.GenericSchema<unknown, T> =>
    schema;

/** The same check for an option of the event variant, which must stay an object schema. */
const checked =
  <T>() =>
  <S extends v.GenericSchema<unknown, T>>(schema: S): S =>
    schema;

/** Any number, NaN included (a diverged run's cost is one). */
const anyNumber = v.custom<number>((x) => typeof x === 'number');
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const positiveCount = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const f64 = v.custom<Float64Array>((x) => x instanceof Float64Array);
const f32 = v.custom<Float32Array>((x) => x instanceof Float32Array);
const sizeIs = (array: ArrayLike<unknown> | null, n: number) => array !== null && array.length === n;

const NETWORK = typed<Network>()(
  v.pipe(
    v.object({
      sizes: v.pipe(v.array(positiveCount), v.minLength(2), v.maxLength(12)),
      activations: v.array(v.picklist(ACTIVATIONS)),
      leakySlope: v.pipe(v.number(), v.finite()),
      params: f64,
    }),
    v.check(
      (net) => net.activations.length === net.sizes.length - 1 && net.params.length === layoutOf(net.sizes).parameterCount,
      'the network’s activations or parameters do not fit its sizes',
    ),
  ),
);

const DOMAIN = v.tuple([v.number(), v.number(), v.number(), v.number()]);

const DATASET = typed<Dataset>()(
  v.pipe(
    v.object({
      name: v.string(),
      kind: v.picklist(['gate', 'plane', 'custom']),
      count: positiveCount,
      inputSize: positiveCount,
      outputSize: positiveCount,
      inputs: f64,
      targets: f64,
      domain: DOMAIN,
    }),
    v.check((d) => sizeIs(d.inputs, d.count * d.inputSize) && sizeIs(d.targets, d.count * d.outputSize), 'the data’s arrays do not fit its count'),
  ),
);

const CONFIG = typed<LabConfig>()(
  v.object({
    dataset: v.picklist(DATASETS),
    hidden: v.array(positiveCount),
    hiddenActivation: v.picklist(ACTIVATIONS),
    outputActivation: v.picklist(ACTIVATIONS),
    cost: v.picklist(COSTS),
    derivative: v.picklist(DERIVATIVE_MODES),
    learningRate: v.pipe(v.number(), v.finite()),
    batchSize: count,
    init: v.picklist(INIT_METHODS),
    seed: count,
    dataSeed: count,
    epochs: positiveCount,
    gradientDivisor: v.picklist(GRADIENT_DIVISORS),
    sigmoidForm: v.picklist(SIGMOID_FORMS),
    freezeBiases: v.boolean(),
    leakySlope: v.pipe(v.number(), v.finite()),
  }),
);

const TRAIN_OPTIONS = typed<TrainOptions>()(
  v.object({
    cost: v.picklist(COSTS),
    learningRate: v.pipe(v.number(), v.finite()),
    derivative: v.picklist(DERIVATIVE_MODES),
    batchSize: count,
    gradientDivisor: v.picklist(GRADIENT_DIVISORS),
    sigmoidForm: v.picklist(SIGMOID_FORMS),
    freezeBiases: v.boolean(),
  }),
);

const LAYER_RECORD = v.object({
  layer: positiveCount,
  size: positiveCount,
  z: f64,
  a: f64,
  delta: f64,
  fPrimeAtZ: f64,
  fPrimeAtA: f64,
  meanActivation: f64,
  gradWeights: f64,
  gradBiases: f64,
});

const PASS_FIELDS = v.object({
  count: positiveCount,
  inputs: f64,
  targets: f64,
  outputs: f64,
  cost: anyNumber,
  sampleCosts: f64,
  layers: v.array(LAYER_RECORD),
  gradient: f64,
  keptSamples: count,
  sampleGradients: v.nullable(f64),
  divisor: anyNumber,
  learningRate: anyNumber,
  paramsBefore: f64,
  paramsAfter: f64,
  overflows: count,
});

/** Whether a pass's arrays all fit the network it ran on. */
function passFits(pass: PassRecord, net: Pick<Network, 'sizes'>): boolean {
  const { sizes } = net;
  const L = sizes.length - 1;
  const P = layoutOf(sizes).parameterCount;
  const n = pass.count;
  if (pass.keptSamples > n || pass.layers.length !== L) return false;
  if (!sizeIs(pass.inputs, n * sizes[0]) || !sizeIs(pass.targets, n * sizes[L]) || !sizeIs(pass.outputs, n * sizes[L]) || !sizeIs(pass.sampleCosts, n))
    return false;
  if (!sizeIs(pass.gradient, P) || !sizeIs(pass.paramsBefore, P) || !sizeIs(pass.paramsAfter, P)) return false;
  if (pass.sampleGradients !== null && pass.sampleGradients.length !== n * P) return false;
  return pass.layers.every((layer, k) => {
    const size = sizes[k + 1];
    const kept = pass.keptSamples * size;
    return (
      layer.layer === k + 1 &&
      layer.size === size &&
      [layer.z, layer.a, layer.delta, layer.fPrimeAtZ, layer.fPrimeAtA].every((array) => array.length === kept) &&
      sizeIs(layer.meanActivation, size) &&
      sizeIs(layer.gradWeights, size * sizes[k]) &&
      sizeIs(layer.gradBiases, size)
    );
  });
}

const PASS = typed<PassRecord>()(PASS_FIELDS);

const GRIDS = typed<BoundaryGrids>()(
  v.object({
    resolution: positiveCount,
    domain: DOMAIN,
    output: f32,
    neuronResolution: count,
    neurons: v.array(v.array(f32)),
  }),
);

const EVALUATION = typed<Evaluation>()(v.object({ cost: anyNumber, outputs: f64, correct: count, accuracy: anyNumber, solved: v.boolean() }));

/** An engine message (engine/messages.ts): a known code, and values that are text, numbers or messages nested at most three deep. */
function engineMessageSchema(depth: number): v.GenericSchema<EngineMessage> {
  const value =
    depth > 0
      ? v.union([v.pipe(v.string(), v.maxLength(2000)), v.number(), engineMessageSchema(depth - 1)])
      : v.union([v.pipe(v.string(), v.maxLength(2000)), v.number()]);
  return v.object({ code: v.picklist(ENGINE_CODES), values: v.record(v.string(), value) });
}
const ENGINE_MESSAGE = engineMessageSchema(3);
/** A refusal or a reason: coded, or a fault's own words. */
const PROBLEM = v.union([v.string(), ENGINE_MESSAGE]);

const DIVERGENCE = typed<Divergence>()(
  v.object({ epoch: count, layer: count, quantity: v.picklist(['weights', 'biases', 'z', 'a', 'cost']), message: ENGINE_MESSAGE }),
);

const RELU_HEALTH = typed<ReluHealth>()(v.object({ hiddenRelu: count, dead: v.array(v.tuple([count, count])), allDead: v.boolean() }));

const OVERFLOW_SUMMARY = typed<OverflowSummary>()(
  v.object({ firstEpoch: v.nullable(count), lastEpoch: v.nullable(count), epochsWithOverflow: count, total: count }),
);

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
export const STOP_REASONS = ['paused', 'maxEpochs', 'targetCost', 'diverged', 'ranEpochs', 'step'] as const;
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

const PARAMETER_CHECK = v.object({
  index: count,
  layer: positiveCount,
  kind: v.picklist(['weight', 'bias']),
  j: count,
  i: v.pipe(v.number(), v.safeInteger(), v.minValue(-1)),
  analytic: anyNumber,
  numeric: anyNumber,
  relativeError: anyNumber,
  directionError: anyNumber,
});

const LAYER_AGREEMENT = v.object({ layer: positiveCount, cosine: anyNumber, scale: anyNumber });

const GRADIENT_CHECK = typed<GradientCheck>()(
  v.object({
    parameters: v.array(PARAMETER_CHECK),
    maxRelativeError: anyNumber,
    worst: v.nullable(PARAMETER_CHECK),
    floor: anyNumber,
    layers: v.array(LAYER_AGREEMENT),
  }),
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
