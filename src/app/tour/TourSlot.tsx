/** Where the guided tour goes: loaded only once it is opened, so the first render stays lean. */
import { Suspense, lazy } from 'react';
import { useLab } from '../../store/hooks';
import { useT, withCatalog } from '../../i18n/setup';
import { RestoreSettings } from './RestoreSettings';

const GuidedTour = lazy(() => withCatalog('tour', import('./GuidedTour')).then((m) => ({ default: m.GuidedTour })));

export function TourSlot() {
  const open = useLab((s) => s.story.tourStep !== null);
  const t = useT();
  // a closed tour that changed the settings offers them back
  if (!open) return <RestoreSettings />;
  return (
    <Suspense fallback={<p className="mode-panel__empty">{t('tour.loading')}</p>}>
      <GuidedTour />
    </Suspense>
  );
}
