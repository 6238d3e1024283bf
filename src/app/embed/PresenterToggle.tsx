/**
 * The header's Presenter switch: large type, high contrast, and ← → through the tour's or the stepper's
 * steps; kept in the link. While it is on it stands out (the way back) and Escape leaves too.
 */
import { useCallback } from 'react';
import { useLabStoreApi } from '../../store/hooks';
import { setPresenter, usePageLink } from './pageLinkState';
import { useEscapeLeavesPresenter, usePresenterKeys } from './usePresenterKeys';
import { useT } from '../../i18n/setup';
import './embed.css';

export function PresenterToggle() {
  const store = useLabStoreApi();
  const { presenter } = usePageLink();
  usePresenterKeys(presenter);
  useEscapeLeavesPresenter(
    presenter,
    useCallback(() => setPresenter(store, false), [store]),
  );
  const t = useT();
  return (
    <button
      type="button"
      className={`button button--small presenter-toggle${presenter ? ' is-on' : ''}`}
      aria-pressed={presenter}
      aria-keyshortcuts={presenter ? 'Escape' : undefined}
      onClick={() => setPresenter(store, !presenter)}
      title={t(presenter ? 'presenter.leaveTitle' : 'presenter.title')}
    >
      {t('presenter.button')}
      {presenter && (
        <kbd className="presenter-toggle__key" aria-hidden="true">
          Esc
        </kbd>
      )}
    </button>
  );
}
