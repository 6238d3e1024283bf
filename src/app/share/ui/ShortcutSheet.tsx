/**
 * The keyboard shortcut sheet: opened with ? (or its button), closed with Escape. A modal dialog,
 * so focus stays in it and returns where it was.
 */
import { useEffect, useState } from 'react';
import { isTextEntry } from '../../../views/keyboardFocus';
import { useModalDialog } from './useModalDialog';

const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['Space'], what: 'Play or pause the run, in every tab, also right after clicking a button, tab, preset or toggle' },
  { keys: ['→'], what: 'Live lab and Bug lab: step one epoch. Step through: next step of the pass' },
  { keys: ['←'], what: 'Step through: previous step of the pass' },
  { keys: ['←', '→'], what: 'Reached with Tab, on the mode tabs, the Derivative choice or the network graph: move within it. After a click they stay the page’s keys' },
  { keys: ['Tab'], what: 'Next control; Shift + Tab goes back. Space or Enter presses the control Tab reached' },
  { keys: ['Enter'], what: 'On a weight or bias of the graph: type a new value' },
  { keys: ['?'], what: 'This list of shortcuts' },
  { keys: ['Escape'], what: 'Close a dialog or menu; cancel an edit' },
];

export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
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
      <button type="button" className="button share-keys-button" aria-keyshortcuts="Shift+?" onClick={() => setOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        <span aria-hidden="true">?</span>
      </button>
      <dialog ref={dialogRef} className="share-dialog share-keys" aria-labelledby="share-keys-title" onClose={() => setOpen(false)}>
        {open && (
          <>
            <h2 id="share-keys-title">Keyboard shortcuts</h2>
            <table className="share-keys__table">
              <thead>
                <tr>
                  <th scope="col">Keys</th>
                  <th scope="col">What they do</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map((shortcut) => (
                  <tr key={shortcut.what}>
                    <td>
                      {shortcut.keys.map((key, k) => (
                        <span key={key}>
                          {k > 0 && ' '}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{shortcut.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="share-dialog__hint">No key changes a setting unless Tab brought you to it. Shortcuts wait while you type in a field or work a dialog. Every control is reachable with Tab and shows a blue focus ring.</p>
            <div className="share-dialog__actions">
              <button type="button" className="button button--primary" onClick={() => setOpen(false)} autoFocus>
                Close
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
