/**
 * The landing: the question's story in three sentences above the views on a first visit, with
 * Start here (the guided tour) and Explore on my own. Leaving it is remembered; the header's
 * "The story" button brings it back.
 */
import { useLab, useLabStoreApi } from '../../store/hooks';
import { browserStorage } from '../share/browser';
import { rememberLandingSeen } from './tourLink';
import { TOUR_STEP_COUNT } from './tourSteps';
import './tour.css';

export function Landing() {
  const store = useLabStoreApi();
  const shown = useLab((s) => s.story.landing);
  if (!shown) return null;
  const leave = (tour: boolean) => {
    rememberLandingSeen(browserStorage());
    store.getState().setLanding(false);
    if (tour) store.getState().setTourStep(1);
  };
  return (
    <section className="card landing" aria-labelledby="landing-title">
      <h2 id="landing-title" className="landing__title">
        Why does a learner’s network learn OR but not AND?
      </h2>
      <p className="landing__text">
        A learner wrote a small NumPy network ([2,2,1], sigmoid, cross-entropy) that learns OR but not AND. The reason is one line of the backward pass: the hidden layer’s δ takes
        the sigmoid’s slope at the activation a instead of at z. This lab shows it on its own runs, in {TOUR_STEP_COUNT} short steps.
      </p>
      <div className="landing__actions">
        <button type="button" className="button button--primary" onClick={() => leave(true)}>
          Start here
        </button>
        <button type="button" className="button" onClick={() => leave(false)}>
          Explore on my own
        </button>
      </div>
    </section>
  );
}

/** The header's control that brings the landing back. */
export function StoryButton() {
  const store = useLabStoreApi();
  const shown = useLab((s) => s.story.landing);
  return (
    <button type="button" className="button button--small" aria-pressed={shown} onClick={() => store.getState().setLanding(!shown)}>
      The story
    </button>
  );
}
