/**
 * valibot schemas of the engine's values that the training worker's events carry (network, data,
 * configuration, pass record, grids, gradient check): each compiles only if what it accepts is the
 * engine's type. Arrays are checked for type and length against the network, not element by element.
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

/** A schema whose output is exactly the engine's `T`; compiles only if what the schema accepts is a `T`. */
const typed =
  <T>() =>
  <S extends v.GenericSchema<unknown, T>>(schema: S): v.GenericSchema<unknown, T> =>
    schema;

/** The same check for an option of the event variant, which must stay an object schema. */
export const checked =
  <T>() =>
  <S extends v.GenericSchema<unknown, T>>(schema: S): S =>
    schema;

/** Any number, NaN included (a diverged run's cost is one). */
export const anyNumber = v.custom<number>((x) => typeof x === 'number');
export const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
export const positiveCount = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
export const f64 = v.custom<Float64Array>((x) => x instanceof Float64Array);
const f32 = v.custom<Float32Array>((x) => x instanceof Float32Array);
export const sizeIs = (array: ArrayLike<unknown> | null, n: number) => array !== null && array.length === n;

export const NETWORK = typed<Network>()(
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

export const DATASET = typed<Dataset>()(
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

export const CONFIG = typed<LabConfig>()(
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

export const TRAIN_OPTIONS = typed<TrainOptions>()(
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
export function passFits(pass: PassRecord, net: Pick<Network, 'sizes'>): boolean {
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

export const PASS = typed<PassRecord>()(PASS_FIELDS);

export const GRIDS = typed<BoundaryGrids>()(
  v.object({
    resolution: positiveCount,
    domain: DOMAIN,
    output: f32,
    neuronResolution: count,
    neurons: v.array(v.array(f32)),
  }),
);

export const EVALUATION = typed<Evaluation>()(v.object({ cost: anyNumber, outputs: f64, correct: count, accuracy: anyNumber, solved: v.boolean() }));

/** An engine message (engine/messages.ts): a known code, and values that are text, numbers or messages nested at most three deep. */
function engineMessageSchema(depth: number): v.GenericSchema<EngineMessage> {
  const text = v.pipe(v.string(), v.maxLength(2000));
  const value = depth > 0 ? v.union([text, v.number(), engineMessageSchema(depth - 1)]) : v.union([text, v.number()]);
  return v.object({ code: v.picklist(ENGINE_CODES), values: v.record(v.string(), value) });
}
const ENGINE_MESSAGE = engineMessageSchema(3);
/** A refusal or a reason: coded, or a fault's own words. */
export const PROBLEM = v.union([v.string(), ENGINE_MESSAGE]);

export const DIVERGENCE = typed<Divergence>()(
  v.object({ epoch: count, layer: count, quantity: v.picklist(['weights', 'biases', 'z', 'a', 'cost']), message: ENGINE_MESSAGE }),
);

export const RELU_HEALTH = typed<ReluHealth>()(v.object({ hiddenRelu: count, dead: v.array(v.tuple([count, count])), allDead: v.boolean() }));

export const OVERFLOW_SUMMARY = typed<OverflowSummary>()(
  v.object({ firstEpoch: v.nullable(count), lastEpoch: v.nullable(count), epochsWithOverflow: count, total: count }),
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
  kink: v.boolean(),
});

const LAYER_AGREEMENT = v.object({ layer: positiveCount, cosine: anyNumber, scale: anyNumber });

export const GRADIENT_CHECK = typed<GradientCheck>()(
  v.object({
    parameters: v.array(PARAMETER_CHECK),
    maxRelativeError: anyNumber,
    worst: v.nullable(PARAMETER_CHECK),
    floor: anyNumber,
    layers: v.array(LAYER_AGREEMENT),
  }),
);
