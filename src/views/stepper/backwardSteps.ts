/** BP1 (the output error) and BP2 (the error carried back one layer), with the two derivative modes side by side. */
import { NEURON_LINE_LIMIT, sampleNote } from './forwardSteps';
import { firstOf, ix, makeTable, parameterTex, sampleTable, TABLE_ROW_LIMIT, type StepKit } from './kit';
import { superscript, texColumn, texMatrix, texSum } from './tex';
import type { StepBody, StepTable, TableRow, TexLine, ValueRef } from './types';
import { t as tr } from '../../i18n/setup';

const aRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'a', layer: l, sample: s, j });
const deltaRef = (l: number, s: number, j: number, other = false): ValueRef =>
  other ? { kind: 'delta', layer: l, sample: s, j, other } : { kind: 'delta', layer: l, sample: s, j };
const fzRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'fPrimeAtZ', layer: l, sample: s, j });
const faRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'fPrimeAtA', layer: l, sample: s, j });
const yRef = (s: number, j: number): ValueRef => ({ kind: 'target', sample: s, j });
/** the two derivative modes' names inside TeX */
const CORRECT = () => `\\text{${tr('step.tex.correct')}}`;
const BUGGY = () => `\\text{${tr('step.tex.buggy')}}`;

export function bp1Step(kit: StepKit): StepBody {
  const L = kit.L;
  const n = kit.sizes[L];
  const f = kit.f(L);
  const crossEntropy = kit.ctx.settings.cost === 'crossEntropy';
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    const a = (t: { num(r: ValueRef): string }) => texColumn(n, (j) => t.num(aRef(L, s, j)));
    const y = (t: { num(r: ValueRef): string }) => texColumn(n, (j) => t.num(yRef(s, j)));
    substituted.push(
      kit.line((t) =>
        crossEntropy
          ? `\\delta^{${L}} = ${a(t)} - ${y(t)} = ${texColumn(n, (j) => t.num(deltaRef(L, s, j)))}`
          : `\\delta^{${L}} = \\left(${a(t)} - ${y(t)}\\right) \\odot ${texColumn(n, (j) => t.num(fzRef(L, s, j)))} = ${texColumn(n, (j) => t.num(deltaRef(L, s, j)))}`,
      ),
    );
    for (const j of firstOf(n, NEURON_LINE_LIMIT).shown) {
      substituted.push(
        kit.line((t) =>
          crossEntropy
            ? `\\delta^{${L}}_{${ix(j)}} = ${t.num(aRef(L, s, j))} - ${t.num(yRef(s, j))} = ${t.num(deltaRef(L, s, j))}`
            : `\\delta^{${L}}_{${ix(j)}} = (${t.num(aRef(L, s, j))} - ${t.num(yRef(s, j))})\\cdot${t.num(fzRef(L, s, j), true)} = ${t.num(deltaRef(L, s, j))}`,
        ),
      );
    }
  } else {
    const N = kit.samples.length;
    const m = (ref: (s: number, j: number) => ValueRef, t: { num(r: ValueRef): string }) => texMatrix(n, N, (j, s) => t.num(ref(s, j)));
    substituted.push(
      kit.line((t) =>
        crossEntropy
          ? `\\Delta^{${L}} = ${m((s, j) => aRef(L, s, j), t)} - ${m(yRef, t)} = ${m((s, j) => deltaRef(L, s, j), t)}`
          : `\\Delta^{${L}} = \\left(${m((s, j) => aRef(L, s, j), t)} - ${m(yRef, t)}\\right) \\odot ${m((s, j) => fzRef(L, s, j), t)} = ${m((s, j) => deltaRef(L, s, j), t)}`,
      ),
    );
  }
  const table = sampleTable(kit, `delta${L}`, tr('step.table.outputError', { sup: superscript(L) }), [
    { size: n, header: (j) => `a^{${L}}_{${ix(j)}}`, ref: (s, j) => aRef(L, s, j) },
    { size: n, header: (j) => `y_{${ix(j)}}`, ref: yRef },
    ...(crossEntropy ? [] : [{ size: n, header: (j: number) => `${f}'(z^{${L}}_{${ix(j)}})`, ref: (s: number, j: number) => fzRef(L, s, j) }]),
    { size: n, header: (j) => `\\delta^{${L}}_{${ix(j)}}`, ref: (s, j) => deltaRef(L, s, j), mark: 'result' as const },
  ]);
  return {
    title: tr('step.bp1.title', { sup: superscript(L) }),
    summary: tr(crossEntropy ? 'step.bp1.summaryCrossEntropy' : 'step.bp1.summaryQuadratic', { sup: superscript(L) }),
    equation: crossEntropy ? '\\delta^{L} = a^{L} - y' : `\\delta^{L} = (a^{L} - y) \\odot ${f}'(z^{L})`,
    substituted,
    tables: [table],
    notes: [sampleNote(kit)],
  };
}

