/**
 * Gate comparison: the question's [2,2,1] preset on OR, AND and XOR, swept from the same seeds with
 * both derivatives (the store's compareGates), in a table that can be exported as CSV. The rows are
 * the kept sweep results of those three configurations, so a later sweep of one gate updates its row.
 */
import { problemText } from '../../i18n/messageText';
import { useMemo } from 'react';
import { COMPARED_GATES, gateComparisonConfig, sweepKey } from '../../engine';
import { useLab } from '../../store/hooks';
import { GateComparisonTable } from '../../views/sweep/GateComparisonTable';
import { StartsInput } from '../../views/sweep/StartsInput';
import { gateComparisonCsv } from '../../views/sweep/gateComparisonCsv';
import { formatTimeLeft } from '../../views/sweep/sweepFormat';
import { DEFAULT_SWEEP_STARTS, MAX_SWEEP_STARTS } from '../../worker/sweep/sweepProtocol';
import { downloadText } from '../browser/browser';
import { describeTraining } from './describe';
import { useComparisonTimeLeft } from '../tour/steadyTimeLeft';
import { useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';

export function GateComparisonSection() {
  const t = useT();
  const results = useLab((s) => s.bugLab.sweepResults);
  const gates = useLab((s) => s.bugLab.gates);
  const compareGates = useLab((s) => s.compareGates);
  const cancelGates = useLab((s) => s.cancelGates);
  const running = gates.status === 'running';
  // the tour's steady estimate (tour/steadyTimeLeft.ts), not the store's raw one that swings at the start
  const timeLeftMs = useComparisonTimeLeft(gates);
  const rows = useMemo(
    () => COMPARED_GATES.map((gate) => ({ gate, config: gateComparisonConfig(gate), result: results[sweepKey(gateComparisonConfig(gate))] ?? null })),
    [results],
  );
  const done = rows.flatMap((r) => (r.result ? [{ gate: r.gate, epochs: r.result.config.epochs, summary: r.result.summary }] : []));

  return (
    <section className="card bl-section" aria-labelledby="bl-gates-title">
      <h2 id="bl-gates-title" className="bl-heading">
        {t('bl.gates.title')}
      </h2>
      <p className="bl-hint">
        {t('bl.gates.hint', { training: describeTraining(rows[0].config), count: rows[0].config.epochs, n: formatEpoch(rows[0].config.epochs) })}
      </p>
      <StartsInput
        label={t('bl.gates.starts')}
        runLabel={t('bl.gates.run')}
        defaultStarts={DEFAULT_SWEEP_STARTS}
        maxStarts={MAX_SWEEP_STARTS}
        running={running}
        onRun={(starts) => void compareGates(starts)}
        onCancel={cancelGates}
      >
        <button type="button" disabled={done.length === 0} onClick={() => downloadText(gateComparisonCsv(done), 'gate-comparison.csv', 'text/csv')}>
          {t('bl.gates.export')}
        </button>
      </StartsInput>
      <p className="bl-sweep__hint" aria-live="polite">
        {running && gates.gate && gates.progress
          ? t('bl.gates.progress', {
              gate: gates.gate,
              done: formatEpoch(gates.progress.done),
              count: gates.progress.total,
              total: formatEpoch(gates.progress.total),
              timeLeft: formatTimeLeft(timeLeftMs),
            })
          : gates.status === 'cancelled'
            ? t('bl.gates.cancelled')
            : ''}
      </p>
      {gates.status === 'error' && gates.error && (
        <p className="bl-problem" role="alert">
          {problemText(gates.error)}
        </p>
      )}
      <GateComparisonTable rows={rows.map((r) => ({ gate: r.gate, summary: r.result?.summary ?? null }))} running={running ? gates.gate : null} />
    </section>
  );
}
