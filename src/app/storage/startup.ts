/**
 * The page's share wiring: a store that opens with the link's settings (else the saved ones,
 * else the defaults) before any worker sees it, and the keeper that follows changes into the
 * address bar and localStorage.
 */
import { engineMessage } from '../../engine';
import { type LabStore, createLabStore } from '../../store/labStore';
import { browserStorage, replaceQuery } from '../browser/browser';
import type { SettingsStorage } from './persist';
import { initialSettings } from './persist';
import { applySettings, keepSettings, settingsOfState } from './storeBridge';
import { LAB_UI_PROPERTIES, encodeSettings } from '../links/urlState';
import { FIRST_VISIT_CONFIG } from '../tour/storySetup';
import { landingSeen, readTourParam } from '../tour/tourLink';
import { TOUR_STEP_COUNT } from '../tour/tourSteps';
import { readMysteryParam, startMystery } from '../bugLab/mystery';
import { langNotes, readLangParam } from '../../i18n/langLink';
import { readTabParam } from '../links/tabLink';
import { withPageKeys } from '../links/pageKeys';
import { loadCatalogGroup, t } from '../../i18n/setup';

export interface StartupEnvironment {
  /** the query of the page's address, e.g. "?lr=0.5" */
  search: string;
  storage: SettingsStorage | null;
}

function pageEnvironment(): StartupEnvironment {
  return { search: typeof location === 'undefined' ? '' : location.search, storage: browserStorage() };
}

/** A lab store holding the settings the page opens with; the notes name anything refused. */
export function createSharedLabStore(environment: StartupEnvironment = pageEnvironment()): LabStore {
  const store = createLabStore();
  // the page's language rides on the link too (i18n/langLink.ts), settled before the store
  const lang = readLangParam(environment.search);
  // the mystery's code is a page key beside the tour's, read before the settings (bugLab/mystery.ts)
  const mystery = readMysteryParam(lang.search);
  const tour = readTourParam(mystery.search, TOUR_STEP_COUNT);
  const settings = initialSettings(tour.search, environment.storage, LAB_UI_PROPERTIES);
  // a first visit opens on the question's AND run, with the story above the views; a link whose
  // every value was refused is not one: its notes name the defaults it kept, so the defaults it gets
  const linkGiven = [...new URLSearchParams(tour.search).keys()].length > 0;
  const firstVisit = settings.source === 'defaults' && !linkGiven;
  // decoded settings are valid one by one and together, so the store should refuse none of them
  const refused = applySettings(store, firstVisit ? { ...settings, config: FIRST_VISIT_CONFIG } : settings);
  const tourNotes = tour.note ? [{ key: 'tour', message: tour.note }] : [];
  // the open tab is a page key too (links/tabLink.ts); without one the page opens on the Live lab
  const tab = readTabParam(tour.search);
  if (tab.mode) store.getState().setUi({ mode: tab.mode });
  const tabNotes = tab.refused === null ? [] : [{ key: 'tab', message: t('tabLink.bad', { shown: tab.refused }) }];
  store
    .getState()
    .addNotes([
      ...settings.notes,
      ...tourNotes,
      ...tabNotes,
      ...langNotes(lang),
      ...refused.map((detail) => ({ key: '', message: engineMessage('settingNotApplied', { detail }) })),
    ]);
  const mysteryNote = mystery.code === null ? null : startMystery(store, mystery.code);
  if (mysteryNote) store.getState().addNotes([{ key: 'mystery', message: mysteryNote }]);
  store.getState().setTourStep(tour.step);
  store.getState().setLanding(firstVisit && tour.step === null && !landingSeen(environment.storage));
  // the run's epoch (links/epochLink.ts), loaded only for a link that has one; the tour and a mystery set up runs of their own
  if (new URLSearchParams(tour.search).has('epoch'))
    void import('../links/replayEpoch').then((m) =>
      m.openLinkEpoch(store, tour.search, tour.step === null && mystery.code === null, t, loadCatalogGroup('errors')),
    );
  return store;
}

/**
 * Keeps the address bar and the saved settings in step with the store. An address that came with
 * a query is rewritten at once in full, so it no longer carries the values the notes refused.
 */
export function keepPageSettings(store: LabStore, environment: StartupEnvironment = pageEnvironment()): () => void {
  // the tour's step, the mystery, the tab and the language ride on top of the settings (links/pageKeys.ts)
  const writeQuery = (query: URLSearchParams) => replaceQuery(withPageKeys(query, store.getState()));
  if (environment.search.length > 1) writeQuery(encodeSettings(settingsOfState(store.getState()), LAB_UI_PROPERTIES));
  return keepSettings(store, {
    storage: environment.storage,
    writeQuery,
    onNote: (note) => store.getState().addNotes([{ key: 'storage', message: note.message }]),
  });
}
