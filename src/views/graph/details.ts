/**
 * What the tooltip says about a neuron, weight or bias: each row names a quantity in the house
 * notation and carries the PassRecord's own number (the network's parameters before any pass).
 */
import { type Network, type PassRecord, type SampleSelection, layoutOf } from '../../engine';
import { neuronSymbol, weightSymbol } from '../notation';
import type { GraphItem } from './layout';
import { activationValue, keptSamplesText, layerValue, passMatches, sampleKept } from './values';
import { t } from '../../i18n/setup';

interface DetailRow {
  symbol: string;
  name: string;
  value: number;
}

interface SampleTable {
  columns: string[];
  rows: { label: string; values: number[] }[];
}

export interface ItemDetails {
  title: string;
  subtitle: string;
  rows: DetailRow[];
  /** per-sample values, shown in "Mean" mode for small batches */
  table?: SampleTable;
  note?: string;
}

const SMALL_BATCH = 8;

function layerName(network: Network, l: number): string {
  const L = network.sizes.length - 1;
  if (l === 0) return t('graph.tip.layerInput');
  const activation = t('activation.name', { name: network.activations[l - 1] });
  return l === L ? t('graph.tip.layerOutput', { activation }) : t('graph.tip.layerHidden', { layer: l, activation });
}

/** "(1, 0) → 1": the sample's inputs and targets, from the pass. */
export function sampleLabel(pass: PassRecord, s: number, format: (v: number) => string): string {
  const n0 = pass.inputs.length / Math.max(1, pass.count);
  const nL = pass.targets.length / Math.max(1, pass.count);
  const x = Array.from(pass.inputs.subarray(s * n0, s * n0 + n0), format).join(', ');
  const y = Array.from(pass.targets.subarray(s * nL, s * nL + nL), format).join(', ');
  return `(${x}) → ${y}`;
}

export function describeItem(
  item: GraphItem,
  network: Network,
  passOrNull: PassRecord | null,
  sample: SampleSelection,
  format: (v: number) => string,
): ItemDetails {
  const pass = passMatches(network, passOrNull) ? passOrNull : null;
  const s = sample === 'mean' || !pass || sample >= pass.count ? null : sample;
  const sampleText = pass
    ? s === null
      ? t('graph.tip.batch', { count: pass.count.toLocaleString('en') })
      : t('graph.tip.sample', { n: s + 1, label: sampleLabel(pass, s, format) })
    : t('graph.tip.noPass');
  const { layer: l, j } = item;
  if (item.kind === 'neuron') return describeNeuron(network, pass, l, j, s, sampleText, format);
  if (item.kind === 'bias') {
    const index = biasIndexOf(network, l, j);
    const rows: DetailRow[] = [{ symbol: neuronSymbol(l, j, 'b'), name: t('graph.tip.bias'), value: pass ? pass.paramsBefore[index] : network.params[index] }];
    if (pass) {
      rows.push({ symbol: `∂C/∂${neuronSymbol(l, j, 'b')}`, name: t('graph.tip.gradientBias'), value: pass.gradient[index] });
      rows.push({ symbol: 'Δb', name: t('graph.tip.updateBias'), value: pass.paramsAfter[index] - pass.paramsBefore[index] });
      if (s !== null && sampleKept(pass, s))
        rows.push({ symbol: neuronSymbol(l, j, 'δ'), name: t('graph.tip.sampleDelta'), value: layerValue(pass, 'delta', l, j, s) });
    }
    return {
      title: itemName(item, false),
      subtitle: `${layerName(network, l)} · ${sampleText}`,
      rows,
      note: pass && s !== null ? notKeptNote(pass, s) : undefined,
    };
  }
  const i = item.i;
  const index = weightIndexOf(network, l, j, i);
  const rows: DetailRow[] = [{ symbol: weightSymbol(l, j, i), name: t('graph.tip.weight'), value: pass ? pass.paramsBefore[index] : network.params[index] }];
  if (pass) {
    rows.push({ symbol: `∂C/∂${weightSymbol(l, j, i)}`, name: t('graph.tip.gradientWeight'), value: pass.gradient[index] });
    rows.push({ symbol: 'Δw', name: t('graph.tip.updateWeight'), value: pass.paramsAfter[index] - pass.paramsBefore[index] });
    if (s !== null && sampleKept(pass, s)) {
      const P = pass.paramsBefore.length;
      rows.push({ symbol: neuronSymbol(l, j, 'δ'), name: t('graph.tip.sampleDelta'), value: layerValue(pass, 'delta', l, j, s) });
      rows.push({ symbol: neuronSymbol(l - 1, i), name: t('graph.tip.inputActivation'), value: activationValue(pass, l - 1, i, s) });
      if (pass.sampleGradients) rows.push({ symbol: `δ·a`, name: t('graph.tip.sampleTerm'), value: pass.sampleGradients[s * P + index] });
    }
  }
  const from = neuronSymbol(l - 1, i);
  const note = pass && s !== null ? (notKeptNote(pass, s) ?? (pass.sampleGradients ? undefined : t('graph.tip.termNotKept'))) : undefined;
  return { title: itemName(item, false), subtitle: `${from} → ${neuronSymbol(l, j)} · ${sampleText}`, rows, note };
}

