/**
 * The sweep: the current configuration from N seeds on the worker pool, both derivatives per start;
 * the rates with 95% intervals and the histogram of final costs come from the engine's summary, and
 * a click on a start opens that seed in the live lab.
 */
import { useState } from 'react';
import { bugLabEpochs } from '../../store/bugLabSlice';
import { useLab } from '../../store/hooks';
import { DEFAULT_SWEEP_STARTS, MAX_SWEEP_STARTS } from '../../worker/sweepProtocol';
import { SweepPanel } from '../../views/sweep/SweepPanel';
import { describeSetup, formatSeconds } from './describe';

export function SweepSection() {
  const sweep = useLab((s) => s.bugLab.sweep);
  const epochs = useLab(bugLabEpochs);
  const runSweep = useLab((s) => s.runSweep);
  const cancelSweep = useLab((s) => s.cancelSweep);
  const openStart = useLab((s) => s.openStart);
  const inspectEpoch = useLab((s) => s.inspectEpoch);
  const [problem, setProblem] = useState<string | null>(null);
  const swept = sweep.config;
  const summary = sweep.summary;

  return (
    <section className="card bl-section" aria-labelledby="bl-sweep-title">
      <h2 id="bl-sweep-title" className="bl-heading">
        Sweep over many starts
      </h2>
      <SweepPanel
        status={sweep.status}
        progress={sweep.progress}
        summary={summary}
        error={sweep.error}
        defaultStarts={DEFAULT_SWEEP_STARTS}
        maxStarts={MAX_SWEEP_STARTS}
        epochs={sweep.status === 'idle' || !swept ? epochs : swept.epochs}
        onRun={(starts) => {
          setProblem(null);
          void runSweep(starts);
        }}
        onCancel={cancelSweep}
        onOpenStart={(seed, derivative) => setProblem(openStart(seed, derivative))}
        onInspectStart={(seed, derivative) => swept && void inspectEpoch({ ...swept, seed, derivative }, swept.epochs).then(setProblem)}
      />
      {swept && summary && sweep.status === 'done' && (
        <p className="bl-hint bl-sweep-timing" data-elapsed-ms={Math.round(sweep.elapsedMs)} data-workers={sweep.workers}>
          {describeSetup(swept)}: {summary.starts} starts × 2 derivatives in {formatSeconds(sweep.elapsedMs)} on {sweep.workers} worker{sweep.workers === 1 ? '' : 's'}.
        </p>
      )}
      {problem && (
        <p className="bl-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
