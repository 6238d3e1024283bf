/**
 * One view of the lab filling the frame (`embed=`), with the controls the link asks for
 * (`controls=none|play|full`) and the projector scale (`size=large`). The worker, the store and the
 * link's settings are the full page's; only the layout differs.
 */
import { Suspense, lazy, useEffect } from 'react';
import { useT, withCatalog } from '../../i18n/setup';
import { useLabStoreApi } from '../../store/hooks';
import { TourSlot } from '../tour/TourSlot';
import { ControlsPanel } from '../ControlsPanel';
import { BoundaryView, CostView, GraphView, ScrubBar } from '../LabViews';
import { StatusLine } from '../StatusLine';
import { Transport } from '../Transport';
import { NotesBanner } from '../ShareTools';
import type { EmbedView, PageLink } from './embedLink';
import { usePresenterKeys } from './usePresenterKeys';
import './embed.css';

const StepThroughTab = lazy(() => withCatalog('step', import('../stepThrough/StepThroughTab')).then((m) => ({ default: m.StepThroughTab })));
const TwinSection = lazy(() => withCatalog('buglab', import('../bugLab/TwinSection')).then((m) => ({ default: m.TwinSection })));

export function EmbedPage({ link }: { link: PageLink & { embed: EmbedView } }) {
  usePresenterKeys(link.presenter);
  const t = useT();
  const classes = [
    'embed',
    `embed--${link.embed}`,
    `embed--controls-${link.controls}`,
    link.large ? 'embed--large' : '',
    link.presenter ? 'app--presenter' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      {link.controls !== 'none' && (
        <header className="embed__controls panel">
          <Transport />
          {link.controls === 'full' && <StatusLine />}
        </header>
      )}
      <NotesBanner />
      <div className="embed__body">
        {link.controls === 'full' && <ControlsPanel />}
        <main className="embed__view card" aria-label={t(`embed.view.${link.embed}`)}>
          <Suspense fallback={<p>{t('app.loading')}</p>}>{viewOf(link.embed)}</Suspense>
        </main>
      </div>
    </div>
  );
}

function viewOf(view: EmbedView) {
  switch (view) {
    case 'graph':
      return <GraphView />;
    case 'boundary':
      return <BoundaryView />;
    case 'cost':
      return (
        <>
          <CostView />
          <ScrubBar />
        </>
      );
    case 'step':
      return <StepThroughTab />;
    case 'twin':
      return <TwinSection />;
    case 'tour':
      return <TourEmbed />;
  }
}

/** The guided tour alone: it opens on its first step unless the link (`tour=N`) chose one. */
function TourEmbed() {
  const store = useLabStoreApi();
  useEffect(() => {
    if (store.getState().story.tourStep === null) store.getState().setTourStep(1);
  }, [store]);
  return <TourSlot />;
}
