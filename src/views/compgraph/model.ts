/**
 * The computational graph of one neuron for one sample, as micrograd draws it: every scalar the
 * neuron computes (each w·a product, the sum with b, f, and at the output the sample's cost) with
 * its value and its gradient ∂C_s/∂node. Numbers come from the stepper's record reader
 * (`readValue` on the same PassRecord); the few that the record does not hold (a product w·a, the
 * share w·δ one edge carries back, ∂C/∂a) are products and sums of recorded numbers, marked derived.
 */
import { COST_KERNELS, layoutOf } from '../../engine';
import { formatNumber } from '../format';
import { neuronSymbol, sub, sup, weightSymbol } from '../notation';
import { notKept, passSizes, readValue } from '../stepper/records';
import type { StepContext, ValueRef } from '../stepper/types';
import { t } from '../../i18n/setup';

type CompNodeKind = 'input' | 'weight' | 'bias' | 'product' | 'sum' | 'activation' | 'target' | 'cost' | 'downstream';

export interface CompNode {
  id: string;
  kind: CompNodeKind;
  /** plain-text symbol: w²₁₂, w²₁₂·a¹₂, z²₁ … */
  label: string;
  value: number;
  /** ∂C_s/∂node, null where the graph does not differentiate (the target y) */
  grad: number | null;
  /** where the value / gradient were read in the record; absent when derived from recorded numbers */
  valueRef?: ValueRef;
  gradRef?: ValueRef;
  /** extra lines: the local derivative, the sum of the incoming shares */
  notes: string[];
  /** the column the layout puts the node in (0 = leaves … 4 = cost or the next layer) */
  column: number;
}

interface CompEdge {
  from: string;
  to: string;
  /** the share of ∂C/∂from this edge carries back, printed on hidden activations' outgoing edges */
  share?: number;
}

export interface CompGraph {
  layer: number;
  j: number;
  sample: number;
  nodes: CompNode[];
  edges: CompEdge[];
  /** inputs (and next-layer neurons) left out to keep the drawing readable */
  omittedInputs: number;
  omittedDownstream: number;
}

/** Inputs and next-layer neurons drawn before the rest are counted as left out. */
const COMP_GRAPH_FAN_LIMIT = 8;

export interface NeuronChoice {
  layer: number;
  j: number;
}

/** A reason the graph cannot be drawn for this choice, or null. */
export function compGraphProblem(ctx: StepContext, choice: NeuronChoice, sample: number): string | null {
  const sizes = passSizes(ctx.pass);
  if (choice.layer < 1 || choice.layer >= sizes.length || choice.j < 0 || choice.j >= sizes[choice.layer])
    return t('compgraph.noNeuron', { j: choice.j + 1, layer: choice.layer });
  if (sample < 0 || sample >= ctx.pass.count) return t('step.problem.noSample', { sample: sample + 1, count: ctx.pass.count });
  if (sample >= ctx.pass.keptSamples) return t('compgraph.notKept', { sample: sample + 1, kept: ctx.pass.keptSamples });
  return null;
}

