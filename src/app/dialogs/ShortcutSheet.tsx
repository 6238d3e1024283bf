/**
 * The keyboard shortcut sheet: opened with ? (or its button), closed with Escape. A modal dialog,
 * so focus stays in it and returns where it was.
 */
import { useEffect, useState } from 'react';
import { isTextEntry } from '../../views/keyboardFocus';
import { useModalDialog } from './useModalDialog';
import { type MessageKey, useT } from '../../i18n/setup';

const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: MessageKey }> = [
  { keys: ['Space'], what: 'shortcuts.space' },
  { keys: ['→'], what: 'shortcuts.right' },
  { keys: ['←'], what: 'shortcuts.left' },
  { keys: ['←', '→'], what: 'shortcuts.arrows' },
  { keys: ['Tab'], what: 'shortcuts.tab' },
  { keys: ['Enter'], what: 'shortcuts.enter' },
  { keys: ['?'], what: 'shortcuts.help' },
  { keys: ['Escape'], what: 'shortcuts.escape' },
];

export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  const t = useT();
  const dialogRef = useModalDialog(open);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
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
                {SHORTCUTS.map((shortcut) => (
                  <tr key={shortcut.what}>
                    <td>
                      {shortcut.keys.map((key, k) => (
                        <span key={key}>
                          {k > 0 && ' '}
                          <kbd>{key === 'Space' ? t('shortcuts.keySpace') : key}</kbd>
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
