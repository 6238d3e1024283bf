/**
 * The page's own keys on top of the settings query: the tour's step, the mystery, the open tab and
 * the language. One place, read by the address bar's keeper and by Copy link, so a copied link
 * opens what the address bar would.
 */
import type { LabState } from '../../store/types';
import { withLang } from '../../i18n/langLink';
import { currentLanguage } from '../../i18n/setup';
import { withMystery } from '../bugLab/mystery';
import { withTour } from '../tour/tourLink';
import { withTab } from './tabLink';

export function withPageKeys(query: URLSearchParams, state: Pick<LabState, 'story' | 'ui'>): URLSearchParams {
  return withLang(withTab(withMystery(withTour(query, state.story.tourStep)), state.ui.mode), currentLanguage());
}