export function buildCompGraph(ctx: StepContext, choice: NeuronChoice, sample: number): CompGraph {
  const { pass, otherPass } = ctx;
  const sizes = passSizes(pass);
  const L = sizes.length - 1;
  const { layer: l, j } = choice;
  const s = sample;
  const read = (ref: ValueRef) => readValue(ref, pass, otherPass);
  const nIn = sizes[l - 1];
  const layout = layoutOf(sizes);
  const wIndex = (layer: number, to: number, from: number) => layout.weightOffset[layer] + to * sizes[layer - 1] + from;
  const bIndex = layout.biasOffset[l] + j;
  const deltaRef: ValueRef = { kind: 'delta', layer: l, sample: s, j };
  const delta = read(deltaRef);
  const nodes: CompNode[] = [];
  const edges: CompEdge[] = [];

  const inputCount = Math.min(nIn, COMP_GRAPH_FAN_LIMIT);
  for (let i = 0; i < inputCount; i++) {
    const aRef: ValueRef = { kind: 'a', layer: l - 1, sample: s, j: i };
    const wRef: ValueRef = { kind: 'param', index: wIndex(l, j, i), when: 'before' };
    const a = read(aRef);
    const w = read(wRef);
    const share = w * delta;
    const aNode: CompNode = { id: `a${i}`, kind: 'input', label: neuronSymbol(l - 1, i), value: a, valueRef: aRef, grad: share, notes: [], column: 0 };
    // a hidden input feeds every neuron of layer l: this graph draws only its share through z^l_j
    if (sizes[l] > 1) aNode.notes.push(t('compgraph.shareOnly', { z: `z${sup(l)}${sub(j + 1)}` }));
    nodes.push(aNode);
    nodes.push({
      id: `w${i}`,
      kind: 'weight',
      label: weightSymbol(l, j, i),
      value: w,
      valueRef: wRef,
      ...sampleGradient(wIndex(l, j, i), delta * a),
      notes: [],
      column: 0,
    });
    nodes.push({
      id: `p${i}`,
      kind: 'product',
      label: `${weightSymbol(l, j, i)}·${neuronSymbol(l - 1, i)}`,
      value: w * a,
      grad: delta,
      gradRef: deltaRef,
      notes: [],
      column: 1,
    });
    edges.push({ from: `a${i}`, to: `p${i}` }, { from: `w${i}`, to: `p${i}` }, { from: `p${i}`, to: 'z' });
  }
  const bRef: ValueRef = { kind: 'param', index: bIndex, when: 'before' };
  nodes.push({
    id: 'b',
    kind: 'bias',
    label: `b${sup(l)}${sub(j + 1)}`,
    value: read(bRef),
    valueRef: bRef,
    ...sampleGradient(bIndex, delta),
    notes: [],
    column: 0,
  });
  edges.push({ from: 'b', to: 'z' });
  const zRef: ValueRef = { kind: 'z', layer: l, sample: s, j };
  nodes.push({
    id: 'z',
    kind: 'sum',
    label: `${neuronSymbol(l, j, 'z')} = Σ + b`,
    value: read(zRef),
    valueRef: zRef,
    grad: delta,
    gradRef: deltaRef,
    notes: [],
    column: 2,
  });

  const activation = activationNode(ctx, l, j, s, read);
  nodes.push(activation);
  edges.push({ from: 'z', to: 'f' });

  let omittedDownstream = 0;
  if (l === L) {
    const yRef: ValueRef = { kind: 'target', sample: s, j };
    nodes.push({ id: 'y', kind: 'target', label: `y${sub(j + 1)}`, value: read(yRef), valueRef: yRef, grad: null, notes: [], column: 3 });
    const costRef: ValueRef = { kind: 'sampleCost', sample: s };
    const costNote = sizes[L] > 1 ? [t('compgraph.sumsOutputs', { count: sizes[L] })] : [];
    nodes.push({
      id: 'C',
      kind: 'cost',
      label: t('compgraph.costLabel', { sample: s + 1 }),
      value: read(costRef),
      valueRef: costRef,
      grad: 1,
      gradRef: { kind: 'constant', value: 1 },
      notes: costNote,
      column: 4,
    });
    edges.push({ from: 'f', to: 'C' }, { from: 'y', to: 'C' });
  } else {
    // BP2's Σₖ made visible: a^l_j reaches every neuron k of layer l+1 through w^(l+1)_kj
    const nNext = sizes[l + 1];
    const shown = Math.min(nNext, COMP_GRAPH_FAN_LIMIT);
    omittedDownstream = nNext - shown;
    for (let k = 0; k < shown; k++) {
      const w = read({ kind: 'param', index: wIndex(l + 1, k, j), when: 'before' });
      const nextDeltaRef: ValueRef = { kind: 'delta', layer: l + 1, sample: s, j: k };
      const nextDelta = read(nextDeltaRef);
      const share = w * nextDelta;
      const note = t('compgraph.sendsBack', { share: formatNumber(share) });
      nodes.push({
        id: `d${k}`,
        kind: 'downstream',
        label: t('compgraph.downstreamLabel', { product: `${weightSymbol(l + 1, k, j)}·${neuronSymbol(l, j)}`, z: neuronSymbol(l + 1, k, 'z') }),
        value: w * activation.value,
        grad: nextDelta,
        gradRef: nextDeltaRef,
        notes: [note],
        column: 4,
      });
      edges.push({ from: 'f', to: `d${k}`, share });
    }
  }
  return { layer: l, j, sample: s, nodes, edges, omittedInputs: nIn - inputCount, omittedDownstream };

  function sampleGradient(index: number, derived: number): Pick<CompNode, 'grad' | 'gradRef'> {
    const ref: ValueRef = { kind: 'gradient', index, sample: s };
    return notKept(ref, pass, otherPass) ? { grad: derived } : { grad: read(ref), gradRef: ref };
  }
}

/** a = f(z): its gradient (from the cost, or the sum of the next layer's shares) and the local derivative it is multiplied by. */
function activationNode(ctx: StepContext, l: number, j: number, s: number, read: (ref: ValueRef) => number): CompNode {
  const sizes = passSizes(ctx.pass);
  const L = sizes.length - 1;
  const aRef: ValueRef = { kind: 'a', layer: l, sample: s, j };
  const a = read(aRef);
  const fz = read({ kind: 'fPrimeAtZ', layer: l, sample: s, j });
  const fa = read({ kind: 'fPrimeAtA', layer: l, sample: s, j });
  const notes: string[] = [];
  let grad: number;
  if (l === L) {
    const y = read({ kind: 'target', sample: s, j });
    const crossEntropy = ctx.settings.cost === 'crossEntropy';
    grad = COST_KERNELS[ctx.settings.cost].gradient(a, y);
    notes.push(crossEntropy ? '∂C/∂a = (a−y)/(a(1−a))' : '∂C/∂a = a − y');
    // BP1 takes f′ at z whatever the mode; the slip is in BP2 only
    notes.push(t('compgraph.local', { value: formatNumber(fz) }));
    if (crossEntropy) notes.push('σ: ∂C/∂z = a − y (BP1)');
  } else {
    const nNext = sizes[l + 1];
    const weightOffset = layoutOf(sizes).weightOffset[l + 1];
    const shares = Array.from({ length: nNext }, (_, k) => {
      const w = read({ kind: 'param', index: weightOffset + k * sizes[l] + j, when: 'before' });
      return w * read({ kind: 'delta', layer: l + 1, sample: s, j: k });
    });
    grad = shares.reduce((sum, v) => sum + v, 0);
    const terms = shares.length <= 4 ? shares.map(formatNumber).join(' + ') : t('compgraph.shares', { count: shares.length });
    notes.push(`∂C/∂a = Σₖ w·δ = ${terms}`);
    if (ctx.settings.derivative === 'buggy') {
      notes.push(t('compgraph.uses', { value: formatNumber(fa) }));
      notes.push(t('compgraph.true', { value: formatNumber(fz) }));
    } else notes.push(t('compgraph.local', { value: formatNumber(fz) }));
  }
  return { id: 'f', kind: 'activation', label: `${neuronSymbol(l, j)} = f(z)`, value: a, valueRef: aRef, grad, notes, column: 3 };
}
