/** Step 5's table: the Bug lab's gate comparison rows, in the same table component, with the sweep's progress. */
import { useMemo } from 'react';
import { gateComparisonRows } from '../../store/bugLabSlice';
import { useLab } from '../../store/hooks';
import { GateComparisonTable } from '../../views/sweep/GateComparisonTable';
import { formatTimeLeft } from '../../views/sweep/sweepFormat';
import { useT } from '../../i18n/setup';
import { useComparisonTimeLeft } from './steadyTimeLeft';

export function TourGateTable() {
  const bugLab = useLab((s) => s.bugLab);
  const gates = bugLab.gates;
  const rows = useMemo(() => gateComparisonRows({ bugLab }), [bugLab]);
  const running = gates.status === 'running';
  const t = useT();
  const timeLeftMs = useComparisonTimeLeft(gates);
  return (
    <div className="tour__gates">
      {running && gates.gate && gates.progress && (
        <p className="tour__progress" role="status">
          {t('tour.progress', {
            gate: gates.gate,
            done: gates.progress.done,
            total: gates.progress.total,
            timeLeft: formatTimeLeft(timeLeftMs),
          })}
        </p>
      )}
      <GateComparisonTable rows={rows.map((r) => ({ gate: r.gate, summary: r.result?.summary ?? null }))} running={running ? gates.gate : null} />
    </div>
  );
}
