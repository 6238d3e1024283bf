/**
 * Step through one pass of backpropagation: a presentational panel over an engine PassRecord.
 * The caller owns the state (a reducer or store slice over `stepperReducer`) and the passes; the panel
 * shows the current step, moves through the pass, and reports what the network graph should highlight.
 * Every number comes from `pass` (and `otherPass`, the same pass under the other derivative).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Network, PassRecord } from '../../engine';
import { formatEpoch, formatNumber } from '../format';
import { currentLanguage, t as translate, useT } from '../../i18n/setup';
import { type StepperAction, type StepperState, runStepperAction } from './machine';
import { contextError, passSizes } from './records';
import { buildStep, phaseLabel, stepPhases } from './steps';
import { type StepExercise, StepView } from './StepView';
import { PHASES, type Phase, type SampleSelection, type StepHighlight, type StepSettings } from './types';
import '../views.css';
import './stepper.css';

export interface StepperPanelProps {
  network: Network;
  /** the pass to step through (inspectPass on the current parameters); null while none is computed */
  pass: PassRecord | null;
  /** the same pass computed with the other derivative mode, for BP2's comparison (optional) */
  otherPass?: PassRecord | null;
  /** cost, derivative mode and frozen biases the pass was computed with */
  settings: StepSettings;
  sample: SampleSelection;
  onSampleChange(sample: SampleSelection): void;
  state: StepperState;
  dispatch(action: StepperAction): void;
  /** what the network graph should highlight (the step's neurons and params, or a hovered number's place) */
  onHighlight?(highlight: StepHighlight | null): void;
  /** the learner moved past "next epoch": compute a new pass on the updated parameters */
  onNextEpoch(): void;
  /** milliseconds per step while walking through slowly */
  playInterval?: number;
  /** the epoch the pass belongs to, if the caller counts them */
  epoch?: number;
  /** exercise mode: the learner finds the step's results */
  exercise?: StepExercise;
}

export function StepperPanel(props: StepperPanelProps) {
  const { network, pass, otherPass, settings, sample, onSampleChange, state, dispatch, onHighlight, onNextEpoch, playInterval = 1500, epoch, exercise } = props;
  const t = useT();
  // the step's sentences are built in the page's language: a switch builds it again
  const language = currentLanguage();

  // A new pass (or a new shape) reloads the machine; the first load starts at the top.
  const loaded = useRef<PassRecord | null>(null);
  useEffect(() => {
    if (!pass || loaded.current === pass) return;
    dispatch({ type: 'load', phases: stepPhases(passSizes(pass)), keepPosition: loaded.current !== null });
    loaded.current = pass;
  }, [pass, dispatch]);

  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(() => dispatch({ type: 'tick' }), playInterval);
    return () => clearInterval(timer);
  }, [state.playing, playInterval, dispatch]);

  const ready = pass !== null && state.phases.length > 0;
  const index = Math.min(state.index, Math.max(0, state.phases.length - 1));
  const { cost, derivative, freezeBiases } = settings;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is read by the messages inside buildStep
  const step = useMemo(
    () => (pass && ready ? buildStep({ network, pass, otherPass, settings: { cost, derivative, freezeBiases }, sample }, index) : null),
    [network, pass, otherPass, cost, derivative, freezeBiases, sample, index, ready, language],
  );

  const highlightRef = useRef(onHighlight);
  useEffect(() => {
    highlightRef.current = onHighlight;
  });
  // reported when what is highlighted changes, not on every new step object
  const highlightKey = step ? JSON.stringify(step.highlight) : '';
  useEffect(() => {
    highlightRef.current?.(highlightKey ? (JSON.parse(highlightKey) as StepHighlight) : null);
  }, [highlightKey]);
  useEffect(() => () => highlightRef.current?.(null), []);

  const go = (action: StepperAction) => runStepperAction(state, action, dispatch, onNextEpoch);
  const currentPhase: Phase | null = ready ? state.phases[index] : null;
  const problem = pass ? contextError({ network, pass, otherPass, settings, sample }) : null;

  return (
    <section className="bl-view bl-stepper" aria-label={t('step.panel.label')}>
      <div className="bl-stepper__bar">
        <div className="bl-stepper__nav">
          <button type="button" onClick={() => go({ type: 'previous' })} disabled={!ready || index === 0 || state.awaitingPass}>
            <span aria-hidden="true">← </span>
            {t('step.panel.previous')}
          </button>
          <button type="button" className="bl-stepper__primary" onClick={() => go({ type: 'next' })} disabled={!ready || state.awaitingPass}>
            {t('step.panel.next')}
            <span aria-hidden="true"> →</span>
          </button>
          <button
            type="button"
            onClick={() => go({ type: state.playing ? 'pause' : 'play' })}
            disabled={!ready || state.awaitingPass}
            aria-pressed={state.playing}
          >
            {state.playing ? t('step.panel.stopWalk') : t('step.panel.walk')}
          </button>
        </div>
        <label className="bl-stepper__sample">
          {t('step.panel.sample')}{' '}
          <select
            value={String(sample)}
            onChange={(event) => onSampleChange(event.target.value === 'mean' ? 'mean' : Number(event.target.value))}
            disabled={!pass}
          >
            <option value="mean">{t('step.panel.wholeBatch')}</option>
            {pass && sampleOptions(pass)}
          </select>
        </label>
      </div>
      <div className="bl-toggle bl-stepper__phases" role="group" aria-label={t('step.panel.jump')}>
        {PHASES.map((phase) => (
          <button
            type="button"
            key={phase}
            aria-pressed={currentPhase === phase}
            disabled={!ready || state.awaitingPass || !state.phases.includes(phase)}
            onClick={() => go({ type: 'jump', phase })}
          >
            {phaseLabel(phase)}
          </button>
        ))}
      </div>
      <p className="bl-stepper__status" role="status" aria-live="polite">
        {statusText(state, index, pass, epoch)}
        {pass && (
          <span className="bl-stepper__settings">
            {' · '}
            {t('step.panel.settings', {
              cost: settings.cost,
              mode: settings.derivative,
              eta: formatNumber(pass.learningRate),
              frozen: settings.freezeBiases ? 'yes' : 'no',
            })}
          </span>
        )}
      </p>
      {problem && <p className="bl-stepper__problem">{problem}</p>}
      {step && <StepView step={step} onHighlight={(h) => onHighlight?.(h)} exercise={exercise} />}
    </section>
  );
}

function statusText(state: StepperState, index: number, pass: PassRecord | null, epoch?: number): string {
  if (!pass) return translate('step.panel.noPass');
  if (state.awaitingPass) return translate('step.panel.computingNext');
  if (state.phases.length === 0) return translate('step.panel.loading');
  const where = { step: index + 1, count: state.phases.length };
  return epoch === undefined ? translate('step.panel.where', where) : translate('step.panel.whereEpoch', { ...where, epoch: formatEpoch(epoch) });
}

/** One option per sample: "2: x = (0, 1), y = 1", read from the record. */
function sampleOptions(pass: PassRecord) {
  const n0 = pass.inputs.length / pass.count;
  const nL = pass.targets.length / pass.count;
  const row = (values: Float64Array, s: number, n: number) => Array.from(values.subarray(s * n, s * n + n), formatNumber).join(', ');
  return Array.from({ length: pass.count }, (_, s) => s).map((s) => (
    <option key={s} value={s}>
      {`${s + 1}: x = (${row(pass.inputs, s, n0)}), y = ${nL === 1 ? row(pass.targets, s, 1) : `(${row(pass.targets, s, nL)})`}`}
    </option>
  ));
}
