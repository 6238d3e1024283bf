/** Where the guided tour goes: loaded only once it is opened, so the first render stays lean. */
import { Suspense, lazy, useRef } from 'react';
import { useLab } from '../../store/hooks';
import { useT, withCatalog } from '../../i18n/setup';

const GuidedTour = lazy(() => withCatalog('tour', import('./GuidedTour')).then((m) => ({ default: m.GuidedTour })));

export function TourSlot() {
  const open = useLab((s) => s.story.tourStep !== null);
  // once opened, the tour stays mounted: closed, it offers back the settings it replaced (RestoreSettings.tsx)
  const opened = useRef(false);
  opened.current ||= open;
  const t = useT();
  if (!opened.current) return null;
  return (
    <Suspense fallback={<p className="mode-panel__empty">{t('tour.loading')}</p>}>
      <GuidedTour />
    </Suspense>
  );
}
