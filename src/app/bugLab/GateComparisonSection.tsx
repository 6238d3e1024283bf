/**
 * Gate comparison: the question's [2,2,1] preset on OR, AND and XOR, swept from the same seeds with
 * both derivatives (the store's compareGates), in a table that can be exported as CSV. The rows are
 * the kept sweep results of those three configurations, so a later sweep of one gate updates its row.
 */
import { problemText } from '../../i18n/messageText';
import { useId, useMemo, useState } from 'react';
import { COMPARED_GATES, gateComparisonConfig, sweepKey } from '../../engine';
import { useLab } from '../../store/hooks';
import { GateComparisonTable } from '../../views/sweep/GateComparisonTable';
import { StartsInput } from '../../views/sweep/StartsInput';
import { gateComparisonCsv } from '../../views/sweep/gateComparisonCsv';
import { formatTimeLeft, parseStartCount } from '../../views/sweep/sweepFormat';
import { DEFAULT_SWEEP_STARTS, MAX_SWEEP_STARTS } from '../../worker/sweep/sweepProtocol';
import { downloadText } from '../browser/browser';
import { describeSetup } from './describe';

export function GateComparisonSection() {
  const results = useLab((s) => s.bugLab.sweepResults);
  const gates = useLab((s) => s.bugLab.gates);
  const compareGates = useLab((s) => s.compareGates);
  const cancelGates = useLab((s) => s.cancelGates);
  const errorId = useId();
  const [text, setText] = useState(String(DEFAULT_SWEEP_STARTS));
  const parsed = parseStartCount(text, MAX_SWEEP_STARTS);
  const running = gates.status === 'running';
  const rows = useMemo(
    () => COMPARED_GATES.map((gate) => ({ gate, config: gateComparisonConfig(gate), result: results[sweepKey(gateComparisonConfig(gate))] ?? null })),
    [results],
  );
  const done = rows.flatMap((r) => (r.result ? [{ gate: r.gate, epochs: r.result.config.epochs, summary: r.result.summary }] : []));
  const run = () => {
    if (parsed.ok && !running) void compareGates(parsed.value);
  };

  return (
    <section className="card bl-section" aria-labelledby="bl-gates-title">
      <h2 id="bl-gates-title" className="bl-heading">
        Gate comparison: OR, AND and XOR
      </h2>
      <p className="bl-hint">
        {describeSetup(rows[0].config).replace(/^OR, /, '')}, {rows[0].config.epochs.toLocaleString('en')} epochs: the question’s net on each gate, every start
        trained with both derivatives from the same weights.
      </p>
      <div className="bl-sweep__controls">
        <StartsInput
          label="Starts per gate"
          runLabel="Compare gates"
          text={text}
          onText={setText}
          valid={parsed.ok}
          errorId={errorId}
          running={running}
          onRun={run}
          onCancel={cancelGates}
        />
        <button type="button" disabled={done.length === 0} onClick={() => downloadText(gateComparisonCsv(done), 'gate-comparison.csv', 'text/csv')}>
          Export CSV
        </button>
      </div>
      {!parsed.ok && (
        <p id={errorId} className="bl-sweep__error">
          {parsed.error}
        </p>
      )}
      <p className="bl-sweep__hint" aria-live="polite">
        {running && gates.gate && gates.progress
          ? `${gates.gate}: ${gates.progress.done} of ${gates.progress.total} starts, ${formatTimeLeft(gates.progress.timeLeftMs)}`
          : gates.status === 'cancelled'
            ? 'Gate comparison cancelled; rows of gates already finished are kept.'
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
