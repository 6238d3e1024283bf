/**
 * "Your data": a CSV file or pasted text, x1, x2, … for inputs and y1, y2, … for targets. Errors
 * name the line and the column; nothing loads until the whole text reads. The data stays in this
 * browser: a shared link only names a dataset.
 */
import { useId, useState } from 'react';
import { MAX_USER_SAMPLES, type Problem, engineMessage } from '../../engine';
import { MAX_CSV_CHARS } from '../../engine/csv';
import { withNodes } from '../../i18n/Rich';
import { useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';
import { useLabStoreApi } from '../../store/hooks';
import { readFileText } from '../browser/browser';
import { dataSizeError, errorText, importDatasetCsv } from './files';
import { loadUserData } from './loadUserData';
import { useModalDialog } from '../dialogs/useModalDialog';

const EXAMPLE = 'x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,0';

/** `onLoaded` gets the sentence saying what loaded, worded when shown (so it follows a language switch). */
export function DataDialog({ open, onClose, onLoaded }: { open: boolean; onClose(): void; onLoaded(message: () => string): void }) {
  const store = useLabStoreApi();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const t = useT();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const dialogRef = useModalDialog(open, () => setProblem(null));

  const load = async (csv: string, source: 'file' | 'pasted') => {
    const read = importDatasetCsv(csv, 'custom');
    if (!read.ok) return setProblem(read.error);
    const tooBig = dataSizeError(read.value, store.getState().config);
    if (tooBig) return setProblem(tooBig);
    setBusy(true);
    const refused = await loadUserData(store, read.value);
    setBusy(false);
    if (refused !== null) return setProblem(engineMessage('fileData', { detail: refused }));
    const { count, inputSize, outputSize } = read.value;
    onLoaded(() =>
      t('data.loaded', {
        source,
        count,
        n: formatEpoch(count),
        inputs: inputSize,
        targets: outputSize,
      }),
    );
    onClose();
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readFileText(file, MAX_CSV_CHARS);
    if (!read.ok) return setProblem(engineMessage('fileData', { detail: read.error }));
    setText(read.value.length > 20_000 ? '' : read.value);
    await load(read.value, 'file');
  };

  return (
    <dialog ref={dialogRef} className="share-dialog share-data" aria-labelledby={`${id}-title`} onClose={onClose}>
      {open && (
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void load(text, 'pasted');
          }}
        >
          <h2 id={`${id}-title`}>{t('data.title')}</h2>
          <p className="share-dialog__hint">
            {withNodes((slots) => t('data.hint', { ...slots, max: formatEpoch(MAX_USER_SAMPLES) }), {
              x1: <code>x1</code>,
              x2: <code>x2</code>,
              y1: <code>y1</code>,
              y2: <code>y2</code>,
            })}
          </p>
          <label className="share-dialog__label" htmlFor={`${id}-file`}>
            {t('data.file')}
          </label>
          <input id={`${id}-file`} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
          <label className="share-dialog__label" htmlFor={`${id}-text`}>
            {t('data.paste')}
          </label>
          <textarea
            id={`${id}-text`}
            rows={8}
            spellCheck={false}
            placeholder={EXAMPLE}
            value={text}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
          />
          {problem && (
            <p id={`${id}-problem`} className="share-dialog__problem" role="alert">
              {errorText(problem)}
            </p>
          )}
          <p className="share-dialog__note">{t('data.note')}</p>
          <div className="share-dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('data.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('data.load')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
