/**
 * The sweep: the current configuration from N seeds on the worker pool, both derivatives per start;
 * the rates with 95% intervals and the histogram of final costs come from the engine's summary, and
 * a click on a start opens that seed in the live lab. Results are kept per configuration: the panel
 * shows the current configuration's, so a sweep on OR and one on AND both stay.
 */
import { problemText } from '../../i18n/messageText';
import { useState } from 'react';
import { bugLabEpochs, currentSweepKey, currentSweepResult } from '../../store/bugLabSlice';
import { useLab } from '../../store/hooks';
import { DEFAULT_SWEEP_STARTS, MAX_SWEEP_STARTS } from '../../worker/sweep/sweepProtocol';
import { SweepPanel } from '../../views/sweep/SweepPanel';
import { describeSetup, formatSeconds } from './describe';
import { useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';

export function SweepSection() {
  const t = useT();
  const sweep = useLab((s) => s.bugLab.sweep);
  const epochs = useLab(bugLabEpochs);
  const runSweep = useLab((s) => s.runSweep);
  const cancelSweep = useLab((s) => s.cancelSweep);
  const openStart = useLab((s) => s.openStart);
  const inspectEpoch = useLab((s) => s.inspectEpoch);
  const kept = useLab(currentSweepResult);
  const key = useLab(currentSweepKey);
  const [problem, setProblem] = useState<string | null>(null);
  // the latest sweep's status when it is running, or ended without a result for this configuration
  const latest = sweep.status === 'running' || ((sweep.status === 'cancelled' || sweep.status === 'error') && (sweep.key === null || sweep.key === key));
  const status = latest ? sweep.status : kept ? 'done' : 'idle';
  const summary = sweep.status === 'running' ? null : (kept?.summary ?? null);

  return (
    <section className="card bl-section" aria-labelledby="bl-sweep-title">
      <h2 id="bl-sweep-title" className="bl-heading">
        {t('bl.sweep.title')}
      </h2>
      <SweepPanel
        status={status}
        progress={latest ? sweep.progress : null}
        summary={summary}
        error={latest ? problemText(sweep.error) : null}
        defaultStarts={DEFAULT_SWEEP_STARTS}
        maxStarts={MAX_SWEEP_STARTS}
        epochs={sweep.status === 'running' && sweep.config ? sweep.config.epochs : epochs}
        onRun={(starts) => {
          setProblem(null);
          void runSweep(starts);
        }}
        onCancel={cancelSweep}
        onOpenStart={(seed, derivative) => setProblem(problemText(openStart(seed, derivative)))}
        onInspectStart={(seed, derivative) =>
          kept && void inspectEpoch({ ...kept.config, seed, derivative }, kept.config.epochs).then((problem) => setProblem(problemText(problem)))
        }
      />
      {kept && summary && (
        <p className="bl-hint bl-sweep-timing" data-elapsed-ms={Math.round(kept.elapsedMs)} data-workers={kept.workers}>
          {t('bl.sweep.timing', {
            setup: describeSetup(kept.config),
            starts: summary.starts,
            startsText: formatEpoch(summary.starts),
            time: formatSeconds(kept.elapsedMs),
            workers: kept.workers,
            workersText: formatEpoch(kept.workers),
          })}
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
