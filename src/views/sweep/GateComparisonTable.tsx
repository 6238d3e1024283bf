/**
 * The gate comparison table (accessible name "Gate comparison"): per gate, how many of the same
 * starts each derivative solves, with Wilson 95% intervals, and the median final cost. Every number
 * is the engine's sweep summary (engine/sweep.ts); a gate without a result yet shows dashes.
 */
import type { GateName, ModeSummary, SweepSummary } from '../../engine';
import { formatNumber } from '../format';
import { formatRateInterval } from './sweepFormat';
import './sweep.css';

interface GateComparisonTableRow {
  gate: GateName;
  summary: SweepSummary | null;
}

export interface GateComparisonTableProps {
  rows: readonly GateComparisonTableRow[];
  /** the gate being swept, marked in its row */
  running?: GateName | null;
}

function ModeCells({ mode }: { mode: ModeSummary | null }) {
  if (!mode)
    return (
      <>
        <td>–</td>
        <td>–</td>
      </>
    );
  return (
    <>
      <td data-successes={mode.successes} data-trials={mode.trials}>
        {mode.successes}/{mode.trials} · {formatRateInterval(mode)}
      </td>
      <td>{formatNumber(mode.medianFinalCost)}</td>
    </>
  );
}

export function GateComparisonTable({ rows, running = null }: GateComparisonTableProps) {
  return (
    <div className="bl-gates__scroll" tabIndex={0} role="region" aria-label="Rates per gate (scrolls sideways)">
      <table className="bl-gates">
        <caption>Gate comparison</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Gate
            </th>
            <th scope="col" rowSpan={2}>
              Seeds
            </th>
            <th scope="colgroup" colSpan={2}>
              Correct f′(z)
            </th>
            <th scope="colgroup" colSpan={2}>
              Buggy f′(a)
            </th>
          </tr>
          <tr>
            <th scope="col">solved (95% interval)</th>
            <th scope="col">median final cost</th>
            <th scope="col">solved (95% interval)</th>
            <th scope="col">median final cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ gate, summary }) => (
            <tr key={gate} data-gate={gate}>
              <th scope="row">{gate}</th>
              <td>{summary ? `${summary.firstSeed}–${summary.firstSeed + summary.starts - 1}` : running === gate ? 'running…' : '–'}</td>
              <ModeCells mode={summary?.correct ?? null} />
              <ModeCells mode={summary?.buggy ?? null} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
