/**
 * Dev-only gallery of the step-through and the gradient check on the shipped worked examples:
 * npx vite --port 5183 --strictPort, then open /tests/visual/stepper.html
 *   ?example=question-xor|two-outputs|answer-relu  &step=N (0-based)  &sample=mean|0…  &derivative=correct|buggy
 *   &view=stepper|gradcheck  &only=panel (no graph, for small screenshots)
 * It plays the caller's part the lead will wire into the page: it owns the machine's state, computes
 * both passes with the engine, applies the update on "next epoch", and feeds the graph's highlight.
 */
import { StrictMode, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CATALOG_GROUPS, type CatalogGroup } from '../../src/i18n/catalogs/groups';
import { loadCatalogGroup, switchLanguage } from '../../src/i18n/setup';
import { type DerivativeMode, type GradientDivisor, type Network, GridEvaluator, gradientCheck, inspectPass } from '../../src/engine';
import { GradCheckPanel } from '../../src/views/gradcheck/GradCheckPanel';
import { DEFAULT_GRADCHECK_TOLERANCE } from '../../src/engine';
import { gradCheckParamColor } from '../../src/views/gradcheck/colors';
import { type ExampleEntry, type LoadedExample, loadExample, parseExampleIndex } from '../../src/views/stepper/examples';
import { useStepperKeyboard } from '../../src/views/stepper/keyboard';
import { initialStepperState, runStepperAction, stepperReducer } from '../../src/views/stepper/machine';
import { StepperPanel } from '../../src/views/stepper/StepperPanel';
import type { SampleSelection, StepHighlight } from '../../src/views/stepper/types';

const query = new URLSearchParams(location.search);
const graphModules = import.meta.glob('../../src/views/graph/NetworkGraph.tsx', { eager: true }) as Record<
  string,
  { NetworkGraph?: (props: Record<string, unknown>) => React.ReactNode }
>;
const NetworkGraph = Object.values(graphModules)[0]?.NetworkGraph ?? null;

