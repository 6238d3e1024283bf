/** Forward steps (z^l, then a^l) and the cost, filled from the PassRecord. */
import { activationLabel, firstOf, ix, makeTable, sampleTable, TABLE_COLUMN_LIMIT, TABLE_ROW_LIMIT, type StepKit } from './kit';
import { superscript, texColumn, texMatrix, texSum } from './tex';
import type { StepBody, TableRow, TexLine, ValueRef } from './types';
import { t as tr } from '../../i18n/setup';

/** How many per-neuron lines a step writes out before leaving the rest to the table. */
export const NEURON_LINE_LIMIT = 4;

const aRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'a', layer: l, sample: s, j });
const zRef = (l: number, s: number, j: number): ValueRef => ({ kind: 'z', layer: l, sample: s, j });

export function sampleNote(kit: StepKit): string {
  if (kit.batch) return tr('step.note.batch', { count: kit.ctx.pass.count });
  return tr('step.note.sample', { sample: (kit.samples[0] as number) + 1, count: kit.ctx.pass.count });
}

export function forwardStep(kit: StepKit, l: number, part: 'z' | 'a'): StepBody {
  return part === 'z' ? weightedInputStep(kit, l) : activationStep(kit, l);
}

function weightedInputStep(kit: StepKit, l: number): StepBody {
  const nIn = kit.sizes[l - 1];
  const n = kit.sizes[l];
  const w = (j: number, i: number): ValueRef => ({ kind: 'param', index: kit.layout.weightOffset[l] + j * nIn + i, when: 'before' });
  const b = (j: number): ValueRef => ({ kind: 'param', index: kit.layout.biasOffset[l] + j, when: 'before' });
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    substituted.push(
      kit.line(
        (t) =>
          `z^{${l}} = ${texMatrix(n, nIn, (j, i) => t.num(w(j, i)))}${texColumn(nIn, (i) => t.num(aRef(l - 1, s, i)))} + ${texColumn(n, (j) => t.num(b(j)))} = ${texColumn(n, (j) => t.num(zRef(l, s, j)))}`,
      ),
    );
    for (const j of firstOf(n, NEURON_LINE_LIMIT).shown) {
      substituted.push(
        kit.line(
          (t) =>
            `z^{${l}}_{${ix(j)}} = ${texSum(nIn, (i) => `${t.num(w(j, i), true)}\\cdot${t.num(aRef(l - 1, s, i), true)}`)} + ${t.num(b(j), true)} = ${t.num(zRef(l, s, j))}`,
        ),
      );
    }
  } else {
    const N = kit.samples.length;
    substituted.push(
      kit.line(
        (t) =>
          `Z^{${l}} = ${texMatrix(n, nIn, (j, i) => t.num(w(j, i)))}${texMatrix(nIn, N, (i, s) => t.num(aRef(l - 1, s, i)))} + ${texColumn(n, (j) => t.num(b(j)))} = ${texMatrix(n, N, (j, s) => t.num(zRef(l, s, j)))}`,
      ),
    );
  }
  const rowsOf = firstOf(n, TABLE_ROW_LIMIT);
  const colsOf = firstOf(nIn, TABLE_COLUMN_LIMIT);
  const rows: TableRow[] = rowsOf.shown.map((j) => ({ label: `j = ${ix(j)}`, cells: [...colsOf.shown.map((i) => kit.cell(w(j, i))), kit.cell(b(j))] }));
  const params = makeTable(
    `W${l}`,
    tr('step.table.params', { sup: superscript(l) }),
    [...colsOf.shown.map((i) => `w^{${l}}_{j,${ix(i)}}`), `b^{${l}}_{j}`],
    rows,
    rowsOf.omitted,
    colsOf.omitted,
  );
  const values = sampleTable(kit, `z${l}`, tr('step.table.inputsZ', { sup: superscript(l), supPrevious: superscript(l - 1) }), [
    { size: nIn, header: (i) => `a^{${l - 1}}_{${ix(i)}}`, ref: (s, i) => aRef(l - 1, s, i) },
    { size: n, header: (j) => `z^{${l}}_{${ix(j)}}`, ref: (s, j) => zRef(l, s, j), mark: 'result' },
  ]);
  const notes = [sampleNote(kit)];
  if (l === 1) notes.push(tr('step.note.inputs'));
  return {
    title: tr('step.forwardZ.title', { layer: l, sup: superscript(l) }),
    summary: tr('step.forwardZ.summary', { layer: l, previous: l - 1, sup: superscript(l) }),
    equation: kit.batch ? `Z^{${l}} = W^{${l}} A^{${l - 1}} + b^{${l}}` : `z^{${l}} = W^{${l}} a^{${l - 1}} + b^{${l}}`,
    substituted,
    tables: [params, values],
    notes,
  };
}

