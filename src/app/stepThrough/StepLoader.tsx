/**
 * What to step through: a shipped worked example (network, data and the settings it was worked
 * with), or the user's own network file and/or dataset file. Everything is read and checked before
 * anything is sent; a bad file shows the engine's message and the lab stays as it was.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type Dataset, MAX_CSV_CHARS, MAX_NETWORK_FILE_BYTES, type Network } from '../../engine';
import { useLabStoreApi } from '../../store/hooks';
import { type ExampleEntry, loadExample, parseExampleIndex } from '../../views/stepper/examples';
import { problemText } from '../../i18n/messageText';
import { readFileText } from '../browser/browser';
import { exampleUrl, readDatasetFile, readNetworkFile } from './userFiles';

export interface LoadOutcome {
  ok: boolean;
  message: string;
}

const readExampleText = async (file: string): Promise<string> => {
  const response = await fetch(exampleUrl(file));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

export function StepLoader({ onOutcome }: { onOutcome(outcome: LoadOutcome | null): void }) {
  const store = useLabStoreApi();
  const id = useId();
  const [entries, setEntries] = useState<ExampleEntry[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const networkInput = useRef<HTMLInputElement>(null);
  const dataInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let alive = true;
    readExampleText('index.json').then(
      (text) => {
        if (!alive) return;
        const index = parseExampleIndex(text);
        if (!index.ok) return onOutcome({ ok: false, message: index.error });
        setEntries(index.value);
      },
      (err: Error) => alive && onOutcome({ ok: false, message: `The worked examples could not be read (${err.message}).` }),
    );
    return () => {
      alive = false;
    };
  }, [onOutcome]);

  const entry = entries.find((e) => e.id === chosen) ?? null;

  // picking an example loads it: the selector never names an example the lab is not showing
  const loadChosenExample = async (picked: ExampleEntry | null = entry) => {
    if (!picked) return;
    const entry = picked;
    setBusy(true);
    const result = await loadExample(entry, readExampleText);
    setBusy(false);
    if (!result.ok) return onOutcome({ ok: false, message: result.error });
    const { network, data, options } = result.value;
    const problem = store.getState().loadIntoLab({ network, data, options });
    onOutcome(problem ? { ok: false, message: `${entry.title}: ${problem}` } : { ok: true, message: `Loaded “${entry.title}”. ${entry.description}` });
  };

  const loadFiles = async () => {
    const networkFile = networkInput.current?.files?.[0];
    const dataFile = dataInput.current?.files?.[0];
    if (!networkFile && !dataFile) return onOutcome({ ok: false, message: 'Choose a network file, a dataset file, or both.' });
    setBusy(true);
    try {
      let data: Dataset | undefined;
      if (dataFile) {
        const text = await readFileText(dataFile, MAX_CSV_CHARS);
        if (!text.ok) return onOutcome({ ok: false, message: `${dataFile.name}: ${problemText(text.error)}` });
        const read = readDatasetFile(text.value, dataFile.name);
        if (!read.ok) return onOutcome({ ok: false, message: read.error });
        data = read.value;
      }
      let network: Network | undefined;
      if (networkFile) {
        const text = await readFileText(networkFile, MAX_NETWORK_FILE_BYTES);
        if (!text.ok) return onOutcome({ ok: false, message: `${networkFile.name}: ${problemText(text.error)}` });
        const read = readNetworkFile(text.value, networkFile.name);
        if (!read.ok) return onOutcome({ ok: false, message: read.error });
        network = read.value;
      }
      const problem = store.getState().loadIntoLab({ network, data });
      const names = [networkFile?.name, dataFile?.name].filter(Boolean).join(' and ');
      onOutcome(problem ? { ok: false, message: `${names}: ${problem}` } : { ok: true, message: `Loaded ${names}.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="step-loader">
      <div className="step-loader__group">
        <label htmlFor={`${id}-example`} className="step-loader__title">
          Worked example
        </label>
        <select
          id={`${id}-example`}
          value={chosen}
          onChange={(event) => {
            setChosen(event.target.value);
            void loadChosenExample(entries.find((e) => e.id === event.target.value) ?? null);
          }}
          disabled={entries.length === 0 || busy}
        >
          <option value="" disabled>
            None loaded: pick one to load it
          </option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          onClick={() => void loadChosenExample()}
          disabled={!entry || busy}
          title="Back to the example's own weights and settings"
        >
          Load example
        </button>
      </div>
      <div className="step-loader__group" role="group" aria-labelledby={`${id}-files`}>
        <span id={`${id}-files`} className="step-loader__title">
          Your files
        </span>
        <label className="step-loader__file">
          Network file <input ref={networkInput} type="file" accept=".json,application/json" />
        </label>
        <label className="step-loader__file">
          Dataset file <input ref={dataInput} type="file" accept=".json,.csv,application/json,text/csv" />
        </label>
        <button type="button" className="button button--small" onClick={loadFiles} disabled={busy}>
          Load files
        </button>
      </div>
    </div>
  );
}