const readText = (file: string) => fetch(`/examples/${file}`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${file}: HTTP ${r.status}`))));

function Gallery() {
  const [entries, setEntries] = useState<ExampleEntry[]>([]);
  const [example, setExample] = useState<LoadedExample | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [id, setId] = useState(query.get('example') ?? 'question-xor');
  useEffect(() => {
    readText('index.json').then(
      (text) => {
        const parsed = parseExampleIndex(text);
        if (parsed.ok) setEntries(parsed.value);
        else setError(parsed.error);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    const entry = entries.find((e) => e.id === id);
    if (!entry) return;
    loadExample(entry, readText).then((result) => (result.ok ? setExample(result.value) : setError(result.error)));
  }, [entries, id]);
  if (error) return <p className="error">{error}</p>;
  return (
    <>
      <h1>Step-through gallery</h1>
      <p className="intro">Worked examples from public/examples. → and ← step while this page has focus (not while typing).</p>
      <div className="controls">
        <label>
          Example{' '}
          <select value={id} onChange={(e) => setId(e.target.value)}>
            {entries.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {example && <Lab key={example.entry.id} example={example} />}
    </>
  );
}

function Lab({ example }: { example: LoadedExample }) {
  const [network, setNetwork] = useState<Network>(example.network);
  const [epoch, setEpoch] = useState(0);
  const [derivative, setDerivative] = useState<DerivativeMode>((query.get('derivative') as DerivativeMode | null) ?? example.options.derivative);
  const [freezeBiases, setFreezeBiases] = useState(example.options.freezeBiases);
  const [gradientDivisor, setGradientDivisor] = useState<GradientDivisor>((query.get('divisor') as GradientDivisor | null) ?? example.options.gradientDivisor);
  const sampleParam = query.get('sample');
  const [sample, setSample] = useState<SampleSelection>(sampleParam === null ? 0 : sampleParam === 'mean' ? 'mean' : Number(sampleParam));
  const [view, setView] = useState(query.get('view') ?? 'stepper');
  const [highlight, setHighlight] = useState<StepHighlight | null>(null);
  const [state, dispatch] = useReducer(stepperReducer, undefined, () => initialStepperState());

  const options = useMemo(() => ({ ...example.options, derivative, freezeBiases, gradientDivisor }), [example, derivative, freezeBiases, gradientDivisor]);
  const other: DerivativeMode = derivative === 'buggy' ? 'correct' : 'buggy';
  const pass = useMemo(() => inspectPass(network, example.data, options), [network, example, options]);
  const otherPass = useMemo(() => inspectPass(network, example.data, { ...options, derivative: other }), [network, example, options, other]);
  const grids = useMemo(
    () => (example.data.inputSize === 2 ? new GridEvaluator(network, example.data.domain, 60, 24).evaluate(network) : null),
    [network, example],
  );
  const check = useMemo(() => (view === 'gradcheck' ? gradientCheck(network, example.data, options) : null), [view, network, example, options]);
  const paramColor = useMemo(() => (check ? gradCheckParamColor(check, DEFAULT_GRADCHECK_TOLERANCE) : undefined), [check]);

  // the caller's half of "next epoch": apply the update the pass recorded, which brings a new pass
  const nextEpoch = () => {
    setNetwork({ ...network, params: pass.paramsAfter.slice() });
    setEpoch((e) => e + 1);
  };
  useStepperKeyboard(view === 'stepper', {
    onNext: () => runStepperAction(state, { type: 'next' }, dispatch, nextEpoch),
    onPrevious: () => runStepperAction(state, { type: 'previous' }, dispatch, nextEpoch),
  });
  // ?step=N for screenshots, once the first pass is loaded
  const jumped = useRef(false);
  useEffect(() => {
    const step = query.get('step');
    if (jumped.current || state.phases.length === 0 || step === null) return;
    jumped.current = true;
    dispatch({ type: 'goto', index: Number(step) });
  }, [state.phases]);

  const panelOnly = query.get('only') === 'panel';
  return (
    <>
      <div className="controls">
        <span className="bl-toggle" role="group" aria-label="Derivative">
          {(['correct', 'buggy'] as const).map((mode) => (
            <button key={mode} type="button" aria-pressed={derivative === mode} onClick={() => setDerivative(mode)}>
              {mode === 'correct' ? 'Correct' : 'Buggy'}
            </button>
          ))}
        </span>
        <label className="bl-check">
          <input type="checkbox" checked={freezeBiases} onChange={(e) => setFreezeBiases(e.target.checked)} /> Freeze biases
        </label>
        <label className="bl-check">
          <input type="checkbox" checked={gradientDivisor === 'features'} onChange={(e) => setGradientDivisor(e.target.checked ? 'features' : 'samples')} />{' '}
          Divide by n₀ (the question’s 1/len(x))
        </label>
        <span className="bl-toggle" role="group" aria-label="Mode">
          {(['stepper', 'gradcheck'] as const).map((mode) => (
            <button key={mode} type="button" aria-pressed={view === mode} onClick={() => setView(mode)}>
              {mode === 'stepper' ? 'Step through' : 'Gradient check'}
            </button>
          ))}
        </span>
      </div>
      <div className={panelOnly ? '' : 'layout'} id="lab">
        {!panelOnly && NetworkGraph && (
          <div className="card" id="graph">
            <NetworkGraph
              network={{ ...network, params: pass.paramsBefore }}
              pass={pass}
              grids={grids}
              sample={sample}
              onSampleChange={setSample}
              highlight={view === 'stepper' ? (highlight ?? undefined) : undefined}
              paramColor={paramColor}
              height={300}
            />
          </div>
        )}
        <div className="card" id="panel">
          {view === 'stepper' ? (
            <StepperPanel
              network={network}
              pass={pass}
              otherPass={otherPass}
              settings={{ cost: options.cost, derivative, freezeBiases }}
              sample={sample}
              onSampleChange={setSample}
              state={state}
              dispatch={dispatch}
              onHighlight={setHighlight}
              onNextEpoch={nextEpoch}
              epoch={epoch}
            />
          ) : (
            <GradCheckPanel check={check} derivative={derivative} gradientDivisor={gradientDivisor} onHighlight={(h) => setHighlight(h)} />
          )}
        </div>
      </div>
    </>
  );
}

// the page's components speak through the catalogs: English here, as on the page by default
for (const group of Object.keys(CATALOG_GROUPS) as CatalogGroup[]) await loadCatalogGroup(group);
await switchLanguage('en');
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Gallery />
    </StrictMode>,
  );
