/**
 * Datasets: rows of inputs and targets in flat Float64Arrays (sample-major).
 * Gates use the question's sample order (1,1), (0,1), (1,0), (0,0).
 */
import type { CostName } from './costs';
import { describedValue } from './json';
import { type EngineMessage, engineMessage } from './messages';
import { cos, sin } from './math';
import { Rng, RngStream } from './rng';

export interface Dataset {
  readonly name: string;
  readonly kind: 'gate' | 'plane' | 'custom';
  readonly count: number;
  readonly inputSize: number;
  readonly outputSize: number;
  /** count × inputSize, sample-major */
  readonly inputs: Float64Array;
  /** count × outputSize, sample-major */
  readonly targets: Float64Array;
  /** The input plane shown by the boundary views: [x1 min, x1 max, x2 min, x2 max]. */
  readonly domain: readonly [number, number, number, number];
}

export const GATES = ['OR', 'AND', 'XOR', 'NAND', 'NOR', 'XNOR'] as const;
export const PLANE_SETS = ['circle', 'gaussians', 'spiral', 'quadrants'] as const;
export type GateName = (typeof GATES)[number];
export type PlaneSetName = (typeof PLANE_SETS)[number];
export type DatasetName = GateName | PlaneSetName;
export const DATASETS: readonly DatasetName[] = [...GATES, ...PLANE_SETS];

/** The gates' inputs in the question's order. */
const GATE_INPUTS: readonly (readonly [number, number])[] = [
  [1, 1],
  [0, 1],
  [1, 0],
  [0, 0],
];

const GATE_RULES: Record<GateName, (p: number, q: number) => boolean> = {
  OR: (p, q) => p === 1 || q === 1,
  AND: (p, q) => p === 1 && q === 1,
  XOR: (p, q) => p !== q,
  NAND: (p, q) => !(p === 1 && q === 1),
  NOR: (p, q) => !(p === 1 || q === 1),
  XNOR: (p, q) => p === q,
};

export function gateDataset(gate: GateName): Dataset {
  const inputs = new Float64Array(8);
  const targets = new Float64Array(4);
  GATE_INPUTS.forEach(([p, q], s) => {
    inputs[2 * s] = p;
    inputs[2 * s + 1] = q;
    targets[s] = GATE_RULES[gate](p, q) ? 1 : 0;
  });
  return { name: gate, kind: 'gate', count: 4, inputSize: 2, outputSize: 1, inputs, targets, domain: [-0.25, 1.25, -0.25, 1.25] };
}

const PLANE_RADIUS = 2;

/** A seeded two-dimensional set of `count` points in [−2, 2]², labels 0/1. */
export function planeDataset(name: PlaneSetName, count = 200, seed = 0, noise = 0.1): Dataset {
  const rng = new Rng(seed, RngStream.data);
  const inputs = new Float64Array(count * 2);
  const targets = new Float64Array(count);
  const R = PLANE_RADIUS;
  for (let s = 0; s < count; s++) {
    let x = 0;
    let y = 0;
    let label = 0;
    if (name === 'circle') {
      // inner disc labelled 1, outer ring 0
      label = s % 2 === 0 ? 1 : 0;
      const r = label === 1 ? rng.range(0, R * 0.45) : rng.range(R * 0.65, R * 0.95);
      const angle = rng.range(0, 2 * Math.PI);
      x = r * cos(angle) + noise * rng.normal() * 0.5;
      y = r * sin(angle) + noise * rng.normal() * 0.5;
    } else if (name === 'gaussians') {
      label = s % 2 === 0 ? 1 : 0;
      const centre = label === 1 ? 0.9 : -0.9;
      x = centre + rng.normal() * (0.35 + noise);
      y = centre + rng.normal() * (0.35 + noise);
    } else if (name === 'spiral') {
      // two interleaved arms, one per class
      label = s % 2;
      const t = (Math.floor(s / 2) / Math.ceil(count / 2)) * 1.75 * Math.PI;
      const r = (t / (1.75 * Math.PI)) * R * 0.9 + 0.1;
      const phase = label === 1 ? 0 : Math.PI;
      x = r * cos(t + phase) + noise * rng.normal() * 0.5;
      y = r * sin(t + phase) + noise * rng.normal() * 0.5;
    } else {
      // noisy four-quadrant XOR: label 1 where the signs differ
      x = rng.range(-R * 0.95, R * 0.95);
      y = rng.range(-R * 0.95, R * 0.95);
      const gap = 0.1;
      x += x > 0 ? gap : -gap;
      y += y > 0 ? gap : -gap;
      label = x * y < 0 ? 1 : 0;
      x += noise * rng.normal() * 0.5;
      y += noise * rng.normal() * 0.5;
    }
    inputs[2 * s] = Math.max(-R, Math.min(R, x));
    inputs[2 * s + 1] = Math.max(-R, Math.min(R, y));
    targets[s] = label;
  }
  return { name, kind: 'plane', count, inputSize: 2, outputSize: 1, inputs, targets, domain: [-R, R, -R, R] };
}

