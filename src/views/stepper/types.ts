/**
 * The shapes the step-through works with. A step is built from a network shape (its place in the
 * pass) and then filled with numbers read from the engine's PassRecord; every number a step shows
 * carries a ValueRef saying where in the record it came from, so tests can check it and hovering
 * can point at it on the network graph.
 */
import type { CostName, DerivativeMode, Network, PassRecord, SampleSelection } from '../../engine';

export const PHASES = ['forward', 'cost', 'bp1', 'bp2', 'bp3', 'bp4', 'update', 'next'] as const;
export type Phase = (typeof PHASES)[number];

/** Same shape as the NetworkGraph's GraphHighlight: neurons [layer, j] (layer 0 = inputs) and param indices. */
export interface StepHighlight {
  neurons?: Array<[layer: number, j: number]>;
  params?: number[];
}

/** Which sample the numbers are for (the engine's, beside PassRecord). */
export type { SampleSelection };

/** Settings of the pass that the PassRecord does not carry. */
export interface StepSettings {
  cost: CostName;
  derivative: DerivativeMode;
  freezeBiases: boolean;
}

export interface StepContext {
  network: Network;
  pass: PassRecord;
  /** the same pass under the other derivative mode (for BP2's comparison), if the caller computed it */
  otherPass?: PassRecord | null;
  settings: StepSettings;
  sample: SampleSelection;
}

/** Where a shown number lives in the record(s). Layer 0 activations are the inputs. */
export type ValueRef =
  | { kind: 'a'; layer: number; sample: number; j: number }
  | { kind: 'z'; layer: number; sample: number; j: number }
  | { kind: 'delta'; layer: number; sample: number; j: number; other?: boolean }
  | { kind: 'fPrimeAtZ'; layer: number; sample: number; j: number }
  | { kind: 'fPrimeAtA'; layer: number; sample: number; j: number }
  | { kind: 'target'; sample: number; j: number }
  | { kind: 'param'; index: number; when: 'before' | 'after' }
  /** the batch gradient, or one sample's own term when `sample` is set */
  | { kind: 'gradient'; index: number; sample?: number; other?: boolean }
  | { kind: 'cost' }
  | { kind: 'sampleCost'; sample: number }
  | { kind: 'count' }
  | { kind: 'divisor' }
  | { kind: 'learningRate' }
  /** a constant of the formula itself (the 1 in 1 − y) */
  | { kind: 'constant'; value: number }
  /** other − this: the one display-only subtraction, showing how far the two derivative modes drift */
  | { kind: 'difference'; of: ValueRef; minus: ValueRef };

/** A step's place in the pass, known from the network shape alone. */
export interface StepDescriptor {
  id: string;
  phase: Phase;
  /** the layer l the step is about (null for cost and next) */
  layer: number | null;
  /** forward has two steps per layer: the weighted input z, then the activation a */
  part?: 'z' | 'a';
}

export interface TableCell {
  /** the number (null for a label-only cell) */
  value: number | null;
  /** as printed */
  text: string;
  ref?: ValueRef;
  /** what hovering the cell points at on the graph */
  at?: StepHighlight;
  /** used = the derivative the current mode uses, unused = the other one, frozen = a bias that is not updated */
  mark?: 'used' | 'unused' | 'frozen' | 'result';
}

export interface TableRow {
  /** TeX */
  label: string;
  cells: TableCell[];
}

export interface StepTable {
  id: string;
  caption: string;
  /** TeX, one per cell column */
  columns: string[];
  rows: TableRow[];
  /** rows and columns left out to keep the table compact */
  omittedRows: number;
  omittedColumns: number;
}

/** A line of TeX with numbers, and the refs of its numbers in order of appearance. */
export interface TexLine {
  tex: string;
  refs: ValueRef[];
}

export interface Step extends StepDescriptor {
  index: number;
  title: string;
  /** one plain sentence on what the step does */
  summary: string;
  /** the general equation (TeX) */
  equation: string;
  /** the same with the actual numbers */
  substituted: TexLine[];
  tables: StepTable[];
  highlight: StepHighlight;
  /** plain-text remarks: the buggy derivative, frozen biases, the 1/n₀ divisor */
  notes: string[];
}

/** What a phase's builder fills in (the rest comes from the step's place in the pass). */
export type StepBody = Pick<Step, 'title' | 'summary' | 'equation' | 'substituted' | 'tables' | 'notes'>;
