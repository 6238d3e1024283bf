/** The notes banner: what the page refused or had to do (a bad link, a restarted worker), as plain text. */
import { useLab } from '../../store/hooks';
import { problemText } from '../../i18n/messageText';
import { hasCatalogGroup, useT } from '../../i18n/setup';

export function NotesBanner() {
  const all = useLab((s) => s.share.notes);
  const dismiss = useLab((s) => s.dismissNotes);
  const t = useT();
  // coded notes are worded once their messages are in (loaded right after the first render)
  const notes = hasCatalogGroup('errors') ? all : [];
  // the live region stays in the page, so notes added later are announced
  return (
    <section className="share-notes" aria-label={t('notes.label')} aria-live="polite" hidden={notes.length === 0}>
      {notes.length > 0 && (
        <>
          <ul className="share-notes__list">
            {notes.map((note) => (
              // the slice keeps one note per message
              <li key={JSON.stringify(note.message)}>{problemText(note.message)}</li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={dismiss}>
            {t('notes.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}
