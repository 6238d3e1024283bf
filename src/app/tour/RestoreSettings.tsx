/** After leaving the guided tour that changed the lab's settings: put back the ones from before it, or keep the tour's. */
import { useLabStoreApi } from '../../store/hooks';
import { useT } from '../../i18n/setup';
import { keepTourSettings, restoreSettingsBeforeTour, useRestoreOffered } from './tourReturn';
import './tour.css';

export function RestoreSettings() {
  const store = useLabStoreApi();
  const offered = useRestoreOffered();
  const t = useT();
  if (!offered) return null;
  return (
    <section className="card tour-return" aria-label={t('tourReturn.label')}>
      <p className="tour-return__text">{t('tourReturn.text')}</p>
      <div className="tour-return__actions">
        <button type="button" className="button button--primary" onClick={() => restoreSettingsBeforeTour(store)}>
          {t('tourReturn.restore')}
        </button>
        <button type="button" className="button" onClick={keepTourSettings}>
          {t('tourReturn.keep')}
        </button>
      </div>
    </section>
  );
}