export function bp2Step(kit: StepKit, l: number): StepBody {
  const n = kit.sizes[l];
  const nNext = kit.sizes[l + 1];
  const f = kit.f(l);
  const buggy = kit.ctx.settings.derivative === 'buggy';
  const other = !!kit.ctx.otherPass;
  const used = buggy ? faRef : fzRef;
  // W^(l+1) transposed: row j, column k holds the weight from neuron j (layer l) to neuron k (layer l+1)
  const wT = (j: number, k: number): ValueRef => ({ kind: 'param', index: kit.layout.weightOffset[l + 1] + k * n + j, when: 'before' });
  // the buggy mode's argument in vermillion, so the slip stands out in the equation
  const at = buggy ? `{\\color{#D55E00}a^{${l}}}` : `z^{${l}}`;
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    substituted.push(
      kit.line(
        (t) =>
          `\\delta^{${l}} = \\left(${texMatrix(n, nNext, (j, k) => t.num(wT(j, k)))}${texColumn(nNext, (k) => t.num(deltaRef(l + 1, s, k)))}\\right) \\odot ${texColumn(n, (j) => t.num(used(l, s, j)))} = ${texColumn(n, (j) => t.num(deltaRef(l, s, j)))}`,
      ),
    );
    for (const j of firstOf(n, NEURON_LINE_LIMIT).shown) {
      substituted.push(
        kit.line(
          (t) =>
            `\\delta^{${l}}_{${ix(j)}} = \\big(${texSum(nNext, (k) => `${t.num(wT(j, k), true)}\\cdot${t.num(deltaRef(l + 1, s, k), true)}`)}\\big)\\cdot ${f}'(${t.num(buggy ? aRef(l, s, j) : { kind: 'z', layer: l, sample: s, j })}) = ${t.num(deltaRef(l, s, j))}`,
        ),
      );
    }
    if (other)
      substituted.push(
        kit.line(
          (t) =>
            `\\delta^{${l}}\\ \\text{${tr('step.tex.withMode', { mode: buggy ? 'correct' : 'buggy' })} } ${f}'(${buggy ? `z^{${l}}` : `a^{${l}}`}) = ${texColumn(n, (j) => t.num(deltaRef(l, s, j, true)))}`,
        ),
      );
  } else {
    const N = kit.samples.length;
    substituted.push(
      kit.line(
        (t) =>
          `\\Delta^{${l}} = \\left(${texMatrix(n, nNext, (j, k) => t.num(wT(j, k)))}${texMatrix(nNext, N, (k, s) => t.num(deltaRef(l + 1, s, k)))}\\right) \\odot ${texMatrix(n, N, (j, s) => t.num(used(l, s, j)))} = ${texMatrix(n, N, (j, s) => t.num(deltaRef(l, s, j)))}`,
      ),
    );
  }
  const notes = [sampleNote(kit)];
  notes.push(tr(buggy ? 'step.bp2.noteBuggy' : 'step.bp2.noteCorrect', { sup: superscript(l) }));
  const layer = kit.ctx.pass.layers[l - 1];
  if (layer.fPrimeAtZ.every((v, k) => v === layer.fPrimeAtA[k])) notes.push(tr('step.bp2.noteAgree', { sup: superscript(l) }));
  if (!other) notes.push(tr('step.bp2.noteNoOther'));
  return {
    title: tr('step.bp2.title', { layer: l, sup: superscript(l) }),
    summary: tr('step.bp2.summary', { layer: l, next: l + 1, supNext: superscript(l + 1) }),
    equation: `\\delta^{${l}} = \\big((W^{${l + 1}})^{T}\\delta^{${l + 1}}\\big) \\odot ${f}'(${at})`,
    substituted,
    tables: [derivativeTable(kit, l), ...(other ? [gradientComparison(kit, l)] : [])],
    notes,
  };
}

