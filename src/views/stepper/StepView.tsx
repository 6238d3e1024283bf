/** One step of the pass: title, equation, the equation with numbers, notes, and its tables. */
import type { StepHighlight, Step, StepTable, TableCell } from './types';
import type { ReactNode } from 'react';
import { Tex } from './Tex';
import { listText, useT } from '../../i18n/setup';

/** Exercise mode (src/app/exercise): cells the learner finds are drawn by the exercise, their numbers hidden. */
export interface StepExercise {
  /** what to show instead of a cell to find; undefined shows the cell as usual */
  cell(step: Step, table: StepTable, row: number, column: number): ReactNode | undefined;
  /** hide the equation with the numbers while the step still has cells to find */
  hidesNumbers(step: Step): boolean;
}

export interface StepViewProps {
  step: Step;
  /** a hovered number's place on the graph, or the step's own highlight when the pointer leaves */
  onHighlight?(highlight: StepHighlight | null): void;
  exercise?: StepExercise;
}

export function StepView({ step, onHighlight, exercise }: StepViewProps) {
  const t = useT();
  return (
    <article className="bl-stepper__step" aria-labelledby={`bl-step-${step.id}`}>
      <h3 id={`bl-step-${step.id}`} className="bl-stepper__title">
        {step.title}
      </h3>
      <p className="bl-stepper__summary">{step.summary}</p>
      <div className="bl-stepper__math">
        <div className="bl-stepper__equation" role="group" aria-label={t('step.view.equation')}>
          <Tex tex={step.equation} display />
        </div>
        <div className="bl-stepper__numbers" role="group" aria-label={t('step.view.numbers')} hidden={exercise?.hidesNumbers(step)} tabIndex={0}>
          {step.substituted.map((line, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a derivation's lines are its steps in order (the same TeX may recur); the step is replaced whole
            <div className="bl-stepper__line" key={k}>
              <Tex tex={line.tex} display />
            </div>
          ))}
        </div>
      </div>
      {step.notes.length > 0 && (
        <ul className="bl-stepper__notes">
          {step.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="bl-stepper__tables" role="group" aria-label={t('step.view.tables')} tabIndex={0}>
        {step.tables.map((table) => (
          <StepTableView
            key={table.id}
            table={table}
            onHover={(cell) => onHighlight?.(cell?.at ?? step.highlight)}
            replace={exercise && ((r, c) => exercise.cell(step, table, r, c))}
          />
        ))}
      </div>
    </article>
  );
}

interface StepTableViewProps {
  table: StepTable;
  /** the hovered cell, or null when the pointer leaves */
  onHover?(cell: TableCell | null): void;
  /** a cell's replacement (exercise mode), or undefined to show it */
  replace?(row: number, column: number): ReactNode | undefined;
}

function StepTableView({ table, onHover, replace }: StepTableViewProps) {
  const t = useT();
  const more: string[] = [];
  if (table.omittedRows > 0) more.push(t('step.table.moreRows', { count: table.omittedRows }));
  if (table.omittedColumns > 0) more.push(t('step.table.moreColumns', { count: table.omittedColumns }));
  return (
    <table className="bl-stepper__table" onMouseLeave={() => onHover?.(null)}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {table.columns.map((column) => (
            <th scope="col" key={column}>
              <Tex tex={column} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={row.label}>
            <th scope="row">
              <Tex tex={row.label} />
            </th>
            {row.cells.map((cell, c) => {
              const instead = replace?.(r, c);
              if (instead !== undefined)
                return (
                  <td key={table.columns[c]} className="bl-stepper__cell--asked">
                    {instead}
                  </td>
                );
              return (
                <td
                  key={table.columns[c]}
                  className={cell.mark ? `bl-stepper__cell--${cell.mark}` : undefined}
                  data-value={cell.value === null ? undefined : String(cell.value)}
                  title={
                    cell.value === null ? undefined : cell.mark ? t('step.cell.marked', { value: String(cell.value), mark: cell.mark }) : String(cell.value)
                  }
                  onMouseEnter={() => onHover?.(cell)}
                >
                  {cell.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {more.length > 0 && (
        <tfoot>
          <tr>
            <td colSpan={table.columns.length + 1}>{t('step.table.notShown', { what: listText(more) })}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
