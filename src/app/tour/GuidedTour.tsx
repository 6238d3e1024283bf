/**
 * The guided tour (a region named "Guided tour"): one step at a time, each setting the lab up by
 * itself, running what it needs and ending with a sentence in the run's own numbers. Back and Next
 * move, Finish ends it on the last step; Escape or Leave closes it and leaves the lab as the step
 * left it (with an offer to restore the settings from before it, RestoreSettings.tsx).
 */
import { problemText } from '../../i18n/messageText';
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
import { RestoreSettings } from './RestoreSettings';
import { beginTour, endTour } from './tourReturn';
import { useT } from '../../i18n/setup';
import { SHORTCUTS, isShortcut } from '../shortcutKeys';
import './tour.css';

/** Where a step's evidence is on the page, when it is below the fold. */
const EVIDENCE: Partial<Record<(typeof TOUR_STEPS)[number]['id'], { label: 'tour.showTwin' | 'tour.showSaturation'; id: string }>> = {
  twin: { label: 'tour.showTwin', id: 'bl-twin-title' },
  saturation: { label: 'tour.showSaturation', id: 'saturation-section' },
};

export function GuidedTour() {
  const store = useLabStoreApi();
  const step = useLab((s) => s.story.tourStep);
  const status = useLab((s) => s.story.stepStatus);
  const error = useLab((s) => s.story.stepError);
  const id = step === null ? null : TOUR_STEPS[step - 1].id;
  const t = useT();
  const sentence = useLab((s) => (id === null ? null : tourSentence(id, s)));
  const panel = useRef<HTMLElement>(null);

  // before the step's own setup (effects run in order): the settings it replaces, offered back on leaving
  const open = step !== null;
  useEffect(() => {
    if (!open) return;
    beginTour(store);
    return () => endTour(store);
  }, [store, open]);

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
      if (!isShortcut(SHORTCUTS.leaveTour, event.key)) return;
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

  if (step === null || id === null) return <RestoreSettings />;
  const go = (next: number | null) => store.getState().setTourStep(next);
  return (
    <section ref={panel} className="card tour" aria-label={t('tour.label')}>
      <div className="tour__head">
        <span className="tour__counter">{t('tour.counter', { step, count: TOUR_STEP_COUNT })}</span>
        <h2 className="tour__title">{t(`tour.step.${id}.title`)}</h2>
        <button type="button" className="button button--small tour__leave" onClick={() => go(null)}>
          {t('tour.leave')}
        </button>
      </div>
      <p className="tour__text">{t(`tour.step.${id}.text`)}</p>
      {id === 'fix' && (
        <div className="tour__extra">
          <FixProgram />
          <QuestionNotes />
        </div>
      )}
      {id === 'gates' && <TourGateTable />}
      {id === 'xor' && <XorStarts />}
      <p className="tour__result" aria-live="polite">
        {status === 'error' ? <span className="tour__problem">{problemText(error)}</span> : (sentence ?? (status === 'running' ? t('tour.running') : ''))}
      </p>
      <div className="tour__nav">
        <button type="button" className="button" disabled={step <= 1} onClick={() => go(step - 1)}>
          {t('tour.back')}
        </button>
        {/* the last step ends the tour (the lab stays as it left it, with an offer of the settings from before) */}
        {step < TOUR_STEP_COUNT ? (
          <button type="button" className="button button--primary" onClick={() => go(step + 1)}>
            {t('tour.next')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={() => go(null)}>
            {t('tour.finish')}
          </button>
        )}
        {EVIDENCE[id] && status === 'done' && (
          <button
            type="button"
            className="button tour__show"
            onClick={() => document.getElementById(EVIDENCE[id]!.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            {t(EVIDENCE[id]!.label)} ↓
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
