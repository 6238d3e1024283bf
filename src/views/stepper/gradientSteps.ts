/** BP3 and BP4 (the gradients of one layer), the update, and the hand-over to the next epoch. */
import { NEURON_LINE_LIMIT, sampleNote } from './forwardSteps';
import { firstOf, ix, makeTable, pairedLines, parameterTex, sampleLabel, TABLE_COLUMN_LIMIT, TABLE_ROW_LIMIT, weightTex, type StepKit } from './kit';
import { formatNumber } from '../format';
import { superscript, texColumn, texMatrix, texSum, type TexLineBuilder } from './tex';
import type { StepBody, StepTable, TableCell, TableRow, TexLine, ValueRef } from './types';
import { t as tr } from '../../i18n/setup';

const ONE: ValueRef = { kind: 'constant', value: 1 };
const aRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'a', layer: l, sample: s, j });
const deltaRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'delta', layer: l, sample: s, j });

/** 1/D where D is the record's divisor (N, or n₀ under the question's slip). */
const overD = (t: TexLineBuilder) => `\\frac{${t.num(ONE)}}{${t.num({ kind: 'divisor' })}}`;

/**
 * What the batch row holds, named honestly: ∂C/∂θ when D = N. Under the question's ÷ n₀ it is
 * (N/D)·∂C/∂θ of the mean cost shown, so it is called g (the step direction the code uses).
 */
interface GradientName {
  /** TeX of the batch quantity for a parameter written in TeX, e.g. \frac{\partial C}{\partial W^{1}} or g_{W^{1}} */
  tex(param: string): string;
  /** plain text for a parameter written in text, e.g. ∂C/∂W¹ or g(W¹) = 2·∂C/∂W¹ */
  text(param: string): string;
  /** N/D: 1 when the batch row is the true gradient */
  ratio: number;
}

function gradientName(kit: StepKit): GradientName {
  const { count, divisor } = kit.ctx.pass;
  const ratio = count / divisor;
  if (ratio === 1) return { ratio, tex: (param) => `\\frac{\\partial C}{\\partial ${param}}`, text: (param) => `∂C/∂${param}` };
  const factor = Number.isInteger(ratio) ? String(ratio) : ratio.toPrecision(3);
  return { ratio, tex: (param) => `g_{${param}}`, text: (param) => `g(${param}) = ${factor}·∂C/∂${param}` };
}

/** The definition's right-hand end under the slip: = (N/D) ∂C/∂θ. */
function slipTail(name: GradientName, param: string): string {
  return name.ratio === 1 ? '' : ` = \\frac{N}{D}\\frac{\\partial C}{\\partial ${param}}`;
}

/** The batch row's wording: the mean gradient, or (under the ÷ n₀ slip) the row g at N/D times the mean. */
function dividedBy(name: GradientName): { divided: 'yes' | 'no'; ratio: string } {
  return { divided: name.ratio === 1 ? 'no' : 'yes', ratio: formatNumber(name.ratio) };
}

function divisorNotes(kit: StepKit): string[] {
  const { count, divisor } = kit.ctx.pass;
  const notes = [sampleNote(kit)];
  if (divisor !== count) notes.push(tr('step.note.divisorSlip', { divisor, count, ratio: formatNumber(count / divisor) }));
  else notes.push(tr('step.note.divisorMean', { count }));
  if (!kit.batch) notes.push(tr('step.note.updateUsesBatch', { divided: divisor === count ? 'no' : 'yes' }));
  return notes;
}

