/**
 * Dev-only gallery of the bug-lab views with real engine data (not part of the production build):
 * npx vite --port 5185 --strictPort, then open /tests/visual/buglab.html (?only=sweep|twin|code|slips,
 * &epochs=N to shorten the sweep, &auto=N to start a sweep of N starts at once).
 * The sweep and the twin run go through the real Web Worker pool.
 */
import { StrictMode, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CATALOG_GROUPS, type CatalogGroup } from '../../src/i18n/catalogs/groups';
import { loadCatalogGroup, switchLanguage } from '../../src/i18n/setup';
import {
  type DerivativeMode,
  type GradientDivisor,
  type LabConfig,
  OverflowLog,
  type SigmoidForm,
  type SweepSummary,
  buildRun,
  divisorEffect,
  inspectPass,
  overflowSites,
  questionConfig,
} from '../../src/engine';
import { createBrowserSweepPool, type TwinOutcome } from '../../src/store/sweepPool';
import type { SweepProgress } from '../../src/worker/sweep/sweepPlan';
import { CodePanel } from '../../src/views/codePanel/CodePanel';
import { type OverflowReport, SlipSwitches } from '../../src/views/slips/SlipSwitches';
import { SweepPanel, type SweepStatus } from '../../src/views/sweep/SweepPanel';
import { TwinView } from '../../src/views/twin/TwinView';
import { twinCostSource } from '../../src/views/twin/twinCostSource';

const params = new URLSearchParams(location.search);
const only = params.get('only');
const epochs = Number(params.get('epochs') ?? 60_000);
const auto = Number(params.get('auto') ?? 0);
const pool = createBrowserSweepPool();
const show = (id: string) => !only || only === id;

function SweepCard() {
  const config: LabConfig = useMemo(() => ({ ...questionConfig('AND'), epochs }), []);
  const [status, setStatus] = useState<SweepStatus>('idle');
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const [summary, setSummary] = useState<SweepSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState('');
  const run = async (starts: number) => {
    setStatus('running');
    setProgress({ done: 0, total: starts, elapsedMs: 0, timeLeftMs: null, solved: { correct: 0, buggy: 0 } });
    const outcome = await pool.run({ config, starts }, setProgress);
    if (outcome.status === 'done') {
      setSummary(outcome.summary);
      (window as unknown as { __sweepMs: number }).__sweepMs = outcome.elapsedMs;
    } else if (outcome.status === 'error') setError(JSON.stringify(outcome.message));
    setStatus(outcome.status);
  };
  const started = useRef(false);
  useEffect(() => {
    if (auto > 0 && !started.current) {
      started.current = true;
      void run(auto);
    }
  });
  return (
    <section id="sweep" className="card">
      <p className="note">
        The question's AND, {epochs.toLocaleString('en')} epochs per start, real worker pool ({pool.workerCount} workers). {opened}
      </p>
      <SweepPanel
        status={status}
        progress={progress}
        summary={summary}
        error={error}
        epochs={epochs}
        onRun={run}
        onCancel={() => pool.cancel()}
        onOpenStart={(seed, d) => setOpened(`open seed ${seed} (${d})`)}
      />
    </section>
  );
}

function TwinCard() {
  const [outcome, setOutcome] = useState<TwinOutcome | null>(null);
  const [rounded, setRounded] = useState(false);
  const config = useMemo(() => ({ ...questionConfig('AND'), seed: Number(params.get('seed') ?? 1) }), []);
  useEffect(() => {
    void pool.twin(config).then(setOutcome);
  }, [config]);
  const done = outcome?.status === 'done' ? outcome : null;
  const source = useMemo(
    () => (done ? twinCostSource(done.result.correct.costs, done.result.buggy.costs) : twinCostSource(new Float64Array(0), new Float64Array(0))),
    [done],
  );
  const data = useMemo(() => buildRun(config).data, [config]);
  return (
    <section id="twin" className="card">
      <p className="note">
        Twin run of the question's AND, seed {config.seed}, {config.epochs.toLocaleString('en')} epochs{' '}
        {done ? `(${done.elapsedMs.toFixed(0)} ms in the worker)` : '…'}
      </p>
      <TwinView
        costs={source}
        data={data}
        grids={{ correct: done?.grids.correct ?? null, buggy: done?.grids.buggy ?? null }}
        outputs={done ? { correct: done.result.correct.outputs, buggy: done.result.buggy.outputs } : undefined}
        labels={done?.result.labels ?? []}
        params={done ? { correct: done.result.correct.params, buggy: done.result.buggy.params } : null}
        difference={done?.result.difference ?? null}
        largest={done?.result.largestDifference ?? null}
        epoch={done ? done.result.correct.costs.length : 0}
        rounded={rounded}
        onRoundedChange={setRounded}
        scale="log"
      />
    </section>
  );
}

/** The question's buggy AND with the naive sigmoid, seed 1: its weights grow until e^(−z) overflows. */
function overflowReport(sigmoidForm: SigmoidForm, derivative: DerivativeMode, gradientDivisor: GradientDivisor): OverflowReport {
  const run = buildRun({ ...questionConfig('AND'), seed: 1, sigmoidForm, derivative, gradientDivisor });
  const log = new OverflowLog();
  for (let e = 0; e < 20_000 && !run.trainer.divergence; e++) {
    run.trainer.trainEpoch();
    log.record(run.trainer.epoch, run.trainer.lastOverflows);
  }
  const pass = inspectPass(run.net, run.data, run.trainer.options);
  return {
    epoch: run.trainer.epoch,
    lastEpochOverflows: run.trainer.lastOverflows,
    passOverflows: pass.overflows,
    log: log.snapshot(),
    sites: overflowSites(pass, run.net.activations),
  };
}

function SlipsCard() {
  const [derivative, setDerivative] = useState<DerivativeMode>('buggy');
  const [divisor, setDivisor] = useState<GradientDivisor>('features');
  const [sigmoid, setSigmoid] = useState<SigmoidForm>(params.get('sigmoid') === 'stable' ? 'stable' : 'naive');
  const overflow = useMemo(() => overflowReport(sigmoid, derivative, divisor), [sigmoid, derivative, divisor]);
  const effect = divisorEffect(divisor, 0.35, 4, 2);
  return (
    <>
      {show('slips') && (
        <section id="slips" className="card">
          <p className="note">The question's AND, seed 1, after 20,000 epochs (overflow data from the engine).</p>
          <SlipSwitches
            derivative={derivative}
            gradientDivisor={divisor}
            sigmoidForm={sigmoid}
            onDerivativeChange={setDerivative}
            onGradientDivisorChange={setDivisor}
            onSigmoidFormChange={setSigmoid}
            divisor={effect}
            overflow={overflow}
          />
        </section>
      )}
      {show('code') && (
        <section id="code" className="card">
          <CodePanel derivative={derivative} gradientDivisor={divisor} sigmoidForm={sigmoid} />
        </section>
      )}
    </>
  );
}

function Gallery() {
  return (
    <>
      <h1>Bug lab gallery</h1>
      {show('sweep') && <h2>Sweep</h2>}
      {show('sweep') && <SweepCard />}
      {show('twin') && <h2>Twin run</h2>}
      {show('twin') && <TwinCard />}
      {(show('slips') || show('code')) && <h2>Slips and code</h2>}
      {(show('slips') || show('code')) && <SlipsCard />}
    </>
  );
}

// the page's components speak through the catalogs: English here, as on the page by default
for (const group of Object.keys(CATALOG_GROUPS) as CatalogGroup[]) await loadCatalogGroup(group);
await switchLanguage('en');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Gallery />
  </StrictMode>,
);
