/** "Copy link": the address of exactly these settings (and seed) to the clipboard, with a word that it worked. */
import { useEffect, useId, useRef, useState } from 'react';
import { useLab, useLabStoreApi } from '../../../store/hooks';
import { copyText } from '../browser';
import { settingsOfState } from '../storeBridge';
import { LAB_UI_PROPERTIES, settingsLink } from '../urlState';
import { linkWithLang } from '../../../i18n/langLink';
import { currentLanguage } from '../../../i18n/setup';

export const COPIED_SHOWN_MS = 4000;

export function CopyLink() {
  const store = useLabStoreApi();
  const [copied, setCopied] = useState(false);
  const custom = useLab((s) => s.data?.kind === 'custom');
  // when the clipboard is refused, the link is shown to copy by hand
  const [manual, setManual] = useState<string | null>(null);
  const manualRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  useEffect(() => {
    if (manual !== null) manualRef.current?.select();
  }, [manual]);

  const copy = async () => {
    const link = linkWithLang(settingsLink(window.location.href, settingsOfState(store.getState()), LAB_UI_PROPERTIES), currentLanguage());
    if (await copyText(link)) {
      setManual(null);
      setCopied(true);
    } else setManual(link);
  };

  return (
    <div className="share-link">
      <button type="button" className="button" onClick={() => void copy()} title="A link to these settings and this seed: it opens the same run">
        Copy link
      </button>
      <span className="share-link__done" role="status" aria-label="Link">
        {copied ? (custom ? 'Link copied (your own data is not in it)' : 'Link copied') : ''}
      </span>
      {manual !== null && (
        <span className="share-link__manual">
          <label htmlFor={`${id}-link`}>Copy this link:</label>
          <input id={`${id}-link`} ref={manualRef} type="text" readOnly value={manual} onKeyDown={(e) => e.key === 'Escape' && setManual(null)} />
          <button type="button" className="icon-button" aria-label="Close the link" onClick={() => setManual(null)}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