/** Rows of every sample's own gradient term (capped), then the batch gradient, then the other mode's. */
function termsTable(kit: StepKit, l: number, id: string, caption: string, indices: number[], header: (index: number) => string): StepTable {
  const count = kit.ctx.pass.count;
  const rowsOf = firstOf(count, TABLE_ROW_LIMIT);
  const colsOf = firstOf(indices.length, TABLE_COLUMN_LIMIT);
  const shown = colsOf.shown.map((k) => indices[k]);
  const rows: TableRow[] = rowsOf.shown.map((s) => ({
    label: sampleLabel(s),
    cells: shown.map((index) => kit.cell({ kind: 'gradient', index, sample: s }, !kit.batch && s === kit.samples[0] ? 'used' : undefined)),
  }));
  rows.push({ label: `\\text{${tr('step.tex.batch')}}`, cells: shown.map((index) => kit.cell({ kind: 'gradient', index }, 'result')) });
  if (kit.ctx.otherPass && l < kit.L) {
    const mode = kit.ctx.settings.derivative === 'buggy' ? 'correct' : 'buggy';
    rows.push({ label: `\\text{${tr('step.tex.batchMode', { mode })}}`, cells: shown.map((index) => kit.cell({ kind: 'gradient', index, other: true })) });
  }
  return makeTable(id, caption, shown.map(header), rows, rowsOf.omitted, colsOf.omitted);
}

export function bp3Step(kit: StepKit, l: number): StepBody {
  const n = kit.sizes[l];
  const b0 = kit.layout.biasOffset[l];
  const grad = (j: number, s?: number): ValueRef => (s === undefined ? { kind: 'gradient', index: b0 + j } : { kind: 'gradient', index: b0 + j, sample: s });
  /* jscpd:ignore-start: the weight step opens as the bias step does, with its own references (docs/architecture.md) */
  const count = kit.ctx.pass.count;
  const name = gradientName(kit);
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    /* jscpd:ignore-end */
    substituted.push(kit.line((t) => `\\frac{\\partial C_{${s + 1}}}{\\partial b^{${l}}} = \\delta^{${l}} = ${texColumn(n, (j) => t.num(grad(j, s)))}`));
    substituted.push(
      kit.line(
        (t) => `${name.tex(`b^{${l}}`)} = ${overD(t)}\\sum_{s=1}^{N}\\frac{\\partial C_{s}}{\\partial b^{${l}}} = ${texColumn(n, (j) => t.num(grad(j)))}`,
      ),
    );
  } else {
    for (const j of firstOf(n, NEURON_LINE_LIMIT).shown) {
      substituted.push(
        kit.line(
          (t) => `${name.tex(`b^{${l}}_{${ix(j)}}`)} = ${overD(t)}\\big(${texSum(count, (s) => t.num(deltaRef(l, s, j), true))}\\big) = ${t.num(grad(j))}`,
        ),
      );
    }
  }
  const indices = Array.from({ length: n }, (_, j) => b0 + j);
  return {
    title: tr('step.bp3.title', { name: name.text(`b${superscript(l)}`) }),
    summary: tr('step.bp3.summary', { sup: superscript(l), ...dividedBy(name) }),
    equation: `${name.tex(`b^{${l}}`)} = \\frac{1}{D}\\sum_{s=1}^{N}\\delta^{${l}}_{s}${slipTail(name, `b^{${l}}`)}`,
    substituted,
    tables: [gradientTermsTable(kit, l, `bias${l}`, tr('step.table.biasTerms', { sup: superscript(l), ...dividedBy(name) }), indices)],
    notes: divisorNotes(kit),
  };
}

/** Each sample's ∂C/∂θ for the layer's parameters `indices`, and the batch's. */
function gradientTermsTable(kit: StepKit, l: number, id: string, caption: string, indices: number[]) {
  return termsTable(kit, l, id, caption, indices, (index) => `\\partial/\\partial ${parameterTex(kit, index)}`);
}

