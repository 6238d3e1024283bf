/** Shared fixtures of the stepper tests: the shipped examples, passes under both derivatives, and a TeX number reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DerivativeMode,
  type Network,
  type Dataset,
  type PassRecord,
  type TrainOptions,
  DEFAULT_TRAIN_OPTIONS,
  initializeNetwork,
  inspectPass,
  planeDataset,
} from '../../src/engine';
import { type LoadedExample, exampleFromTexts, parseExampleIndex } from '../../src/views/stepper/examples';
import type { StepContext, ValueRef } from '../../src/views/stepper/types';

const EXAMPLES_DIR = join(import.meta.dirname, '../../public/examples');

export function readExampleFile(file: string): string {
  return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}

export function loadShippedExample(id: string): LoadedExample {
  const index = parseExampleIndex(readExampleFile('index.json'));
  if (!index.ok) throw new Error(index.error);
  const entry = index.value.find((e) => e.id === id);
  if (!entry) throw new Error(`no example ${id}`);
  const loaded = exampleFromTexts(entry, readExampleFile(entry.network), readExampleFile(entry.dataset));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
}

export interface Scenario {
  name: string;
  network: Network;
  data: Dataset;
  options: TrainOptions;
}

export function contextOf(scenario: Scenario, sample: StepContext['sample'], withOther = true): StepContext & { pass: PassRecord } {
  const other: DerivativeMode = scenario.options.derivative === 'buggy' ? 'correct' : 'buggy';
  return {
    network: scenario.network,
    pass: inspectPass(scenario.network, scenario.data, scenario.options),
    otherPass: withOther ? inspectPass(scenario.network, scenario.data, { ...scenario.options, derivative: other }) : null,
    settings: { cost: scenario.options.cost, derivative: scenario.options.derivative, freezeBiases: scenario.options.freezeBiases },
    sample,
  };
}

/** Every shipped example plus a deeper and a wide network, so elision and BP2 over several layers are covered. */
export function scenarios(): Scenario[] {
  const fromExample = (id: string): Scenario => {
    const e = loadShippedExample(id);
    return { name: id, network: e.network, data: e.data, options: e.options };
  };
  const plane = planeDataset('circle', 24, 3);
  return [
    fromExample('question-xor'),
    {
      ...fromExample('question-xor'),
      name: 'question-xor correct, frozen',
      options: { ...fromExample('question-xor').options, derivative: 'correct', gradientDivisor: 'samples', freezeBiases: true },
    },
    fromExample('two-outputs'),
    fromExample('answer-relu'),
    {
      name: 'deep tanh [2,3,3,1] quadratic, buggy',
      network: initializeNetwork([2, 3, 3, 1], ['tanh', 'tanh', 'sigmoid'], 'normal', 7),
      data: plane,
      options: { ...DEFAULT_TRAIN_OPTIONS, cost: 'quadratic', derivative: 'buggy', learningRate: 0.2 },
    },
    {
      name: 'wide [2,10,12,1] sigmoid',
      network: initializeNetwork([2, 10, 12, 1], ['sigmoid', 'sigmoid', 'sigmoid'], 'xavier', 3),
      data: plane,
      options: { ...DEFAULT_TRAIN_OPTIONS, derivative: 'correct' },
    },
  ];
}

/**
 * The numbers of a TeX line in reading order. Sub- and superscripts (indices, layer numbers, ^{2},
 * ^{T}) and \text{…} are not numbers the step shows; 1.2\times10^{-5} is one number.
 */
export function texNumbers(tex: string): number[] {
  let s = tex.replace(/(-?\d+(?:\.\d+)?)\\times10\^\{(-?\d+)\}/g, '$1e$2');
  s = s.replace(/\\text\{[^}]*\}/g, ' ').replace(/\\color\{[^}]*\}/g, ' ');
  s = s.replace(/[_^]\{[^{}]*\}/g, ' ');
  return (s.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?|\\infty|NaN/g) ?? []).map((token) => (token === '\\infty' ? Infinity : token === 'NaN' ? NaN : Number(token)));
}

/** Printed text (formatNumber: true minus, e-notation) back to a number. */
export function textNumber(text: string): number {
  const t = text.replace(/\u2212/g, '-');
  if (t === '∞') return Infinity;
  if (t === '-∞') return -Infinity;
  return Number(t);
}

/** Four significant digits: the printed number is within half a unit of the fourth digit. */
export function closeToPrinted(printed: number, value: number): boolean {
  if (Number.isNaN(value)) return Number.isNaN(printed);
  if (!Number.isFinite(value)) return printed === value;
  return Math.abs(printed - value) <= 5e-4 * Math.abs(value) + 1e-300;
}

/**
 * The test's own reading of a ref, written against the engine's documented layouts (sample-major
 * arrays, params W^l row-major then b^l), independent of the stepper's reader.
 */
export function expectedValue(ref: ValueRef, ctx: StepContext & { pass: PassRecord }, network: Network): number {
  const { pass, otherPass } = ctx;
  const n0 = network.sizes[0];
  const nL = network.sizes[network.sizes.length - 1];
  switch (ref.kind) {
    case 'a':
      return ref.layer === 0 ? pass.inputs[ref.sample * n0 + ref.j] : pass.layers[ref.layer - 1].a[ref.sample * network.sizes[ref.layer] + ref.j];
    case 'z':
      return pass.layers[ref.layer - 1].z[ref.sample * network.sizes[ref.layer] + ref.j];
    case 'delta':
      return (ref.other ? otherPass! : pass).layers[ref.layer - 1].delta[ref.sample * network.sizes[ref.layer] + ref.j];
    case 'fPrimeAtZ':
      return pass.layers[ref.layer - 1].fPrimeAtZ[ref.sample * network.sizes[ref.layer] + ref.j];
    case 'fPrimeAtA':
      return pass.layers[ref.layer - 1].fPrimeAtA[ref.sample * network.sizes[ref.layer] + ref.j];
    case 'target':
      return pass.targets[ref.sample * nL + ref.j];
    case 'param':
      return ref.when === 'before' ? network.params[ref.index] : pass.paramsAfter[ref.index];
    case 'gradient': {
      const record = ref.other ? otherPass! : pass;
      return ref.sample === undefined ? record.gradient[ref.index] : record.sampleGradients![ref.sample * network.params.length + ref.index];
    }
    case 'cost':
      return pass.cost;
    case 'sampleCost':
      return pass.sampleCosts[ref.sample];
    case 'count':
      return pass.count;
    case 'divisor':
      return pass.divisor;
    case 'learningRate':
      return pass.learningRate;
    case 'constant':
      return ref.value;
    case 'difference':
      return expectedValue(ref.of, ctx, network) - expectedValue(ref.minus, ctx, network);
  }
}
