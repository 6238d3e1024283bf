/** The live lab: settings on the left, the run's transport and status on top, the three views. */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { keepLanguageInAddress } from './i18n/keepLanguage';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { useT, withCatalog } from '../i18n/setup';
import { LabStoreContext } from '../store/hooks';
import { ControlsPanel } from './ControlsPanel';
import { DerivativeSwitch } from './DerivativeSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { KeyHint } from './KeyHint';
import { startSweepPool } from './bugLab/sweepPoolBridge';
import { openLinkedExercise } from './exercise/exerciseLink';
import { EmbedPage } from './embed/EmbedPage';
import { announcePageLink, usePageLink } from './embed/pageLinkState';
import { PresenterToggle } from './embed/PresenterToggle';
import { LabViews } from './LabViews';
import { ModePanel, ModeTabs } from './ModeTabs';
import { startLabWorker } from './labWorker';
import { StatusLine } from './StatusLine';
import { Transport } from './Transport';
import { useShortcuts } from './useShortcuts';
import { createSharedLabStore, keepPageSettings } from './storage/startup';
import { NotesBanner, ParamEditor, ShareTools } from './ShareTools';
import { TourSlot } from './tour/TourSlot';
import { Landing, StoryButton } from './tour/Landing';
import { keepTourInAddress } from './tour/keepTour';
import './app.css';

// The step-through (with KaTeX) and the bug lab load when first opened, keeping the first render lean.
const StepThroughTab = lazy(() => withCatalog('step', import('./stepThrough/StepThroughTab')).then((m) => ({ default: m.StepThroughTab })));
const BugLabTab = lazy(() => withCatalog('buglab', import('./bugLab/BugLabTab')).then((m) => ({ default: m.BugLabTab })));

export function App() {
  // settings from the link, else saved, else defaults: in the store before the worker starts
  const [store] = useState(() => createSharedLabStore());
  useEffect(() => startLabWorker(store), [store]);
  useEffect(() => keepPageSettings(store), [store]);
  useEffect(() => startSweepPool(store), [store]);
  useEffect(() => void openLinkedExercise(store), [store]);
  useEffect(() => announcePageLink(store), [store]);
  useEffect(() => keepTourInAddress(store), [store]);
  useEffect(() => keepLanguageInAddress(), []);
  useShortcuts(store);
  const t = useT();
  const loadingTab = <p className="mode-panel__empty">{t('app.loading')}</p>;
  const pageLink = usePageLink();
  const mainRef = useRef<HTMLElement>(null);
  if (pageLink.embed)
    return (
      <LabStoreContext.Provider value={store}>
        <EmbedPage link={{ ...pageLink, embed: pageLink.embed }} />
      </LabStoreContext.Provider>
    );
  return (
    <LabStoreContext.Provider value={store}>
      <div className={pageLink.presenter ? 'app app--presenter' : 'app'}>
        {/* first in the tab order: past the header and the ~30 settings to the tabs and views */}
        {/* biome-ignore lint/a11y/useValidAnchor: a skip link is in-page navigation; the click moves focus itself so the address keeps its state and no #lab */}
        <a
          className="skip-link"
          href="#lab"
          onClick={(event) => {
            event.preventDefault();
            mainRef.current?.focus();
          }}
        >
          {t('skip.toLab')}
        </a>
        <header className="app__header panel">
          <h1>{t('header.title')}</h1>
          <StoryButton />
          <Transport />
          <DerivativeSwitch />
          <ShareTools />
          <KeyHint />
          <PresenterToggle />
          <NotesBanner />
        </header>
        <ParamEditor />
        <ErrorBoundary name="fault.settings">
          <ControlsPanel />
        </ErrorBoundary>
        <main className="app__main" id="lab" tabIndex={-1} ref={mainRef}>
          <Landing />
          <TourSlot />
          {/* the status beside the tabs: the header stays one row at 1280 px */}
          <div className="app__tabs-row">
            <ModeTabs />
            <ErrorBoundary name="fault.status">
              <StatusLine />
            </ErrorBoundary>
            {/* at the row's end, so the header stays one row at 1280 px */}
            <LanguageSwitch />
          </div>
          <ModePanel mode="live">
            <ErrorBoundary name="fault.liveTab">
              <LabViews />
            </ErrorBoundary>
          </ModePanel>
          <ModePanel mode="step">
            <ErrorBoundary name="fault.stepTab">
              <Suspense fallback={loadingTab}>
                <StepThroughTab />
              </Suspense>
            </ErrorBoundary>
          </ModePanel>
          <ModePanel mode="buglab">
            <ErrorBoundary name="fault.buglabTab">
              <Suspense fallback={loadingTab}>
                <BugLabTab />
              </Suspense>
            </ErrorBoundary>
          </ModePanel>
        </main>
      </div>
    </LabStoreContext.Provider>
  );
}