function describeNeuron(
  network: Network,
  pass: PassRecord | null,
  l: number,
  j: number,
  s: number | null,
  sampleText: string,
  format: (v: number) => string,
): ItemDetails {
  const title = itemName({ kind: 'neuron', layer: l, j });
  const subtitle = `${layerName(network, l)} · ${sampleText}`;
  if (!pass) {
    if (l === 0) return { title, subtitle, rows: [] };
    const index = biasIndexOf(network, l, j);
    return { title, subtitle, rows: [{ symbol: neuronSymbol(l, j, 'b'), name: t('graph.tip.bias'), value: network.params[index] }] };
  }
  if (l === 0) {
    if (s !== null) return { title, subtitle, rows: [{ symbol: neuronSymbol(0, j), name: t('graph.tip.inputValue'), value: activationValue(pass, 0, j, s) }] };
    return {
      title,
      subtitle,
      rows: [{ symbol: t('graph.tip.mean', { symbol: neuronSymbol(0, j) }), name: t('graph.tip.batchMean'), value: activationValue(pass, 0, j, 'mean') }],
      table: sampleTable(pass, 0, j, format),
    };
  }
  const index = biasIndexOf(network, l, j);
  const rows: DetailRow[] = [];
  if (s !== null && sampleKept(pass, s)) {
    rows.push({ symbol: neuronSymbol(l, j, 'z'), name: t('graph.tip.weightedInput'), value: layerValue(pass, 'z', l, j, s) });
    rows.push({ symbol: neuronSymbol(l, j, 'a'), name: t('graph.tip.activation'), value: layerValue(pass, 'a', l, j, s) });
    rows.push({ symbol: neuronSymbol(l, j, 'δ'), name: t('graph.tip.delta'), value: layerValue(pass, 'delta', l, j, s) });
    rows.push({ symbol: `f′(z)`, name: t('graph.tip.slopeAtZ'), value: layerValue(pass, 'fPrimeAtZ', l, j, s) });
    rows.push({ symbol: `f′(a)`, name: t('graph.tip.slopeAtA'), value: layerValue(pass, 'fPrimeAtA', l, j, s) });
  } else {
    rows.push({
      symbol: t('graph.tip.mean', { symbol: neuronSymbol(l, j, 'a') }),
      name: t('graph.tip.meanActivation'),
      value: activationValue(pass, l, j, 'mean'),
    });
  }
  rows.push({ symbol: neuronSymbol(l, j, 'b'), name: t('graph.tip.bias'), value: pass.paramsBefore[index] });
  rows.push({ symbol: `∂C/∂${neuronSymbol(l, j, 'b')}`, name: t('graph.tip.gradientBias'), value: pass.gradient[index] });
  return { title, subtitle, rows, table: s === null ? sampleTable(pass, l, j, format) : undefined, note: s !== null ? notKeptNote(pass, s) : undefined };
}

/** Why a sample's z, a, δ are missing from the tooltip, or undefined when they are there. */
function notKeptNote(pass: PassRecord, s: number): string | undefined {
  if (sampleKept(pass, s)) return undefined;
  return t('graph.tip.sampleNotKept', { n: s + 1, kept: keptSamplesText(pass) ?? '' });
}

function sampleTable(pass: PassRecord, l: number, j: number, format: (v: number) => string): SampleTable | undefined {
  if (pass.count > SMALL_BATCH) return undefined;
  const rows = [];
  for (let s = 0; s < pass.count; s++) {
    const label = sampleLabel(pass, s, format);
    rows.push(
      l === 0
        ? { label, values: [activationValue(pass, 0, j, s)] }
        : { label, values: [layerValue(pass, 'z', l, j, s), layerValue(pass, 'a', l, j, s), layerValue(pass, 'delta', l, j, s)] },
    );
  }
  return { columns: l === 0 ? [neuronSymbol(0, j)] : [neuronSymbol(l, j, 'z'), neuronSymbol(l, j, 'a'), neuronSymbol(l, j, 'δ')], rows };
}

export function weightIndexOf(network: Network, l: number, j: number, i: number): number {
  return layoutOf(network.sizes).weightOffset[l] + j * network.sizes[l - 1] + i;
}

export function biasIndexOf(network: Network, l: number, j: number): number {
  return layoutOf(network.sizes).biasOffset[l] + j;
}

/** The index in params of a weight or bias; −1 for a neuron. */
export function paramIndexOf(network: Network, item: GraphItem): number {
  if (item.kind === 'weight') return weightIndexOf(network, item.layer, item.j, item.i);
  if (item.kind === 'bias') return biasIndexOf(network, item.layer, item.j);
  return -1;
}

/** The name of an item: its accessible name (static: the values come through the tooltip), and the tooltip's title without a weight's ends. */
export function itemName(item: GraphItem, withEnds = true): string {
  if (item.kind === 'neuron') return t(item.layer === 0 ? 'graph.item.input' : 'graph.item.neuron', { symbol: neuronSymbol(item.layer, item.j) });
  if (item.kind === 'bias') return t('graph.item.bias', { symbol: neuronSymbol(item.layer, item.j, 'b') });
  const symbol = weightSymbol(item.layer, item.j, item.i);
  if (!withEnds) return t('graph.item.weight', { symbol });
  return t('graph.item.weightFromTo', { symbol, from: neuronSymbol(item.layer - 1, item.i), to: neuronSymbol(item.layer, item.j) });
}
