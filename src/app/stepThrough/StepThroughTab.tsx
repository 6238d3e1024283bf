/**
 * Step through one backprop pass (issue 4): the live run's network on the graph beside the stepper
 * (or the gradient check), a worked example or the user's files to load, and frozen biases.
 * The passes and the check come from the worker's engine for the run the live lab shows (the
 * store's stepThrough slice); "next epoch" trains that same run, so the live lab moves with it.
 */
import { problemText } from '../../i18n/messageText';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { BoundaryGrids } from '../../engine';
import { useLab, useLabShallow, useLabStoreApi } from '../../store/hooks';
import { currentMomentKey } from '../../store/stepSlice';
import type { LabState } from '../../store/types';
import type { InspectedPasses } from '../../worker/lab/inspectProtocol';
import { StepComputationalGraph } from '../../views/compgraph/StepComputationalGraph';
import { GradCheckPanel } from '../../views/gradcheck/GradCheckPanel';
import { gradCheckParamColor } from '../../views/gradcheck/colors';
import { type GraphHighlight, NetworkGraph } from '../../views/graph/NetworkGraph';
import { useStepperKeyboard } from '../../views/stepper/keyboard';
import { initialStepperState, runStepperAction, stepperReducer } from '../../views/stepper/machine';
import { StepperPanel } from '../../views/stepper/StepperPanel';
import type { StepHighlight } from '../../views/stepper/types';
import { ExerciseBar } from '../exercise/ExerciseBar';
import { useStepExercise } from '../exercise/useStepExercise';
import { type LoadOutcome, StepLoader } from './StepLoader';
import { checkNote, passesNote, StepNotes } from './StepNotes';
import { useT } from '../../i18n/setup';
import { SaturationSection } from '../tour/SaturationSection';
import './stepThrough.css';