export function namedDataset(name: DatasetName, seed = 0): Dataset {
  return (GATES as readonly string[]).includes(name) ? gateDataset(name as GateName) : planeDataset(name as PlaneSetName, 200, seed);
}

/** Upper bound on samples a user file may hold, so a stray file cannot hang the page. */
export const MAX_USER_SAMPLES = 10_000;

/** A read value, or why not: the engine's message (messages.ts), or another reader's `E`. */
export type ParseResult<T, E = EngineMessage> = { ok: true; value: T } | { ok: false; error: E };

/** Builds a dataset from row arrays, checking every field; names the first bad one. */
export function datasetFromRows(inputs: unknown, targets: unknown, name = 'custom'): ParseResult<Dataset> {
  const fail = (error: EngineMessage) => ({ ok: false as const, error });
  if (!Array.isArray(inputs)) return fail(engineMessage('rowsNotArray', { field: 'inputs' }));
  if (!Array.isArray(targets)) return fail(engineMessage('rowsNotArray', { field: 'targets' }));
  if (inputs.length === 0) return fail(engineMessage('rowsNone'));
  if (inputs.length > MAX_USER_SAMPLES) return fail(engineMessage('rowsTooMany', { max: MAX_USER_SAMPLES, count: inputs.length }));
  if (targets.length !== inputs.length) return fail(engineMessage('rowsTargetCount', { expected: inputs.length, count: targets.length }));
  const checkRows = (rows: unknown[], field: string): ParseResult<number> => {
    let width = -1;
    for (let s = 0; s < rows.length; s++) {
      const row = rows[s];
      if (!Array.isArray(row)) return fail(engineMessage('rowNotArray', { field, row: s }));
      if (width === -1) width = row.length;
      if (row.length === 0 || row.length > 64) return fail(engineMessage('rowWidth', { field, row: s, count: row.length }));
      if (row.length !== width) return fail(engineMessage('rowUneven', { field, row: s, expected: width, count: row.length }));
      for (let k = 0; k < row.length; k++) {
        const v = row[k];
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail(engineMessage('rowEntry', { field, row: s, column: k, value: describedValue(v) }));
      }
    }
    return { ok: true, value: width };
  };
  const inW = checkRows(inputs, 'inputs');
  if (!inW.ok) return inW;
  const outW = checkRows(targets, 'targets');
  if (!outW.ok) return outW;
  const count = inputs.length;
  const flatIn = new Float64Array(count * inW.value);
  const flatOut = new Float64Array(count * outW.value);
  for (let s = 0; s < count; s++) {
    flatIn.set(inputs[s] as number[], s * inW.value);
    flatOut.set(targets[s] as number[], s * outW.value);
  }
  return {
    ok: true,
    value: { name, kind: 'custom', count, inputSize: inW.value, outputSize: outW.value, inputs: flatIn, targets: flatOut, domain: domainOf(flatIn, inW.value) },
  };
}

/**
 * Cross-entropy −[y ln a + (1−y) ln(1−a)] has its minimum at a = y only for y in [0, 1]; outside it
 * the cost has no floor and goes negative. The rule where data meets the cost: the first target
 * outside [0, 1] (row = sample and column counted from 1, as the page and the CSV header do), or null.
 */
export function costTargetsError(cost: CostName, data: Pick<Dataset, 'targets' | 'outputSize'>): EngineMessage | null {
  if (cost !== 'crossEntropy') return null;
  const { targets, outputSize } = data;
  for (let k = 0; k < targets.length; k++) {
    const y = targets[k];
    if (y >= 0 && y <= 1) continue;
    const row = Math.floor(k / outputSize) + 1;
    const column = (k % outputSize) + 1;
    return engineMessage('costTargets', { row, column: `y${column}`, value: describedValue(y) });
  }
  return null;
}

/** A padded bounding box of the first two input columns. */
function domainOf(inputs: Float64Array, width: number): [number, number, number, number] {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (let s = 0; s < inputs.length / width; s++) {
    const x = inputs[s * width];
    const y = width > 1 ? inputs[s * width + 1] : 0;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const padX = Math.max((x1 - x0) * 0.15, 0.25);
  const padY = Math.max((y1 - y0) * 0.15, 0.25);
  return [x0 - padX, x1 + padX, y0 - padY, y1 + padY];
}
