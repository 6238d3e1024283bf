/**
 * What to step through: a shipped worked example (network, data and the settings it was worked
 * with), or the user's own network file and/or dataset file. Everything is read and checked before
 * anything is sent; a bad file shows the engine's message and the lab stays as it was.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Dataset, Network } from '../../engine';
import { MAX_CSV_CHARS } from '../../engine/csv';
import { MAX_NETWORK_FILE_BYTES } from '../../engine/networkFile';
import { useLabStoreApi } from '../../store/hooks';
import { type ExampleEntry, loadExample, parseExampleIndex } from '../../views/stepper/examples';
import { problemText } from '../../i18n/messageText';
import { readFileText } from '../browser/browser';
import { exampleUrl, readDatasetFile, readNetworkFile } from './userFiles';
import { listText, type MessageKey, t as translate, useT } from '../../i18n/setup';

export interface LoadOutcome {
  ok: boolean;
  /** the message in the page's language at the time it is shown (a switch rewrites it) */
  message(): string;
}

const readExampleText = async (file: string): Promise<string> => {
  const response = await fetch(exampleUrl(file));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

/** An example's title or description as the page shows it: from the catalogs by its id, the index's own text for an id they lack. */
export function exampleText(entry: ExampleEntry, part: 'title' | 'description'): string {
  const key = `step.example.${entry.id}.${part}` as const;
  const text = translate(key as MessageKey);
  return text === key ? entry[part] : text;
}

export function StepLoader({ onOutcome }: { onOutcome(outcome: LoadOutcome | null): void }) {
  const t = useT();
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
        if (!index.ok) return onOutcome({ ok: false, message: () => index.error });
        setEntries(index.value);
      },
      (err: Error) => alive && onOutcome({ ok: false, message: () => translate('step.loader.indexUnreadable', { error: err.message }) }),
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
    // the dataset is named by the example's title as the page shows it
    const result = await loadExample({ ...entry, title: exampleText(entry, 'title') }, readExampleText);
    setBusy(false);
    if (!result.ok) return onOutcome({ ok: false, message: () => result.error });
    const { network, data, options } = result.value;
    const problem = store.getState().loadIntoLab({ network, data, options });
    onOutcome(
      problem
        ? { ok: false, message: () => t('step.loader.problem', { what: exampleText(entry, 'title'), problem: problemText(problem) }) }
        : { ok: true, message: () => t('step.loader.loadedExample', { title: exampleText(entry, 'title'), description: exampleText(entry, 'description') }) },
    );
  };

  const loadFiles = async () => {
    const networkFile = networkInput.current?.files?.[0];
    const dataFile = dataInput.current?.files?.[0];
    if (!networkFile && !dataFile) return onOutcome({ ok: false, message: () => t('step.loader.chooseFiles') });
    setBusy(true);
    try {
      let data: Dataset | undefined;
      if (dataFile) {
        const text = await readFileText(dataFile, MAX_CSV_CHARS);
        if (!text.ok) return onOutcome({ ok: false, message: () => `${dataFile.name}: ${problemText(text.error)}` });
        const read = readDatasetFile(text.value, dataFile.name);
        if (!read.ok) return onOutcome({ ok: false, message: read.error });
        data = read.value;
      }
      let network: Network | undefined;
      if (networkFile) {
        const text = await readFileText(networkFile, MAX_NETWORK_FILE_BYTES);
        if (!text.ok) return onOutcome({ ok: false, message: () => `${networkFile.name}: ${problemText(text.error)}` });
        const read = readNetworkFile(text.value, networkFile.name);
        if (!read.ok) return onOutcome({ ok: false, message: read.error });
        network = read.value;
      }
      const problem = store.getState().loadIntoLab({ network, data });
      const files = [networkFile?.name, dataFile?.name].filter((name): name is string => !!name);
      const names = () => listText(files);
      onOutcome(
        problem
          ? { ok: false, message: () => t('step.loader.problem', { what: names(), problem: problemText(problem) }) }
          : { ok: true, message: () => t('step.loader.loadedFiles', { names: names() }) },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="step-loader">
      <div className="step-loader__group">
        <label htmlFor={`${id}-example`} className="step-loader__title">
          {t('step.loader.example')}
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
            {t('step.loader.noneLoaded')}
          </option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {exampleText(e, 'title')}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          onClick={() => void loadChosenExample()}
          disabled={!entry || busy}
          title={t('step.loader.reloadHint')}
        >
          {t('step.loader.loadExample')}
        </button>
      </div>
      <div className="step-loader__group" role="group" aria-labelledby={`${id}-files`}>
        <span id={`${id}-files`} className="step-loader__title">
          {t('step.loader.yourFiles')}
        </span>
        <label className="step-loader__file">
          {t('step.loader.networkFile')} <input ref={networkInput} type="file" accept=".json,application/json" />
        </label>
        <label className="step-loader__file">
          {t('step.loader.datasetFile')} <input ref={dataInput} type="file" accept=".json,.csv,application/json,text/csv" />
        </label>
        <button type="button" className="button button--small" onClick={loadFiles} disabled={busy}>
          {t('step.loader.loadFiles')}
        </button>
      </div>
    </div>
  );
}