export function StepThroughTab() {
  const t = useT();
  const store = useLabStoreApi();
  const moment = useLab(currentMomentKey);
  const running = useLab((s) => s.run.running);
  const runId = useLab((s) => s.run.runId);
  const { passes, sample, gradCheckOn, gradCheck, gradCheckKey } = useLabShallow((s) => ({
    passes: s.stepThrough.passes,
    sample: s.stepThrough.sample,
    gradCheckOn: s.stepThrough.gradCheckOn,
    gradCheck: s.stepThrough.gradCheck,
    gradCheckKey: s.stepThrough.gradCheckKey,
  }));
  const freezeBiases = useLab((s) => s.config.freezeBiases);
  const [outcome, setOutcome] = useState<LoadOutcome | null>(null);
  const [stepper, dispatch] = useReducer(stepperReducer, undefined, () => initialStepperState());
  const [stepHighlight, setStepHighlight] = useState<StepHighlight | null>(null);
  const [checkHighlight, setCheckHighlight] = useState<GraphHighlight | null>(null);

  // whenever the lab moves on (another epoch, run or option), ask for the passes (and the check) of where it is now;
  // both actions ask once per moment, so hearing every change of the store is cheap
  useEffect(() => {
    const ask = () => {
      store.getState().requestPasses();
      store.getState().requestGradientCheck();
    };
    ask();
    return store.subscribe(ask);
  }, [store]);

  // passes of an earlier run are not shown: the new run's arrive in a moment
  const shown = passes && passes.runId === runId ? passes : null;
  const onNextEpoch = useCallback(() => store.getState().nextEpoch(), [store]);
  const selectSample = useLab((s) => s.selectStepSample);
  useStepperKeyboard(!gradCheckOn, {
    onNext: () => runStepperAction(stepper, { type: 'next' }, dispatch, onNextEpoch),
    onPrevious: () => runStepperAction(stepper, { type: 'previous' }, dispatch, onNextEpoch),
  });

  const exercisePass = useMemo(
    () => (shown ? { key: `run ${shown.runId}, epoch ${shown.epoch}`, sample, sizes: shown.network.sizes, settings: shown.options } : null),
    [shown, sample],
  );
  const { exercise, feedback } = useStepExercise(exercisePass, setStepHighlight);
  const grids = usePassGrids(shown);
  const check = gradCheck && gradCheck.runId === runId ? gradCheck : null;
  const paramColor = useMemo(() => (gradCheckOn && check ? gradCheckParamColor(check.check) : undefined), [gradCheckOn, check]);
  const checking = gradCheckOn && !running && gradCheckKey !== null && (check === null || gradCheckKey !== moment);
  const highlight = gradCheckOn ? checkHighlight : stepHighlight;
  const onOutcome = useCallback((next: LoadOutcome | null) => setOutcome(next), []);
  const passesText = shown && passesNote(shown);
  const checkText = check && checkNote(check, check.check?.parameters.length ?? shown?.network.params.length ?? 0);

  return (
    <div className="step-tab">
      <div className="step-tab__bar card">
        <StepLoader onOutcome={onOutcome} />
        <div className="step-tab__modes">
          <label className="step-tab__switch">
            <input
              type="checkbox"
              role="switch"
              checked={freezeBiases}
              aria-checked={freezeBiases}
              onChange={(event) => setOutcome(problemOutcome(problemText(store.getState().setConfig({ freezeBiases: event.target.checked }))))}
            />
            {t('step.tab.freezeBiases')}
          </label>
          <button
            type="button"
            className={`button button--small${gradCheckOn ? ' is-on' : ''}`}
            aria-pressed={gradCheckOn}
            onClick={() => store.getState().setGradCheckOn(!gradCheckOn)}
          >
            {t('step.tab.gradientCheck')}
          </button>
        </div>
        <ExerciseBar passKey={exercisePass?.key ?? null} feedback={feedback} />
        {/* always one line, so loading something never moves the graph and the stepper below */}
        <p
          className={outcome && !outcome.ok ? 'step-tab__outcome is-bad' : 'step-tab__outcome'}
          role={outcome && !outcome.ok ? 'alert' : 'status'}
          title={outcome?.message()}
        >
          {outcome ? outcome.message() : t('step.tab.nothingLoaded')}
        </p>
      </div>
      <StepNotes shownEpoch={shown?.epoch ?? null} />
      <SaturationSection shown={shown} />
      <div className="step-tab__body">
        <section className="card step-tab__graph" aria-label={t('step.tab.network')}>
          {shown ? (
            <NetworkGraph
              network={shown.network}
              pass={shown.pass}
              grids={grids}
              sample={sample}
              onSampleChange={selectSample}
              highlight={highlight ?? undefined}
              paramColor={paramColor}
            />
          ) : (
            <p className="step-tab__waiting">{t('step.tab.computing')}</p>
          )}
        </section>
        <section className="card step-tab__panel">
          {gradCheckOn && (
            <>
              {checking && <p className="step-tab__waiting">{t('step.tab.checking')}</p>}
              {checkText && <p className="step-tab__note">{checkText}</p>}
              <GradCheckPanel
                check={check?.check ?? null}
                derivative={check?.options.derivative}
                gradientDivisor={check?.options.gradientDivisor}
                onHighlight={setCheckHighlight}
              />
            </>
          )}
          {/* kept mounted under the gradient check, so the learner comes back to the same step */}
          <div hidden={gradCheckOn}>
            {passesText && <p className="step-tab__note">{passesText}</p>}
            {shown ? (
              <StepperPanel
                key={shown.runId}
                network={shown.network}
                pass={shown.pass}
                otherPass={shown.otherPass}
                settings={{ cost: shown.options.cost, derivative: shown.options.derivative, freezeBiases: shown.options.freezeBiases }}
                sample={sample}
                onSampleChange={selectSample}
                state={stepper}
                dispatch={dispatch}
                onHighlight={setStepHighlight}
                onNextEpoch={onNextEpoch}
                epoch={shown.epoch}
                exercise={exercise}
              />
            ) : (
              <p className="step-tab__waiting">{t('step.tab.computing')}</p>
            )}
          </div>
        </section>
      </div>
      {/* the graph would show the answers */}
      {shown && !exercise && <StepComputationalGraph passes={shown} sample={sample} />}
    </div>
  );
}

/**
 * The neuron heatmaps of the network the passes ran on: the live snapshot's while it is at the same
 * epoch, and kept from then on while the lab trains ahead (the passes stay where they were).
 */
function usePassGrids(passes: InspectedPasses | null): BoundaryGrids | null {
  const matching = useLab((s: LabState) =>
    passes && s.snapshot && s.snapshot.runId === passes.runId && s.snapshot.epoch === passes.epoch ? s.snapshot.grids : null,
  );
  const kept = useRef<{ passes: InspectedPasses | null; grids: BoundaryGrids | null }>({ passes: null, grids: null });
  if (matching && (kept.current.passes !== passes || kept.current.grids !== matching)) kept.current = { passes, grids: matching };
  return kept.current.passes === passes ? kept.current.grids : null;
}

function problemOutcome(problem: string | null): LoadOutcome | null {
  return problem ? { ok: false, message: () => problem } : null;
}
