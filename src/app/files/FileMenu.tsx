/**
 * The header's File menu: import and export the network file, export the cost history as CSV and
 * each view on show as PNG (and SVG where the view is vector), and load your own data.
 * A disclosure (a button and a list of buttons), so every item is a plain, labelled button.
 */
import { Suspense, lazy, useCallback, useEffect, useId, useRef, useState } from 'react';
import { problemOf } from '../../engine';
import { messageText, problemText } from '../../i18n/messageText';
import { useLab, useLabStoreApi } from '../../store/hooks';
import type { LabState } from '../../store/types';
import { downloadBlob, downloadText, readFileText } from '../browser/browser';
import { type FigureInfo, visibleFigures } from './figures';
import { useInViewport } from './useInViewport';
import { t, useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';

// The file readers and writers (and the JSON parser they carry) load when the menu is first used,
// not with the first render.
const fileTools = () => import('./files');
const DataDialog = lazy(() => import('./DataDialog').then((m) => ({ default: m.DataDialog })));

/** The menu's last outcome; worded when shown, so it follows a language switch. */
type Message = { tone: 'ok' | 'bad'; text: () => string };

function nameParts(state: LabState) {
  const network = state.snapshot?.network ?? state.initialNetwork;
  return {
    dataset: state.data?.kind === 'custom' ? 'custom' : state.config.dataset,
    sizes: network?.sizes,
    seed: state.config.seed,
    epoch: state.snapshot?.epoch ?? state.run.epoch,
  };
}

export function FileMenu() {
  const store = useLabStoreApi();
  const hasNetwork = useLab((s) => s.snapshot !== null);
  const epochs = useLab((s) => s.history.length);
  const [open, setOpen] = useState(false);
  const [dataOpen, setDataOpen] = useState(false);
  // the data dialog mounts when first asked for, then stays (closing it returns focus where it was)
  const [dataWanted, setDataWanted] = useState(false);
  const [figures, setFigures] = useState<FigureInfo[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  useT();
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  // wherever the header puts the button, the menu stays inside the window (the message has its own fixed corner)
  useInViewport(menuRef, open);

  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  // Escape or a click elsewhere closes the menu
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close]);

  const toggle = () => {
    if (!open) {
      setFigures(visibleFigures());
      // start fetching the file tools while the user picks an item
      void fileTools();
    }
    setOpen(!open);
  };

  const exportNetwork = async () => {
    const { exportFileName, exportNetworkText } = await fileTools();
    const state = store.getState();
    const network = state.snapshot?.network;
    if (!network) return;
    downloadText(exportNetworkText(network), exportFileName('network', 'json', nameParts(state)), 'application/json');
    setMessage({ tone: 'ok', text: () => t('file.savedNetwork', { epoch: formatEpoch(state.snapshot?.epoch ?? 0) }) });
    close();
  };

  const exportCosts = async () => {
    const { costHistoryCsv, exportFileName } = await fileTools();
    const state = store.getState();
    const { costs, length } = state.history;
    downloadText(costHistoryCsv(costs.subarray(0, length)), exportFileName('cost', 'csv', { ...nameParts(state), epoch: length }), 'text/csv');
    setMessage({ tone: 'ok', text: () => t('file.savedCosts', { count: length, n: formatEpoch(length) }) });
    close();
  };

  const exportPicture = async (figure: FigureInfo, kind: 'png' | 'svg') => {
    const [{ exportFileName, safeFileStem }, { figurePng, svgBlob }] = await Promise.all([fileTools(), import('./exportImage')]);
    const name = exportFileName(safeFileStem(figure.name.toLowerCase()), kind, nameParts(store.getState()));
    close();
    if (kind === 'svg' && figure.svg) {
      downloadBlob(svgBlob(figure.svg, '#ffffff'), name);
      setMessage({ tone: 'ok', text: () => t('file.savedPicture', { figure: figure.name.toLowerCase(), format: 'SVG' }) });
      return;
    }
    const png = await figurePng(figure.element);
    if (!png.ok) return setMessage({ tone: 'bad', text: () => messageText(png.error) });
    downloadBlob(png.value, name);
    setMessage({ tone: 'ok', text: () => t('file.savedPicture', { figure: figure.name.toLowerCase(), format: 'PNG' }) });
  };

  const importNetwork = async (file: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    const [{ errorText, importNetworkText }, { MAX_NETWORK_FILE_BYTES }] = await Promise.all([fileTools(), import('../../engine/networkFile')]);
    const text = await readFileText(file, MAX_NETWORK_FILE_BYTES);
    if (!text.ok) return setMessage({ tone: 'bad', text: () => t('file.networkError', { error: messageText(text.error) }) });
    const read = importNetworkText(text.value);
    if (!read.ok) return setMessage({ tone: 'bad', text: () => t('file.readError', { error: errorText(read.error) }) });
    setBusy(true);
    const refused = await store
      .getState()
      .loadNetwork(read.value)
      .then(
        () => null,
        (error: unknown) => problemOf(error),
      );
    setBusy(false);
    setMessage(
      refused === null
        ? { tone: 'ok', text: () => t('file.loaded', { shape: read.value.sizes.join('-') }) }
        : { tone: 'bad', text: () => t('file.networkError', { error: problemText(refused) }) },
    );
  };

  return (
    <div className="share-file" ref={rootRef}>
      <button ref={buttonRef} type="button" className="button" aria-expanded={open} aria-controls={menuId} onClick={toggle}>
        {t('file.button')} <span aria-hidden="true">▾</span>
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => void importNetwork(e.target.files?.[0])}
      />
      {open && (
        <div id={menuId} ref={menuRef} className="share-file__menu" role="group" aria-label={t('file.menu')}>
          <p className="share-file__group">{t('file.network')}</p>
          <button
            type="button"
            className="share-file__item"
            disabled={busy}
            onClick={() => {
              close(false);
              fileRef.current?.click();
            }}
          >
            {t('file.import')}
          </button>
          <button type="button" className="share-file__item" disabled={!hasNetwork} onClick={() => void exportNetwork()}>
            {t('file.export')}
          </button>
          <p className="share-file__group">{t('file.data')}</p>
          <button
            type="button"
            className="share-file__item"
            onClick={() => {
              close(false);
              setDataWanted(true);
              setDataOpen(true);
            }}
          >
            {t('file.ownData')}
          </button>
          <button type="button" className="share-file__item" disabled={epochs === 0} onClick={() => void exportCosts()}>
            {t('file.exportCosts')}
          </button>
          {figures.length > 0 && <p className="share-file__group">{t('file.pictures')}</p>}
          {figures.map((figure) => (
            <div key={figure.name} className="share-file__row">
              <span className="share-file__name">{figure.name}</span>
              <button
                type="button"
                className="share-file__item share-file__item--format"
                aria-label={t('file.asFormat', { figure: figure.name, format: 'PNG' })}
                onClick={() => void exportPicture(figure, 'png')}
              >
                PNG
              </button>
              {figure.svg && (
                <button
                  type="button"
                  className="share-file__item share-file__item--format"
                  aria-label={t('file.asFormat', { figure: figure.name, format: 'SVG' })}
                  onClick={() => void exportPicture(figure, 'svg')}
                >
                  SVG
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {message && (
        <p className={`share-file__message is-${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'}>
          <span>{message.text()}</span>
          <button type="button" className="icon-button" aria-label={t('file.dismiss')} onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      )}
      {dataWanted && (
        <Suspense fallback={null}>
          <DataDialog open={dataOpen} onClose={() => setDataOpen(false)} onLoaded={(text) => setMessage({ tone: 'ok', text })} />
        </Suspense>
      )}
    </div>
  );
}
