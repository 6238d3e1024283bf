/**
 * Keeps `tour=N` in the address bar while the tour is open (the settings keeper writes the rest),
 * and remembers the settings from before the tour, to offer them back when it closes (tourReturn.ts).
 */
import type { LabStore } from '../../store/labStore';
import { replaceQuery } from '../browser/browser';
import { withTour } from './tourLink';
import { rememberSettingsBeforeTour } from './tourReturn';

export function keepTourInAddress(store: LabStore): () => void {
  const forget = rememberSettingsBeforeTour(store);
  const stop = store.subscribe((state, previous) => {
    if (state.story.tourStep === previous.story.tourStep) return;
    replaceQuery(withTour(new URLSearchParams(window.location.search), state.story.tourStep));
  });
  return () => {
    forget();
    stop();
  };
}
