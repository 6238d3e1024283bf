/** Keeps `tour=N` in the address bar while the tour is open (the settings keeper writes the rest). */
import type { LabStore } from '../../store/labStore';
import { replaceQuery } from '../browser/browser';
import { withTour } from './tourLink';

export function keepTourInAddress(store: LabStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.story.tourStep === previous.story.tourStep) return;
    replaceQuery(withTour(new URLSearchParams(window.location.search), state.story.tourStep));
  });
}
