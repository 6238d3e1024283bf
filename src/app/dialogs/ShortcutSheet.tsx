/**
 * The keyboard shortcut sheet: opened with ? (or its button), closed with Escape. A modal dialog,
 * so focus stays in it and returns where it was.
 */
import { useEffect, useState } from 'react';
import { isTextEntry } from '../../views/keyboardFocus';
import { useModalDialog } from './useModalDialog';
import { useT } from '../../i18n/setup';
import { SHORTCUTS, isShortcut, shownKey } from '../shortcutKeys';

/** The sheet's rows, in this order: the table the handlers read (src/app/shortcutKeys.ts). */
const ROWS = Object.values(SHORTCUTS);

export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  const t = useT();
  const dialogRef = useModalDialog(open);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(SHORTCUTS.help, event.key) || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target))
        return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        className="button share-keys-button"
        aria-keyshortcuts="Shift+?"
        onClick={() => setOpen(true)}
        aria-label={t('shortcuts.button')}
        title={t('shortcuts.buttonTitle')}
      >
        <span aria-hidden="true">?</span>
      </button>
      <dialog ref={dialogRef} className="share-dialog share-keys" aria-labelledby="share-keys-title" onClose={() => setOpen(false)}>
        {open && (
          <>
            <h2 id="share-keys-title">{t('shortcuts.title')}</h2>
            <table className="share-keys__table">
              <thead>
                <tr>
                  <th scope="col">{t('shortcuts.keys')}</th>
                  <th scope="col">{t('shortcuts.what')}</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((shortcut) => (
                  <tr key={shortcut.what}>
                    <td>
                      {shortcut.keys.map((key, k) => (
                        <span key={key}>
                          {k > 0 && ' '}
                          <kbd>{shownKey(key, t('shortcuts.keySpace'))}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{t(shortcut.what)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="share-dialog__hint">{t('shortcuts.hint')}</p>
            <div className="share-dialog__actions">
              {/* biome-ignore lint/a11y/noAutofocus: the dialog's first focus, as the HTML spec asks a modal dialog to set it */}
              <button type="button" className="button button--primary" onClick={() => setOpen(false)} autoFocus>
                {t('shortcuts.close')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