export function bp4Step(kit: StepKit, l: number): StepBody {
  const n = kit.sizes[l];
  const nIn = kit.sizes[l - 1];
  const w0 = kit.layout.weightOffset[l];
  const grad = (j: number, i: number, s?: number): ValueRef =>
    s === undefined ? { kind: 'gradient', index: w0 + j * nIn + i } : { kind: 'gradient', index: w0 + j * nIn + i, sample: s };
  const count = kit.ctx.pass.count;
  const entries = firstOf(n * nIn, NEURON_LINE_LIMIT).shown.map((k) => [Math.floor(k / nIn), k % nIn] as const);
  const name = gradientName(kit);
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    substituted.push(
      kit.line(
        (t) =>
          `\\frac{\\partial C_{${s + 1}}}{\\partial W^{${l}}} = \\delta^{${l}}(a^{${l - 1}})^{T} = ${texColumn(n, (j) => t.num(deltaRef(l, s, j)))}${texMatrix(1, nIn, (_, i) => t.num(aRef(l - 1, s, i)))} = ${texMatrix(n, nIn, (j, i) => t.num(grad(j, i, s)))}`,
      ),
    );
    substituted.push(
      ...pairedLines(
        kit,
        entries,
        (t, [j, i]) =>
          `\\partial C_{${s + 1}}/\\partial ${weightTex(l, j, i)} = ${t.num(deltaRef(l, s, j), true)}\\cdot${t.num(aRef(l - 1, s, i), true)} = ${t.num(grad(j, i, s))}`,
      ),
    );
    substituted.push(
      kit.line(
        (t) =>
          `${name.tex(`W^{${l}}`)} = ${overD(t)}\\sum_{s=1}^{N}\\frac{\\partial C_{s}}{\\partial W^{${l}}} = ${texMatrix(n, nIn, (j, i) => t.num(grad(j, i)))}`,
      ),
    );
  } else {
    substituted.push(
      kit.line(
        (t) =>
          `${name.tex(`W^{${l}}`)} = ${overD(t)}\\sum_{s=1}^{N}\\delta^{${l}}_{s}(a^{${l - 1}}_{s})^{T} = ${texMatrix(n, nIn, (j, i) => t.num(grad(j, i)))}`,
      ),
    );
    for (const [j, i] of entries) {
      substituted.push(
        kit.line(
          (t) =>
            `${name.tex(weightTex(l, j, i))} = ${overD(t)}\\big(${texSum(count, (s) => `${t.num(deltaRef(l, s, j), true)}\\cdot${t.num(aRef(l - 1, s, i), true)}`)}\\big) = ${t.num(grad(j, i))}`,
        ),
      );
    }
  }
  const indices = Array.from({ length: n * nIn }, (_, k) => w0 + k);
  return {
    title: tr('step.bp4.title', { name: name.text(`W${superscript(l)}`) }),
    summary: tr('step.bp4.summary', dividedBy(name)),
    equation: `${name.tex(`W^{${l}}`)} = \\frac{1}{D}\\sum_{s=1}^{N}\\delta^{${l}}_{s}\\,(a^{${l - 1}}_{s})^{T}${slipTail(name, `W^{${l}}`)}`,
    substituted,
    tables: [gradientTermsTable(kit, l, `weight${l}`, tr('step.table.weightTerms', { sup: superscript(l), ...dividedBy(name) }), indices)],
    notes: divisorNotes(kit),
  };
}