function activationStep(kit: StepKit, l: number): StepBody {
  const n = kit.sizes[l];
  const f = kit.f(l);
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    substituted.push(
      kit.line((t) => `a^{${l}} = ${f}\\left(${texColumn(n, (j) => t.num(zRef(l, s, j)))}\\right) = ${texColumn(n, (j) => t.num(aRef(l, s, j)))}`),
    );
    for (const j of firstOf(n, NEURON_LINE_LIMIT).shown) {
      substituted.push(kit.line((t) => `a^{${l}}_{${ix(j)}} = ${f}(${t.num(zRef(l, s, j))}) = ${t.num(aRef(l, s, j))}`));
    }
  } else {
    const N = kit.samples.length;
    substituted.push(
      kit.line((t) => `A^{${l}} = ${f}\\left(${texMatrix(n, N, (j, s) => t.num(zRef(l, s, j)))}\\right) = ${texMatrix(n, N, (j, s) => t.num(aRef(l, s, j)))}`),
    );
  }
  const table = sampleTable(kit, `a${l}`, tr('step.table.zA', { sup: superscript(l) }), [
    { size: n, header: (j) => `z^{${l}}_{${ix(j)}}`, ref: (s, j) => zRef(l, s, j) },
    { size: n, header: (j) => `a^{${l}}_{${ix(j)}}`, ref: (s, j) => aRef(l, s, j), mark: 'result' },
  ]);
  return {
    title: tr('step.forwardA.title', { layer: l, sup: superscript(l) }),
    summary: tr('step.forwardA.summary', {
      output: l === kit.L ? 'yes' : 'no',
      layer: l,
      activation: activationLabel(kit.ctx.network.activations[l - 1], kit.ctx.network.leakySlope),
    }),
    equation: kit.batch ? `A^{${l}} = ${f}(Z^{${l}})` : `a^{${l}} = ${f}(z^{${l}})`,
    substituted,
    tables: [table],
    notes: [sampleNote(kit)],
  };
}

export function costStep(kit: StepKit): StepBody {
  const L = kit.L;
  const nL = kit.sizes[L];
  const count = kit.ctx.pass.count;
  const crossEntropy = kit.ctx.settings.cost === 'crossEntropy';
  const one: ValueRef = { kind: 'constant', value: 1 };
  const y = (s: number, j: number): ValueRef => ({ kind: 'target', sample: s, j });
  const substituted: TexLine[] = [];
  if (!kit.batch) {
    const s = kit.samples[0];
    substituted.push(
      kit.line((t) => {
        if (crossEntropy) {
          const term = (j: number) =>
            `\\big[${t.num(y(s, j))}\\ln ${t.num(aRef(L, s, j))} + (${t.num(one)} - ${t.num(y(s, j))})\\ln(${t.num(one)} - ${t.num(aRef(L, s, j))})\\big]`;
          return `C_{${s + 1}} = -${nL > 1 ? `\\Big(${texSum(nL, term)}\\Big)` : term(0)} = ${t.num({ kind: 'sampleCost', sample: s })}`;
        }
        const half = `\\tfrac{${t.num(one)}}{${t.num({ kind: 'constant', value: 2 })}}`;
        return `C_{${s + 1}} = ${half}\\big(${texSum(nL, (j) => `(${t.num(aRef(L, s, j))} - ${t.num(y(s, j))})^{2}`)}\\big) = ${t.num({ kind: 'sampleCost', sample: s })}`;
      }),
    );
  }
  substituted.push(
    kit.line(
      (t) =>
        `C = \\frac{${t.num(one)}}{${t.num({ kind: 'count' })}}\\big(${texSum(count, (s) => t.num({ kind: 'sampleCost', sample: s }))}\\big) = ${t.num({ kind: 'cost' })}`,
    ),
  );
  const everySample = { ...kit, samples: Array.from({ length: count }, (_, s) => s) };
  const table = sampleTable(everySample, 'cost', tr('step.table.cost', { sup: superscript(L) }), [
    { size: nL, header: (j) => `a^{${L}}_{${ix(j)}}`, ref: (s, j) => aRef(L, s, j) },
    { size: nL, header: (j) => `y_{${ix(j)}}`, ref: (s, j) => y(s, j) },
    { size: 1, header: () => 'C_{s}', ref: (s) => ({ kind: 'sampleCost', sample: s }), mark: 'result' },
  ]);
  return {
    title: tr('step.cost.title', { cost: kit.ctx.settings.cost }),
    summary: tr('step.cost.summary'),
    equation: crossEntropy
      ? 'C = -\\frac{1}{N}\\sum_{s=1}^{N}\\sum_{j}\\big[y_{j}\\ln a^{L}_{j} + (1 - y_{j})\\ln(1 - a^{L}_{j})\\big]'
      : 'C = \\frac{1}{N}\\sum_{s=1}^{N}\\tfrac{1}{2}\\lVert a^{L} - y\\rVert^{2}',
    substituted,
    tables: [table],
    notes: [sampleNote(kit)],
  };
}
