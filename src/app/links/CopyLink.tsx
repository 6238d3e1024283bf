/** "Copy link": the address of exactly these settings (and seed, epoch, tab, tour step, mystery) to the clipboard, with a word that it worked. */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useLab, useLabStoreApi } from '../../store/hooks';
import { copyText } from '../browser/browser';
import { settingsOfState } from '../storage/storeBridge';
import { LAB_UI_PROPERTIES, settingsLink } from './urlState';
import { withPageKeys } from './pageKeys';
import { onReplayTarget, replayTarget } from './replayProgress';
import { loadCatalogGroup, useT } from '../../i18n/setup';

const COPIED_SHOWN_MS = 4000;

export function CopyLink() {
  const store = useLabStoreApi();
  const [copied, setCopied] = useState<'copied' | 'fromStart' | null>(null);
  const replaying = useSyncExternalStore(onReplayTarget, replayTarget);
  const custom = useLab((s) => s.data?.kind === 'custom');
  // when the clipboard is refused, the link is shown to copy by hand
  const [manual, setManual] = useState<string | null>(null);
  const manualRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const t = useT();

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  useEffect(() => {
    if (manual !== null) manualRef.current?.select();
  }, [manual]);

  const copy = async () => {
    // the old word goes at once: the new one says this copy worked
    setCopied(null);
    const state = store.getState();
    const url = new URL(settingsLink(window.location.href, settingsOfState(state), LAB_UI_PROPERTIES));
    // the epoch rides on the copied link only (links/epochLink.ts): the address bar would change every epoch
    const [{ epochReplayable, withEpoch }] = await Promise.all([import('./epochLink'), loadCatalogGroup('errors')]);
    url.search = withEpoch(withPageKeys(url.searchParams, state), state).toString();
    const link = url.toString();
    if (await copyText(link)) {
      setManual(null);
      setCopied(state.run.epoch > 0 && !epochReplayable(state) ? 'fromStart' : 'copied');
    } else setManual(link);
  };

  return (
    <div className="share-link">
      <button type="button" className="button" onClick={() => void copy()} title={t('link.copyTitle')}>
        {t('link.copy')}
      </button>
      <span className="share-link__done" role="status" aria-label={t('link.status')}>
        {replaying !== null
          ? t('epochLink.replaying', { epoch: replaying.toLocaleString('en') })
          : copied === 'fromStart'
            ? t('epochLink.copiedFromStart')
            : copied
              ? t(custom ? 'link.copiedCustom' : 'link.copied')
              : ''}
      </span>
      {manual !== null && (
        <span className="share-link__manual">
          <label htmlFor={`${id}-link`}>{t('link.manual')}</label>
          <input id={`${id}-link`} ref={manualRef} type="text" readOnly value={manual} onKeyDown={(e) => e.key === 'Escape' && setManual(null)} />
          <button type="button" className="icon-button" aria-label={t('link.close')} onClick={() => setManual(null)}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
