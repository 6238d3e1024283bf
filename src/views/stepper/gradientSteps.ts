/** BP3 and BP4 (the gradients of one layer), the update, and the hand-over to the next epoch. */
import { NEURON_LINE_LIMIT, sampleNote } from './forwardSteps';
import { firstOf, ix, makeTable, pairedLines, parameterTex, sampleLabel, TABLE_COLUMN_LIMIT, TABLE_ROW_LIMIT, weightTex, type StepKit } from './kit';
import { superscript, texColumn, texMatrix, texSum, type TexLineBuilder } from './tex';
import type { StepBody, StepTable, TableCell, TableRow, TexLine, ValueRef } from './types';

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

function divisorNotes(kit: StepKit): string[] {
  const { count, divisor } = kit.ctx.pass;
  const notes = [sampleNote(kit)];
  if (divisor !== count)
    notes.push(
      `The sum is divided by D = n₀ = ${divisor}, the number of inputs (the question’s 1/len(x)), not by the batch size N = ${count}: the batch row g is ${count / divisor}× the gradient of the mean cost C shown, which is why it is not called ∂C/∂θ here.`,
    );
  else notes.push(`D = N = ${count}: the batch gradient is the mean of the samples’ terms.`);
  if (!kit.batch) notes.push(`The update uses the batch ${divisor === count ? 'gradient' : 'row g'} (the last row), not this sample’s term alone.`);
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
  rows.push({ label: '\\text{batch}', cells: shown.map((index) => kit.cell({ kind: 'gradient', index }, 'result')) });
  if (kit.ctx.otherPass && l < kit.L) {
    const mode = kit.ctx.settings.derivative === 'buggy' ? 'correct' : 'buggy';
    rows.push({ label: `\\text{batch, ${mode}}`, cells: shown.map((index) => kit.cell({ kind: 'gradient', index, other: true })) });
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
    title: `BP3: bias gradient ${name.text(`b${superscript(l)}`)}`,
    summary: `A bias feeds its neuron directly, so each sample’s ∂C/∂b${superscript(l)} is that sample’s δ${superscript(l)}; the batch ${name.ratio === 1 ? 'gradient averages them (their sum ÷ D, D = N)' : `row is their sum ÷ D, ${name.ratio}× their average`}.`,
    equation: `${name.tex(`b^{${l}}`)} = \\frac{1}{D}\\sum_{s=1}^{N}\\delta^{${l}}_{s}${slipTail(name, `b^{${l}}`)}`,
    substituted,
    tables: [
      gradientTermsTable(
        kit,
        l,
        `bias${l}`,
        `Each sample’s ∂C/∂b${superscript(l)} (= its δ${superscript(l)}) and the batch ${name.ratio === 1 ? 'gradient' : 'row g'}`,
        indices,
      ),
    ],
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
    title: `BP4: weight gradient ${name.text(`W${superscript(l)}`)}`,
    summary: `The weight from neuron i to neuron j changes the cost by δⱼ times the activation aᵢ that flowed along it; the batch ${name.ratio === 1 ? 'gradient averages those over the samples (their sum ÷ D, D = N)' : `row sums those over the samples and divides by D, ${name.ratio}× their average`}.`,
    equation: `${name.tex(`W^{${l}}`)} = \\frac{1}{D}\\sum_{s=1}^{N}\\delta^{${l}}_{s}\\,(a^{${l - 1}}_{s})^{T}${slipTail(name, `W^{${l}}`)}`,
    substituted,
    tables: [
      gradientTermsTable(
        kit,
        l,
        `weight${l}`,
        `Each sample’s ∂C/∂W${superscript(l)} (row-major: w_ji) and the batch ${name.ratio === 1 ? 'gradient' : 'row g'}`,
        indices,
      ),
    ],
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
      ? kit.line((t) => `b^{${l}} = ${texColumn(n, (j) => t.num(after(b0 + j)))}\\quad\\text{(frozen: not updated)}`)
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
    frozen ? `Parameters of layer ${l} before and after (biases frozen)` : `Parameters of layer ${l} before and after the update`,
    ['\\text{before}', name.ratio === 1 ? '\\partial C/\\partial\\theta' : 'g_{\\theta}', '\\text{after}'],
    rows,
    indices.length - shown.length,
  );
  const notes = ['The update always uses the batch gradient, whichever sample is selected.'];
  if (frozen) notes.push(`Biases are frozen: b${superscript(l)} keeps its value, as in many hand-worked examples.`);
  return {
    title: `Update, layer ${l}: W${superscript(l)}${frozen ? '' : ` and b${superscript(l)}`}`,
    summary: `Each parameter takes a step of size η against its gradient${frozen ? '; the biases stay where they are' : ''}.`,
    equation: frozen
      ? `W^{${l}} \\leftarrow W^{${l}} - \\eta\\,${name.tex(`W^{${l}}`)},\\qquad b^{${l}}\\ \\text{frozen}`
      : `W^{${l}} \\leftarrow W^{${l}} - \\eta\\,${name.tex(`W^{${l}}`)},\\qquad b^{${l}} \\leftarrow b^{${l}} - \\eta\\,${name.tex(`b^{${l}}`)}`,
    substituted,
    tables: [table],
    notes,
  };
}

export function nextStep(kit: StepKit): StepBody {
  return {
    title: 'Next epoch',
    summary: 'One pass is done: every parameter moved against its gradient. The next pass starts from the updated parameters.',
    equation: kit.ctx.settings.freezeBiases ? 'W \\leftarrow W - \\eta\\,\\nabla_{W} C' : '\\theta \\leftarrow \\theta - \\eta\\,\\nabla_{\\theta} C',
    substituted: [kit.line((t) => `C = ${t.num({ kind: 'cost' })}\\ \\text{before this update},\\quad \\eta = ${t.num({ kind: 'learningRate' })}`)],
    tables: [],
    notes: ['Next step computes a new pass with the updated parameters and starts again at the forward pass.'],
  };
}
