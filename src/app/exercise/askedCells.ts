/** Which cells of a step the learner is asked to find, and their names in plain text. */
import type { ExerciseAsk } from '../../store/exerciseSlice';
import { sub, sup } from '../../views/notation';
import type { Step, StepTable, TableCell } from '../../views/stepper/types';
import { t } from '../../i18n/setup';

export interface AskedCell {
  table: StepTable;
  row: number;
  column: number;
  cell: TableCell;
  /** e.g. "z¹₁ (s = 3)" */
  name: string;
}

/** The step's result cells in reading order, filtered by the set's ask list (every step's when there is no set). */
export function askedCells(step: Step, ask: readonly ExerciseAsk[] | null): AskedCell[] {
  const entry = ask ? ask.find((a) => a.step === step.id) : { step: step.id, cells: null };
  if (!entry) return [];
  const results: AskedCell[] = [];
  for (const table of step.tables)
    table.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        if (cell.mark === 'result' && cell.value !== null && cell.text !== t('step.notKept'))
          results.push({ table, row: r, column: c, cell, name: `${texToPlain(table.columns[c] ?? '')} (${texToPlain(row.label)})` });
      });
    });
  return entry.cells ? results.filter((_, k) => entry.cells?.includes(k + 1)) : results;
}

/** The little TeX the tables use (a^{1}_{2}, \delta, \partial C/\partial w) as plain text. */
export function texToPlain(tex: string): string {
  return tex
    .replace(/\^\{(\d+)\}/g, (_, n: string) => sup(Number(n)))
    .replace(/_\{(\d+)\}/g, (_, n: string) => sub(Number(n)))
    .replace(/\\delta/g, 'δ')
    .replace(/\\partial\s*/g, '∂')
    .replace(/\\theta/g, 'θ')
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/\\[a-zA-Z]+/g, '')
    .replace(/[{}]/g, '')
    .replace(/\\[,;! ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
