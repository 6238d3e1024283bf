/**
 * The guided tour (a region named "Guided tour"): one step at a time, each setting the lab up by
 * itself, running what it needs and ending with a sentence in the run's own numbers. Back and Next
 * move; Escape or Leave closes it and leaves the lab as the step left it.
 */
import { useEffect, useRef } from 'react';
import { useLab, useLabStoreApi } from '../../store/hooks';
import type { LabStore } from '../../store/labStore';
import { FixProgram } from './FixProgram';
import { QuestionNotes } from './QuestionNotes';
import { runTourStep } from './tourRuns';
import { tourSentence } from './tourSentences';
import { TOUR_STEPS, TOUR_STEP_COUNT } from './tourSteps';
import { TourGateTable } from './TourGateTable';
import { XorStarts } from './XorStarts';
import './tour.css';

/** What each step is about, before its run's sentence. */
const STEP_TEXT: Record<(typeof TOUR_STEPS)[number]['id'], string> = {
  question:
    'The learner’s code: a [2,2,1] sigmoid network with cross-entropy, weights and biases drawn from N(0, 1) (seed 1), η = 0.35 with the gradient divided by the number of input features, and BP2 evaluating σ′ at the activation a instead of at z. The live lab trains it on AND for 60,000 epochs.',
  twin: 'A twin run trains that start twice in lockstep, from the same weights and data: once with σ′(z) in BP2, once with the question’s σ′(a). Below, in the Bug lab, are both cost curves and both decision boundaries.',
  saturation:
    'Step through opens on the run with σ′(a) at the epoch where the twins’ costs differ most (found from the twin run). The Saturation figure puts each hidden neuron’s z and a on the σ′ curve: σ′(z) is the true slope, near 0 once |z| is large; σ′(a) is what the question used, and because a lies in (0, 1) it can never fall below σ′(1) ≈ 0.1966.',
  fix: 'A short NumPy-style program written for this lab in the question’s shape: lists of weights, biases and activations, and a loop from the last layer back. Two lines change. The live lab trains the question’s AND with both fixed.',
  gates:
    'The Gate comparison sweeps the question’s net on OR, AND and XOR from the same seeds, each start with both derivatives (100 starts per gate, unless the Bug lab already holds a comparison; more, up to 1,000, in the Bug lab’s Gate comparison). Success rates come with Wilson 95% intervals.',
  xor: 'A [2,2,1] network can represent XOR: some starts solve it. What goes wrong there is training: from other N(0, 1) starts it gets stuck, with the correct derivative too. With more hidden units (the answer’s 2-4-1) stuck starts become rare: the stuck start below solves with four, and a sweep in the Bug lab counts how often. Each button trains one start in the live lab.',
};

/** Where a step's evidence is on the page, when it is below the fold. */
const EVIDENCE: Partial<Record<(typeof TOUR_STEPS)[number]['id'], { label: string; id: string }>> = {
  twin: { label: 'Show the twin run', id: 'bl-twin-title' },
  saturation: { label: 'Show the Saturation figure', id: 'saturation-section' },
};

export function GuidedTour() {
  const store = useLabStoreApi();
  const step = useLab((s) => s.story.tourStep);
  const status = useLab((s) => s.story.stepStatus);
  const error = useLab((s) => s.story.stepError);
  const id = step === null ? null : TOUR_STEPS[step - 1].id;
  const sentence = useLab((s) => (id === null ? null : tourSentence(id, s)));
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (step === null) return;
    return runStepIn(store, step);
  }, [store, step]);

  // a new step starts at its own text: after a long step (the program) the page may be scrolled past it
  useEffect(() => {
    if (step === null) return;
    const top = panel.current?.getBoundingClientRect().top;
    if (top !== undefined && top < 0) panel.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  useEffect(() => {
    if (step === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Escape that cancels an edit, or closes a dialog or menu, is theirs, not the tour's
      if (event.target instanceof Element && event.target.closest('input, textarea, select, dialog, [role="dialog"], [role="menu"]')) return;
      // decide once every handler has seen the key (a menu listening on window prevents its default)
      setTimeout(() => {
        if (!event.defaultPrevented) store.getState().setTourStep(null);
      }, 0);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, step]);

  if (step === null || id === null) return null;
  const go = (next: number | null) => store.getState().setTourStep(next);
  return (
    <section ref={panel} className="card tour" aria-label="Guided tour">
      <div className="tour__head">
        <span className="tour__counter">
          Step {step} of {TOUR_STEP_COUNT}
        </span>
        <h2 className="tour__title">{TOUR_STEPS[step - 1].title}</h2>
        <button type="button" className="button button--small tour__leave" onClick={() => go(null)}>
          Leave tour
        </button>
      </div>
      <p className="tour__text">{STEP_TEXT[id]}</p>
      {id === 'fix' && (
        <div className="tour__extra">
          <FixProgram />
          <QuestionNotes />
        </div>
      )}
      {id === 'gates' && <TourGateTable />}
      {id === 'xor' && <XorStarts />}
      <p className="tour__result" aria-live="polite">
        {status === 'error' ? <span className="tour__problem">{error}</span> : (sentence ?? (status === 'running' ? 'Running…' : ''))}
      </p>
      <div className="tour__nav">
        <button type="button" className="button" disabled={step <= 1} onClick={() => go(step - 1)}>
          Back
        </button>
        <button type="button" className="button button--primary" disabled={step >= TOUR_STEP_COUNT} onClick={() => go(step + 1)}>
          Next
        </button>
        {EVIDENCE[id] && status === 'done' && (
          <button type="button" className="button tour__show" onClick={() => document.getElementById(EVIDENCE[id]!.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
            {EVIDENCE[id]!.label} ↓
          </button>
        )}
      </div>
    </section>
  );
}

/** Runs a step's setup; a later step (or leaving) makes its outcome irrelevant. */
function runStepIn(store: LabStore, step: number): () => void {
  let current = true;
  store.getState().setStepStatus('running');
  void runTourStep(store, TOUR_STEPS[step - 1].id).then((problem) => {
    if (current && store.getState().story.tourStep === step) store.getState().setStepStatus(problem ? 'error' : 'done', problem);
  });
  return () => {
    current = false;
  };
}
