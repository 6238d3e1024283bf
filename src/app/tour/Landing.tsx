/**
 * The landing: the question's story in three sentences above the views on a first visit, with
 * Start here (the guided tour) and Explore on my own. Leaving it is remembered; the header's
 * "The story" button brings it back.
 */
import { useLab, useLabStoreApi } from '../../store/hooks';
import { browserStorage } from '../browser/browser';
import { rememberLandingSeen } from './tourLink';
import { TOUR_STEP_COUNT } from './tourSteps';
import { useT } from '../../i18n/setup';
import './tour.css';

export function Landing() {
  const store = useLabStoreApi();
  const shown = useLab((s) => s.story.landing);
  const t = useT();
  if (!shown) return null;
  const leave = (tour: boolean) => {
    rememberLandingSeen(browserStorage());
    store.getState().setLanding(false);
    if (tour) store.getState().setTourStep(1);
  };
  return (
    <section className="card landing" aria-labelledby="landing-title">
      <h2 id="landing-title" className="landing__title">
        {t('landing.title')}
      </h2>
      <p className="landing__text">{t('landing.text', { steps: TOUR_STEP_COUNT })}</p>
      <div className="landing__actions">
        <button type="button" className="button button--primary" onClick={() => leave(true)}>
          {t('landing.start')}
        </button>
        <button type="button" className="button" onClick={() => leave(false)}>
          {t('landing.explore')}
        </button>
      </div>
    </section>
  );
}

/** The header's control that brings the landing back. */
export function StoryButton() {
  const store = useLabStoreApi();
  const shown = useLab((s) => s.story.landing);
  const t = useT();
  return (
    <button type="button" className="button button--small" aria-pressed={shown} onClick={() => store.getState().setLanding(!shown)}>
      {t('header.story')}
    </button>
  );
}
