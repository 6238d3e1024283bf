/**
 * The gate comparison table (accessible name "Gate comparison"): per gate, how many of the same
 * starts each derivative solves, with Wilson 95% intervals, and the median final cost. Every number
 * is the engine's sweep summary (engine/sweep.ts); a gate without a result yet shows dashes.
 */
import type { GateName, ModeSummary, SweepSummary } from '../../engine';
import { formatNumber } from '../format';
import { formatRateInterval } from './sweepFormat';
import { useT } from '../../i18n/setup';
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
  const t = useT();
  return (
    <div className="bl-gates__scroll scroll-cue" tabIndex={0} role="region" aria-label={t('gates.scroll')}>
      <table className="bl-gates">
        <caption>{t('gates.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('gates.gate')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('gates.seeds')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('gates.correct')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('gates.buggy')}
            </th>
          </tr>
          <tr>
            <th scope="col">{t('gates.solved')}</th>
            <th scope="col">{t('gates.median')}</th>
            <th scope="col">{t('gates.solved')}</th>
            <th scope="col">{t('gates.median')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ gate, summary }) => (
            <tr key={gate} data-gate={gate}>
              <th scope="row">{gate}</th>
              <td>{summary ? `${summary.firstSeed}–${summary.firstSeed + summary.starts - 1}` : running === gate ? t('gates.running') : '–'}</td>
              <ModeCells mode={summary?.correct ?? null} />
              <ModeCells mode={summary?.buggy ?? null} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