export function updateStep(kit: StepKit, l: number): StepBody {
  const n = kit.sizes[l];
  const nIn = kit.sizes[l - 1];
  const w0 = kit.layout.weightOffset[l];
  const b0 = kit.layout.biasOffset[l];
  const frozen = kit.ctx.settings.freezeBiases;
  const name = gradientName(kit);
  const before = (index: number): ValueRef => ({ kind: 'param', index, when: 'before' });
  const after = (index: number): ValueRef => ({ kind: 'param', index, when: 'after' });
  const grad = (index: number): ValueRef => ({ kind: 'gradient', index });
  const eta: ValueRef = { kind: 'learningRate' };
  const w = (j: number, i: number) => w0 + j * nIn + i;
  const substituted: TexLine[] = [
    kit.line(
      (t) =>
        `W^{${l}} \\leftarrow ${texMatrix(n, nIn, (j, i) => t.num(before(w(j, i))))} - ${t.num(eta)}${texMatrix(n, nIn, (j, i) => t.num(grad(w(j, i))))} = ${texMatrix(n, nIn, (j, i) => t.num(after(w(j, i))))}`,
    ),
    frozen
      ? kit.line((t) => `b^{${l}} = ${texColumn(n, (j) => t.num(after(b0 + j)))}\\quad\\text{${tr('step.tex.frozenNotUpdated')}}`)
      : kit.line(
          (t) =>
            `b^{${l}} \\leftarrow ${texColumn(n, (j) => t.num(before(b0 + j)))} - ${t.num(eta)}${texColumn(n, (j) => t.num(grad(b0 + j)))} = ${texColumn(n, (j) => t.num(after(b0 + j)))}`,
        ),
  ];
  const entries = firstOf(n * nIn, NEURON_LINE_LIMIT).shown.map((k) => w0 + k);
  substituted.push(
    ...pairedLines(
      kit,
      entries,
      (t, index) => `${parameterTex(kit, index)} \\leftarrow ${t.num(before(index))} - ${t.num(eta)}\\cdot${t.num(grad(index), true)} = ${t.num(after(index))}`,
    ),
  );
  const indices = Array.from({ length: n * nIn + n }, (_, k) => w0 + k);
  const shown = indices.slice(0, TABLE_ROW_LIMIT);
  const rows: TableRow[] = shown.map((index) => {
    const isFrozen = frozen && index >= b0;
    const mark: TableCell['mark'] = isFrozen ? 'frozen' : undefined;
    return {
      label: parameterTex(kit, index),
      cells: [kit.cell(before(index), mark), kit.cell(grad(index), mark), kit.cell(after(index), isFrozen ? 'frozen' : 'result')],
    };
  });
  const table = makeTable(
    `update${l}`,
    tr('step.table.update', { layer: l, frozen: frozen ? 'yes' : 'no' }),
    [`\\text{${tr('step.tex.before')}}`, name.ratio === 1 ? '\\partial C/\\partial\\theta' : 'g_{\\theta}', `\\text{${tr('step.tex.after')}}`],
    rows,
    indices.length - shown.length,
  );
  const notes = [tr('step.note.updateBatch')];
  if (frozen) notes.push(tr('step.note.frozen', { sup: superscript(l) }));
  return {
    title: tr('step.update.title', { layer: l, sup: superscript(l), frozen: frozen ? 'yes' : 'no' }),
    summary: tr('step.update.summary', { frozen: frozen ? 'yes' : 'no' }),
    equation: frozen
      ? `W^{${l}} \\leftarrow W^{${l}} - \\eta\\,${name.tex(`W^{${l}}`)},\\qquad b^{${l}}\\ \\text{${tr('step.tex.frozen')}}`
      : `W^{${l}} \\leftarrow W^{${l}} - \\eta\\,${name.tex(`W^{${l}}`)},\\qquad b^{${l}} \\leftarrow b^{${l}} - \\eta\\,${name.tex(`b^{${l}}`)}`,
    substituted,
    tables: [table],
    notes,
  };
}

export function nextStep(kit: StepKit): StepBody {
  return {
    title: tr('step.next.title'),
    summary: tr('step.next.summary'),
    equation: kit.ctx.settings.freezeBiases ? 'W \\leftarrow W - \\eta\\,\\nabla_{W} C' : '\\theta \\leftarrow \\theta - \\eta\\,\\nabla_{\\theta} C',
    substituted: [kit.line((t) => `C = ${t.num({ kind: 'cost' })}\\ \\text{${tr('step.tex.beforeUpdate')}},\\quad \\eta = ${t.num({ kind: 'learningRate' })}`)],
    tables: [],
    notes: [tr('step.next.note')],
  };
}
