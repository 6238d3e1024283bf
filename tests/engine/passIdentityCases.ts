/**
 * Random training configurations and a hash of every number each produces, for the pass identity
 * test (passIdentity.test.ts): any change to the engine's floating-point work, down to one bit of
 * one epoch's cost, changes a hash. The golden hashes come from the engine as it was before the
 * speed work of issue 13 (commit 1d41cb5); regenerate them only from code whose numbers are the
 * reference:  node --import tsx tests/engine/passIdentityCases.ts --write
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exp, expm1, log, log10, log1p, tanh } from '../../src/engine/math';
import {
  ACTIVATIONS,
  type ActivationName,
  type Dataset,
  type LabConfig,
  type Network,
  SLIP_IDS,
  type SlipId,
  type SlippedOptions,
  Trainer,
  buildRun,
  createNetwork,
  evaluate,
  inspectPass,
  layoutOf,
  questionConfig,
} from '../../src/engine';

export const GOLDEN_PATH = fileURLToPath(new URL('./passIdentity.golden.json', import.meta.url));
export const CASE_COUNT = 300;

/** mulberry32: the cases' own generator, independent of the engine's. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  net: Network;
  data: Dataset;
  options: SlippedOptions;
  epochs: number;
  /** epoch at which the options change mid-run (0: never), and what to */
  changeAt: number;
  change: Partial<SlippedOptions>;
  /** a weight typed at epoch changeAt as well */
  typeWeight: boolean;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Case k: a random shape, data, options and slips, drawn from seed k. */
export function makeCase(k: number): Case {
  const random = generator(9001 + k * 7919);
  const hidden = Array.from({ length: Math.floor(random() * 4) }, () => 1 + Math.floor(random() * 6));
  const sizes = [1 + Math.floor(random() * 3), ...hidden, 1 + Math.floor(random() * 2)];
  const activations: ActivationName[] = sizes.slice(1).map(() => pick(random, ACTIVATIONS));
  // most cases have the lab's usual sigmoid output
  if (random() < 0.6) activations[activations.length - 1] = 'sigmoid';
  const output = activations[activations.length - 1];
  const cost = output === 'sigmoid' && random() < 0.75 ? 'crossEntropy' : 'quadratic';
  const leakySlope = pick(random, [0, 0.01, 0.3, -0.2]);
  const spread = pick(random, [0.5, 1, 2, 6, 40]);
  const params = Float64Array.from({ length: layoutOf(sizes).parameterCount }, () => (random() * 2 - 1) * spread);
  const net = createNetwork(sizes, activations, params, leakySlope);
  const count = 1 + Math.floor(random() * 12);
  const nIn = sizes[0];
  const nOut = sizes[sizes.length - 1];
  // a few inputs far out, so that the naive sigmoid's e^(−z) overflows somewhere
  const inputs = Float64Array.from({ length: count * nIn }, () => (random() < 0.05 ? (random() * 2 - 1) * 900 : (random() * 2 - 1) * 2));
  const targets = Float64Array.from({ length: count * nOut }, () =>
    cost === 'crossEntropy' ? (random() < 0.8 ? Math.round(random()) : random()) : (random() * 2 - 1) * 1.5,
  );
  const data: Dataset = { name: `case${k}`, kind: 'custom', domain: [-2, 2, -2, 2], inputs, targets, count, inputSize: nIn, outputSize: nOut };
  const slipPool = SLIP_IDS.filter((id) => id !== 'derivativeAtA' && id !== 'divideByFeatures' && id !== 'naiveSigmoid');
  const slips: SlipId[] = random() < 0.3 ? slipPool.filter(() => random() < 0.3) : [];
  const batchChoices = [0, 0, 0, 1, 2, 3, count, count + 5];
  const options: SlippedOptions = {
    learningRate: pick(random, [0.01, 0.1, 0.35, 1, 3, 60]),
    cost,
    derivative: random() < 0.5 ? 'buggy' : 'correct',
    gradientDivisor: random() < 0.5 ? 'features' : 'samples',
    sigmoidForm: random() < 0.25 ? 'naive' : 'stable',
    batchSize: pick(random, batchChoices),
    freezeBiases: random() < 0.2,
  };
  if (slips.length > 0) options.slips = slips;
  const epochs = 150 + Math.floor(random() * 200);
  const changeAt = random() < 0.3 ? 1 + Math.floor(random() * epochs) : 0;
  const change: Partial<SlippedOptions> = {
    derivative: random() < 0.5 ? 'buggy' : 'correct',
    batchSize: pick(random, batchChoices),
    learningRate: pick(random, [0.05, 0.5]),
  };
  return { net, data, options, epochs, changeAt, change, typeWeight: random() < 0.5 };
}

