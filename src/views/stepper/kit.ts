/** What every step builder needs: the record, its shape, and makers of TeX lines and table cells. */
import { type ActivationName, type Layout, layoutOf, parameterPlace } from '../../engine';
import { formatNumber } from '../format';
import { t } from '../../i18n/setup';
import { highlightOf, notKept, passSizes, readValue } from './records';
import { texLine, type TexLineBuilder } from './tex';
import type { StepContext, StepTable, TableCell, TableRow, TexLine, ValueRef } from './types';

/** Rows and column groups a table shows before it says how many it left out. */
export const TABLE_ROW_LIMIT = 16;
export const TABLE_COLUMN_LIMIT = 8;

export interface StepKit {
  ctx: StepContext;
  sizes: number[];
  /** index of the output layer */
  L: number;
  layout: Layout;
  /** the samples the step shows: [s] for one sample, every sample for the batch */
  samples: number[];
  batch: boolean;
  read(ref: ValueRef): number;
  line(build: (t: TexLineBuilder) => string): TexLine;
  cell(ref: ValueRef, mark?: TableCell['mark']): TableCell;
  /** TeX name of f_l */
  f(l: number): string;
}

export function makeKit(ctx: StepContext): StepKit {
  const sizes = passSizes(ctx.pass);
  const layout = layoutOf(sizes);
  const read = (ref: ValueRef): number => readValue(ref, ctx.pass, ctx.otherPass);
  const missing = (ref: ValueRef): boolean => notKept(ref, ctx.pass, ctx.otherPass);
  const batch = ctx.sample === 'mean';
  return {
    ctx,
    sizes,
    L: sizes.length - 1,
    layout,
    samples: batch ? Array.from({ length: ctx.pass.count }, (_, s) => s) : [ctx.sample as number],
    batch,
    read,
    line: (build) => texLine(read, build, missing),
    cell: (ref, mark) => {
      const value = read(ref);
      const cell: TableCell = { value, text: missing(ref) ? t('step.notKept') : formatNumber(value), ref, at: highlightOf(ref, layout) };
      if (mark) cell.mark = mark;
      return cell;
    },
    f: (l) => activationTex(ctx.network.activations[l - 1]),
  };
}

/** Short per-entry equations, two to a line (`\qquad` apart) so small matrices stay compact. */
export function pairedLines<T>(kit: StepKit, items: readonly T[], build: (t: TexLineBuilder, item: T) => string): TexLine[] {
  const lines: TexLine[] = [];
  for (let k = 0; k < items.length; k += 2) {
    const pair = items.slice(k, k + 2);
    lines.push(kit.line((t) => pair.map((item) => build(t, item)).join(',\\qquad ')));
  }
  return lines;
}

function activationTex(name: ActivationName): string {
  switch (name) {
    case 'sigmoid':
      return '\\sigma';
    case 'tanh':
      return '\\tanh';
    case 'relu':
      return '\\operatorname{ReLU}';
    case 'leakyRelu':
      return '\\operatorname{LReLU}';
    case 'linear':
      return '\\operatorname{id}';
  }
}

export function activationLabel(name: ActivationName, leakySlope: number): string {
  return t('step.activation', { name, slope: formatNumber(leakySlope) });
}

/** The first `limit` of 0 … n−1, and how many were left out. */
export function firstOf(n: number, limit: number): { shown: number[]; omitted: number } {
  const count = Math.min(n, limit);
  return { shown: Array.from({ length: count }, (_, k) => k), omitted: n - count };
}

export function makeTable(id: string, caption: string, columns: string[], rows: TableRow[], omittedRows = 0, omittedColumns = 0): StepTable {
  return { id, caption, columns, rows, omittedRows, omittedColumns };
}

/**
 * Neuron indices j, i as printed: 1-based, as Nielsen writes them and as the network graph labels
 * x₁, a¹₁, w²₁₂ (src/views/notation.ts); samples are counted from 1 too. The record stays 0-based.
 */
const NEURON_INDEX_BASE = 1;
export const ix = (j: number): number => j + NEURON_INDEX_BASE;

/** TeX name of the weight from neuron i (layer l−1) to neuron j (layer l), 0-based in, 1-based out. */
export function weightTex(l: number, j: number, i: number): string {
  return ix(j) > 9 || ix(i) > 9 ? `w^{${l}}_{${ix(j)},${ix(i)}}` : `w^{${l}}_{${ix(j)}${ix(i)}}`;
}

/** TeX name of parameter `index` (a weight or a bias). */
export function parameterTex(kit: Pick<StepKit, 'layout' | 'sizes'>, index: number): string {
  const place = parameterPlace(kit.sizes, index, kit.layout);
  if (!place) return `\theta_{${index}}`;
  return place.kind === 'bias' ? `b^{${place.layer}}_{${ix(place.j)}}` : weightTex(place.layer, place.j, place.i);
}

/** Row label of a sample: s = 1 (1-based, as the learner counts). */
export function sampleLabel(s: number): string {
  return `s = ${s + 1}`;
}

/** The batch's sample rows of a table, capped, as [shown samples, omitted count]. */
function tableSamples(kit: StepKit): { shown: number[]; omitted: number } {
  const { shown, omitted } = firstOf(kit.samples.length, TABLE_ROW_LIMIT);
  return { shown: shown.map((k) => kit.samples[k]), omitted };
}

/** A per-sample table whose columns are groups of neuron values: rows samples, columns group × neurons. */
export function sampleTable(
  kit: StepKit,
  id: string,
  caption: string,
  groups: Array<{ size: number; header: (j: number) => string; ref: (s: number, j: number) => ValueRef; mark?: TableCell['mark'] }>,
): StepTable {
  const rowsOf = tableSamples(kit);
  let omittedColumns = 0;
  const columns: string[] = [];
  const shownPerGroup = groups.map((g) => {
    const cols = firstOf(g.size, TABLE_COLUMN_LIMIT);
    omittedColumns += cols.omitted;
    columns.push(...cols.shown.map((j) => g.header(j)));
    return cols.shown;
  });
  const rows = rowsOf.shown.map((s) => ({
    label: sampleLabel(s),
    cells: groups.flatMap((g, k) => shownPerGroup[k].map((j) => kit.cell(g.ref(s, j), g.mark))),
  }));
  return makeTable(id, caption, columns, rows, rowsOf.omitted, omittedColumns);
}
