/**
 * "Your data": a CSV file or pasted text, x1, x2, … for inputs and y1, y2, … for targets. Errors
 * name the line and the column; nothing loads until the whole text reads. The data stays in this
 * browser: a shared link only names a dataset.
 */
import { useId, useState } from 'react';
import { MAX_CSV_CHARS, MAX_USER_SAMPLES } from '../../engine';
import { useLabStoreApi } from '../../store/hooks';
import { readFileText } from '../browser/browser';
import { dataSizeError, importDatasetCsv } from './files';
import { useModalDialog } from '../dialogs/useModalDialog';

const EXAMPLE = 'x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,0';

export function DataDialog({ open, onClose, onLoaded }: { open: boolean; onClose(): void; onLoaded(message: string): void }) {
  const store = useLabStoreApi();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const dialogRef = useModalDialog(open, () => setProblem(null));

  const load = async (csv: string, source: string) => {
    const read = importDatasetCsv(csv, 'custom');
    if (!read.ok) return setProblem(read.error);
    const tooBig = dataSizeError(read.value, store.getState().config);
    if (tooBig) return setProblem(tooBig);
    setBusy(true);
    const refused = await store
      .getState()
      .loadData(read.value)
      .then(
        () => null,
        (error: Error) => error.message,
      );
    setBusy(false);
    if (refused !== null) return setProblem(`Data: ${refused}`);
    const { count, inputSize, outputSize } = read.value;
    onLoaded(
      `Loaded your data from ${source}: ${count} samples, ${inputSize} input${inputSize > 1 ? 's' : ''} → ${outputSize} target${outputSize > 1 ? 's' : ''}.`,
    );
    onClose();
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readFileText(file, MAX_CSV_CHARS);
    if (!read.ok) return setProblem(`Data: ${read.error}`);
    setText(read.value.length > 20_000 ? '' : read.value);
    await load(read.value, 'the file');
  };

  return (
    <dialog ref={dialogRef} className="share-dialog share-data" aria-labelledby={`${id}-title`} onClose={onClose}>
      {open && (
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void load(text, 'the pasted text');
          }}
        >
          <h2 id={`${id}-title`}>Your own data</h2>
          <p className="share-dialog__hint">
            A header row names the columns: <code>x1</code>, <code>x2</code>, … are inputs and <code>y1</code>, <code>y2</code>, … targets, in any order; then
            one sample a line, separated by commas or tabs. Up to {MAX_USER_SAMPLES.toLocaleString('en')} rows. The decision boundary shows x1 and x2.
          </p>
          <label className="share-dialog__label" htmlFor={`${id}-file`}>
            Load a CSV file
          </label>
          <input id={`${id}-file`} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
          <label className="share-dialog__label" htmlFor={`${id}-text`}>
            Or paste it here
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
              {problem}
            </p>
          )}
          <p className="share-dialog__note">Your data stays in this browser: it is not part of a shared link, which opens a named dataset.</p>
          <div className="share-dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              Load data
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
