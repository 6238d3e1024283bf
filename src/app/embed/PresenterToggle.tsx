/** The header's Presenter switch: large type, high contrast, and ← → through the tour's or the stepper's steps; kept in the link. */
import { useLabStoreApi } from '../../store/hooks';
import { setPresenter, usePageLink } from './pageLinkState';
import { usePresenterKeys } from './usePresenterKeys';
import { useT } from '../../i18n/setup';
import './embed.css';

export function PresenterToggle() {
  const store = useLabStoreApi();
  const { presenter } = usePageLink();
  usePresenterKeys(presenter);
  const t = useT();
  return (
    <button
      type="button"
      className={`button button--small${presenter ? ' is-on' : ''}`}
      aria-pressed={presenter}
      onClick={() => setPresenter(store, !presenter)}
      title={t('presenter.title')}
    >
      {t('presenter.button')}
    </button>
  );
}