/** Everything one case computes: every epoch's cost and overflows, the stop, divergence, weights, evaluation and inspect pass. */
export function caseNumbers(c: Case): { numbers: number[]; summary: string } {
  const numbers: number[] = [];
  const trainer = new Trainer(c.net, c.data, c.options, 77);
  const record = (ran: number, costs: Float64Array, overflows: number[]) => {
    numbers.push(ran, ...costs.subarray(0, ran), ...overflows);
  };
  const runPart = (epochs: number) => {
    const costs = new Float64Array(epochs);
    const overflows: number[] = [];
    let ran = 0;
    let reason = 'epochs';
    for (let k = 0; k < epochs; k++) {
      const result = trainer.train(1, costs, k);
      ran += result.ran;
      overflows.push(trainer.lastOverflows);
      reason = result.reason;
      if (result.reason !== 'epochs') break;
    }
    record(ran, costs, overflows);
    return reason;
  };
  let reason = runPart(c.changeAt > 0 ? c.changeAt : c.epochs);
  if (c.changeAt > 0) {
    trainer.setOptions(c.change);
    if (c.typeWeight) {
      c.net.params[0] = c.net.params[0] * 0.5 + 0.25;
      trainer.paramsChanged();
    }
    reason = runPart(c.epochs - c.changeAt);
  }
  const d = trainer.divergence;
  numbers.push(trainer.epoch, trainer.lastCost, d ? d.epoch : -1, d ? d.layer : -1, ...c.net.params);
  const evaluation = evaluate(c.net, c.data, trainer.options);
  numbers.push(evaluation.cost, ...evaluation.outputs, evaluation.correct);
  const pass = inspectPass(c.net, c.data, trainer.options);
  numbers.push(pass.cost, ...pass.gradient, ...pass.paramsAfter, ...pass.sampleCosts, pass.overflows);
  for (const layer of pass.layers) numbers.push(...layer.z, ...layer.a, ...layer.delta);
  const summary = `${trainer.epoch} epochs, ${reason}${d ? `, diverged at ${d.epoch} in layer ${d.layer} (${d.quantity})` : ''}, cost ${trainer.lastCost}`;
  return { numbers, summary };
}

/** Two lab runs as the bench times them: the question's XOR and the spiral on mini-batches. */
export function labRunNumbers(which: 'question' | 'spiral'): number[] {
  const question = questionConfig('XOR');
  const config: LabConfig =
    which === 'question'
      ? { ...question, seed: 3 }
      : {
          ...question,
          dataset: 'spiral',
          hidden: [8, 8],
          hiddenActivation: 'tanh',
          derivative: 'correct',
          gradientDivisor: 'samples',
          learningRate: 0.03,
          batchSize: 10,
          init: 'xavier',
        };
  const run = buildRun(config);
  const epochs = which === 'question' ? 3000 : 40;
  const costs = new Float64Array(epochs);
  run.trainer.train(epochs, costs);
  return [...costs, ...run.net.params];
}

/** The arguments of the math check: spreads over each function's ranges, and a hundred doubles each side of every branch point. */
function mathArguments(): Float64Array {
  const random = generator(4242);
  const xs: number[] = [0, -0, Infinity, -Infinity, Number.NaN, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE];
  for (const spread of [1e-12, 1e-6, 0.01, 0.5, 1, 2, 5, 20, 50, 800]) for (let k = 0; k < 20_000; k++) xs.push((random() * 2 - 1) * spread);
  const points = [
    0.3465735912322998,
    1.0397205352783203,
    38.81622314453125,
    709.7822265625,
    709.782712893384,
    745.1332191019411,
    22,
    1,
    2 ** -28,
    2 ** -29,
    2 ** -54,
    2 ** -55,
    0.4142136573791504,
    0.2928934097290039,
    0.9999,
  ];
  for (let m = -64; m <= 64; m++) points.push((m + 0.5) * Math.LN2, (m + 0.5) * Math.LN2 * 0.5);
  const bits = new Float64Array(1);
  const words = new BigInt64Array(bits.buffer);
  for (const point of points) {
    for (const sign of [1, -1]) {
      bits[0] = sign * point;
      const at = words[0];
      for (let step = -100n; step <= 100n; step++) {
        words[0] = at + step;
        xs.push(bits[0]);
      }
    }
  }
  return Float64Array.from(xs);
}

/** Each elementary function of src/engine/math on every argument of mathArguments, hashed. */
export function mathHashes(): Record<string, string> {
  const xs = mathArguments();
  const hashes: Record<string, string> = {};
  for (const [name, f] of Object.entries({ exp, expm1, tanh, log, log1p, log10 })) hashes[name] = hashNumbers(Array.from(xs, (x) => f(x)));
  return hashes;
}

/** SHA-256 of the numbers' bits, in hex (16 digits are plenty to tell two runs apart). */
export function hashNumbers(numbers: readonly number[]): string {
  return createHash('sha256')
    .update(new Uint8Array(Float64Array.from(numbers).buffer))
    .digest('hex')
    .slice(0, 16);
}

export interface Golden {
  cases: Array<{ hash: string; summary: string }>;
  question: string;
  spiral: string;
  /** each elementary function's values on mathArguments */
  math: Record<string, string>;
}

function computeGolden(): Golden {
  const cases = Array.from({ length: CASE_COUNT }, (_, k) => {
    const { numbers, summary } = caseNumbers(makeCase(k));
    return { hash: hashNumbers(numbers), summary };
  });
  return { cases, question: hashNumbers(labRunNumbers('question')), spiral: hashNumbers(labRunNumbers('spiral')), math: mathHashes() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(GOLDEN_PATH, `${JSON.stringify(computeGolden(), null, 2)}\n`);
  console.log(`wrote ${GOLDEN_PATH}`);
}