/** f′(z) and f′(a) per neuron with the used one marked, and δ under both modes. */
function derivativeTable(kit: StepKit, l: number): StepTable {
  const n = kit.sizes[l];
  const buggy = kit.ctx.settings.derivative === 'buggy';
  const other = !!kit.ctx.otherPass;
  const f = kit.f(l);
  const pairs = kit.samples.flatMap((s) => Array.from({ length: n }, (_, j) => [s, j] as const));
  const shown = pairs.slice(0, TABLE_ROW_LIMIT);
  const correctDelta = (s: number, j: number) => deltaRef(l, s, j, buggy);
  const buggyDelta = (s: number, j: number) => deltaRef(l, s, j, !buggy);
  const rows: TableRow[] = shown.map(([s, j]) => {
    const cells = [kit.cell(fzRef(l, s, j), buggy ? 'unused' : 'used'), kit.cell(faRef(l, s, j), buggy ? 'used' : 'unused')];
    if (other) {
      cells.push(kit.cell(correctDelta(s, j), buggy ? undefined : 'result'), kit.cell(buggyDelta(s, j), buggy ? 'result' : undefined));
      cells.push(kit.cell({ kind: 'difference', of: buggyDelta(s, j), minus: correctDelta(s, j) }));
    } else cells.push(kit.cell(deltaRef(l, s, j), 'result'));
    return { label: kit.batch ? `s = ${s + 1},\\ j = ${ix(j)}` : `j = ${ix(j)}`, cells };
  });
  const columns = [`${f}'(z^{${l}}_{j})`, `${f}'(a^{${l}}_{j})`];
  if (other) columns.push(`\\delta^{${l}}_{j}\\ ${CORRECT()}`, `\\delta^{${l}}_{j}\\ ${BUGGY()}`, `${BUGGY()} - ${CORRECT()}`);
  else columns.push(`\\delta^{${l}}_{j}`);
  return makeTable(`derivative${l}`, tr('step.table.derivatives', { layer: l, mode: buggy ? 'buggy' : 'correct' }), columns, rows, pairs.length - shown.length);
}

/** The batch gradient of layer l's weights and biases under both derivative modes. */
function gradientComparison(kit: StepKit, l: number): StepTable {
  const buggy = kit.ctx.settings.derivative === 'buggy';
  const start = kit.layout.weightOffset[l];
  const end = kit.layout.biasOffset[l] + kit.sizes[l];
  const indices = Array.from({ length: end - start }, (_, k) => start + k);
  const shown = indices.slice(0, TABLE_ROW_LIMIT);
  // under the ÷ n₀ slip the batch row is (N/n₀)·∂C/∂θ, called g as in BP3/BP4
  const symbol = kit.ctx.pass.divisor === kit.ctx.pass.count ? '\\partial C/\\partial\\theta' : 'g_{\\theta}';
  const rows: TableRow[] = shown.map((index) => {
    const correct: ValueRef = buggy ? { kind: 'gradient', index, other: true } : { kind: 'gradient', index };
    const wrong: ValueRef = buggy ? { kind: 'gradient', index } : { kind: 'gradient', index, other: true };
    return {
      label: parameterTex(kit, index),
      cells: [
        kit.cell(correct, buggy ? undefined : 'used'),
        kit.cell(wrong, buggy ? 'used' : undefined),
        kit.cell({ kind: 'difference', of: wrong, minus: correct }),
      ],
    };
  });
  return makeTable(
    `gradients${l}`,
    tr('step.table.gradients', { layer: l, divided: kit.ctx.pass.divisor === kit.ctx.pass.count ? 'no' : 'yes' }),
    [`${symbol}\\ ${CORRECT()}`, `${symbol}\\ ${BUGGY()}`, `${BUGGY()} - ${CORRECT()}`],
    rows,
    indices.length - shown.length,
  );
}
